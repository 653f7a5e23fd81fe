/**
 * Extraction's statistical models (OpenNLP): English part of speech, Indonesian part of speech and
 * named entities, in src/main/resources/extract/nlp (the Indonesian ones trained by
 * tools/train-indonesian-models.sh).
 */
package org.allegationatlas.extract.nlp;
