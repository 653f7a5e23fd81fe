package org.allegationatlas.news.fetch;

/** What a fetch is for, which decides the content types it accepts ({@code atlas.fetch.page-types}, {@code feed-types}). */
public enum FetchKind {
    /** A web page (HTML, XHTML): an article to read. */
    PAGE,
    /** A feed (RSS, Atom, XML). */
    FEED,
    /** Either, when the caller does not know yet what the URL is (a subscription's first look). */
    PAGE_OR_FEED
}
