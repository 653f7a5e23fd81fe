/**
 * Extraction's first stage, the text: the dateline, sentences, tokens with their exact offsets in
 * the body, and the language. Knows no word lists beyond those it is given.
 */
package org.allegationatlas.extract.text;
