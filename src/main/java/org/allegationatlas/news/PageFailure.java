package org.allegationatlas.news;

import org.allegationatlas.common.ApiException;
import org.allegationatlas.news.fetch.FetchException;

/**
 * Why a page could not become an article, as the API reports it ({@code extensions.code} and the fetcher's or
 * reader's message), and whether trying again later may help (a feed item is tried again at a later poll).
 */
public final class PageFailure extends ApiException {

    /** The service does not fetch this: scheme, address, robots.txt, content type, redirects, size. */
    public static final String FETCH_REFUSED = "FETCH_REFUSED";
    /** The site did not answer well: an HTTP error status, a timeout, the network, a busy host. */
    public static final String FETCH_FAILED = "FETCH_FAILED";
    /** The page was fetched but holds no article text (navigation only, or empty). */
    public static final String NO_ARTICLE = "NO_ARTICLE";

    private final boolean retriable;

    public PageFailure(String code, String message, boolean retriable) {
        super(code, message);
        this.retriable = retriable;
    }

    /** The fetcher's failure, coded by its reason; its message is for users as it is. */
    public static PageFailure of(FetchException e) {
        return switch (e.reason()) {
            case BAD_URL -> new PageFailure(VALIDATION, e.getMessage(), false);
            case SCHEME_REFUSED, ADDRESS_REFUSED, ROBOTS_DISALLOWED, NOT_A_PAGE, TOO_MANY_REDIRECTS, TOO_LARGE ->
                new PageFailure(FETCH_REFUSED, e.getMessage(), false);
            case HTTP_STATUS -> new PageFailure(FETCH_FAILED, e.getMessage(), e.httpStatus() == 429 || e.httpStatus() >= 500);
            case ROBOTS_UNAVAILABLE, TIMEOUT, HOST_BUSY, NETWORK -> new PageFailure(FETCH_FAILED, e.getMessage(), true);
        };
    }

    public static PageFailure noArticle(String url) {
        return new PageFailure(NO_ARTICLE, url + ": no article text was found on the page (it holds only navigation, "
                + "or its text is put there by scripts, which the service does not run)", false);
    }

    /** Worth another try later: the site may answer then. */
    public boolean retriable() {
        return retriable;
    }
}
