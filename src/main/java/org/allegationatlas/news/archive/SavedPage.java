package org.allegationatlas.news.archive;

/**
 * A page from a file: a saved page or a web archive's record.
 *
 * @param source where it was found, for messages: a file, or a WARC file and the record's number in it
 * @param url the address it was captured from (a WARC record's target URI); for a saved file, the file's own
 *        {@code file:} URI, and {@link #captured} is false
 * @param captured the url is where the page was on the web (a WARC record), not where it was saved
 * @param contentType the Content-Type it was served with, charset included; null for a saved file
 * @param body its bytes, decoded from gzip; at most {@code atlas.fetch.max-page-size}
 * @param truncated the page was longer and {@code body} is its start
 */
public record SavedPage(String source, String url, boolean captured, String contentType, byte[] body, boolean truncated) {
}
