package org.allegationatlas.news.fetch;

/**
 * Why a URL could not be fetched: a {@link Reason} to branch on and a message a person can act on,
 * which starts with the URL asked for (e.g. {@code http://127.0.0.1/x: 127.0.0.1 is a loopback address; ...}).
 */
public final class FetchException extends Exception {

    public enum Reason {
        /** Not an absolute http(s) URL with a host, or it carries a user name. */
        BAD_URL,
        /** A scheme other than http and https (file:, ftp:, gopher:, ...), asked for or redirected to. */
        SCHEME_REFUSED,
        /** The host is or resolves to an address the service does not connect to (loopback, private, ...). */
        ADDRESS_REFUSED,
        /** The site's robots.txt does not let this service fetch the page. */
        ROBOTS_DISALLOWED,
        /** The site's robots.txt could not be read (an error answer): the site counts as closed for a while. */
        ROBOTS_UNAVAILABLE,
        /** More redirects than {@code atlas.fetch.max-redirects}. */
        TOO_MANY_REDIRECTS,
        /** A content type the fetch does not accept (not a web page, or not a feed). */
        NOT_A_PAGE,
        /** A feed larger than {@code atlas.fetch.max-page-size} (a cut XML document would not parse). */
        TOO_LARGE,
        /** The server answered with an error status, see {@link #httpStatus()}. */
        HTTP_STATUS,
        /** No answer in time: connecting, a silence longer than the read timeout, or the whole fetch's deadline. */
        TIMEOUT,
        /** Earlier fetches of the same host queued ahead took all the time this fetch had. */
        HOST_BUSY,
        /** The host does not resolve, refused the connection, broke it, or failed TLS. */
        NETWORK
    }

    private final Reason reason;
    private final String url;
    private final int httpStatus;
    /** A failure worth one more try after a pause (a refused or timed-out connection). */
    private boolean retriable;

    public FetchException(Reason reason, String url, String detail) {
        this(reason, url, detail, 0, null);
    }

    FetchException(Reason reason, String url, String detail, int httpStatus, Throwable cause) {
        super(url + ": " + detail, cause);
        this.reason = reason;
        this.url = url;
        this.httpStatus = httpStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** The URL the caller asked for (the message may name the hop that failed). */
    public String url() {
        return url;
    }

    /** The status of an {@link Reason#HTTP_STATUS} failure, else 0. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The message without the URL in front. */
    public String detail() {
        return getMessage().substring(url.length() + 2);
    }

    boolean isRetriable() {
        return retriable;
    }

    FetchException retriable() {
        retriable = true;
        return this;
    }
}
