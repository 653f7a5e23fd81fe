/**
 * Extraction's dictionaries and word lists, loaded from src/main/resources/extract/lexicon: the
 * project's lists (cues, role words, titles, bodies, categories ...), country names, and the
 * Phoenix dictionaries of people, bodies, places and verbs (tools/convert-phoenix.py).
 */
package org.allegationatlas.extract.lexicon;
