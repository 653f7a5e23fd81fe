package org.allegationatlas.news.fetch;

/**
 * What the last fetch of a URL said about its version ({@code ETag}, {@code Last-Modified}), sent back
 * as {@code If-None-Match} / {@code If-Modified-Since} so an unchanged page costs the site a 304 and no body.
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    public static Validators of(FetchedPage last) {
        return last == null ? NONE : new Validators(last.etag(), last.lastModified());
    }

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
