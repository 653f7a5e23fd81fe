/**
 * Reading the news, stage two: an HTML page's bytes and address in, the article a person reads out
 * ({@link org.allegationatlas.news.read.ReadPage}: body text, headline, publisher, date, language, canonical
 * address). No network, no database: testable on saved pages. jsoup parses; the charset rules, the metadata's
 * order and the body-finding heuristics are this package's (docs/reading.md).
 */
package org.allegationatlas.news.read;
