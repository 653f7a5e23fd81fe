package org.allegationatlas.news.fetch;

/**
 * What a fetch got, for the next stage (reading the article or the feed).
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl     the URL the answer came from, after redirects (the one to store and resolve links against)
 * @param status       the final HTTP status (200, or 304 when {@code notModified})
 * @param contentType  the {@code Content-Type} header as sent, charset included (null when not modified)
 * @param body         the body, decoded from gzip/deflate; empty when not modified
 * @param truncated    the page was longer than {@code atlas.fetch.max-page-size} and {@code body} is its start
 * @param etag         the {@code ETag} to send next time (see {@link Validators#of})
 * @param lastModified the {@code Last-Modified} to send next time
 * @param notModified  the server answered 304 to the validators sent: nothing changed since
 */
public record FetchedPage(String requestedUrl, String finalUrl, int status, String contentType, byte[] body,
        boolean truncated, String etag, String lastModified, boolean notModified) {
}
