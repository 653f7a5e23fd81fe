/**
 * Extraction's reading of sentences into claims: the parties each sentence names, who speaks with
 * which cue, about whom, the other party and the place, then stance, category, date, confidence and
 * the explanation of each. Entry point: {@link org.allegationatlas.extract.roles.ArticleReader}; its
 * settings (limits, confidence weights, summary templates) are in src/main/resources/extract/roles.
 */
package org.allegationatlas.extract.roles;
