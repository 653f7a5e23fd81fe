package org.allegationatlas.news;

import static org.allegationatlas.GraphQL.error;
import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * previewPage and fetchArticle against a news site on loopback (the tests' app lets the fetcher reach it; the
 * shipped settings refuse it: {@link PageRefusalTest}).
 */
@QuarkusTest
class PageApiTest {

    private TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void previewReadsThePageAndProposesClaimsStoringNothing() {
        site.article("/world/shells", "/story/shells", "US accuses North Korea", site.story("shells", true));

        Json preview = ok("previewPage", "url", site.url("/world/shells")).at("previewPage");

        assertEquals(site.url("/world/shells"), preview.getString("url"));
        assertEquals(site.url("/story/shells"), preview.getString("canonicalUrl"));
        assertEquals(site.url("/story/shells"), preview.getString("articleUrl"), "the canonical address names the page's own site");
        assertEquals("US accuses North Korea", preview.getString("title"));
        assertEquals("Test Post", preview.getString("publisher"));
        assertEquals("2024-05-02", preview.getString("publishedOn"));
        assertEquals("en", preview.getString("language"));
        assertEquals(String.join("\n\n", site.story("shells", true)), preview.getString("body"), "the article's text, no furniture");
        assertFalse(preview.getBoolean("truncated"));
        List<Map<String, Object>> claims = preview.getList("extraction.proposal.claims");
        assertFalse(claims.isEmpty(), "the allegation is proposed: " + preview);
        assertTrue(claims.stream().anyMatch(c -> "ALLEGES".equals(c.get("stance"))), preview.toString());
        assertNull(preview.get("stored"), "nothing is stored yet");
        assertEquals(0, articlesAt(site.url("/story/shells")), "previewPage stores nothing");
    }

    @Test
    void previewIsReadAnewEachTimeNeverFromTheResponseCache() {
        site.article("/live", null, "First version", site.story("live-1", false));
        assertEquals("First version", ok("previewPage", "url", site.url("/live")).getString("previewPage.title"));

        site.article("/live", null, "Second version", site.story("live-2", false));
        Response again = GraphQL.post("previewPage", vars("url", site.url("/live")));

        assertEquals("Second version", Json.parse(again.asString()).getString("data.previewPage.title"),
                "a page changes without the database changing");
        assertNotEquals("hit", again.header("X-Atlas-Cache"));
        assertEquals(2, site.server.seen("/live").size(), "the page was fetched twice");
    }

    @Test
    void fetchArticleStoresTheTextUnderItsCanonicalAddressEvenWithoutClaims() {
        site.article("/a/rain", "/story/rain", "Rain and markets", site.story("rain", false));

        Json article = ok("fetchArticle", "url", site.url("/a/rain")).at("fetchArticle");

        assertEquals(site.url("/story/rain"), article.getString("url"));
        assertEquals(String.join("\n\n", site.story("rain", false)), article.getString("body"));
        assertEquals("Rain and markets", article.getString("title"));
        assertEquals("Test Post", article.getString("publisher"));
        assertEquals(List.of(), article.getList("claims"), "no claim in it, stored all the same (for a later reextract)");
    }

    @Test
    void fetchArticleStoresTheClaimsItFinds() {
        site.article("/a/accusation", null, "US accuses North Korea", site.story("accusation", true));

        Json article = ok("fetchArticle", "url", site.url("/a/accusation")).at("fetchArticle");

        List<Map<String, Object>> claims = article.getList("claims");
        assertFalse(claims.isEmpty(), article.toString());
        assertTrue(claims.stream().allMatch(c -> article.getString("body").contains((String) c.get("quote"))), "quotes are verbatim");
    }

    @Test
    void theSameArticleIsNeverStoredTwiceByAddressOrByText() {
        String[] story = site.story("twice", true);
        site.article("/x/twice", "/story/twice", "Twice", story);
        site.article("/y/twice", "/story/twice", "Twice", story);
        site.article("/mirror/twice", null, "Twice, mirrored", story);

        String first = ok("fetchArticle", "url", site.url("/x/twice")).getString("fetchArticle.id");
        String again = ok("fetchArticle", "url", site.url("/x/twice")).getString("fetchArticle.id");
        String sameCanonical = ok("fetchArticle", "url", site.url("/y/twice")).getString("fetchArticle.id");
        String sameText = ok("fetchArticle", "url", site.url("/mirror/twice")).getString("fetchArticle.id");

        assertEquals(first, again);
        assertEquals(first, sameCanonical);
        assertEquals(first, sameText, "the same text at another address is the same article");
        assertEquals(1, articlesAt(site.url("/story/twice")));
        assertEquals(0, articlesAt(site.url("/mirror/twice")));
        Json preview = ok("previewPage", "url", site.url("/mirror/twice")).at("previewPage");
        assertEquals(first, preview.getString("stored.id"), "the preview says it is stored already");
    }

    @Test
    void aPageOfAnotherSiteCannotClaimItsAddress() {
        site.article("/copy", null, "Copied", site.story("copied", false));
        site.server.page("/copy", "text/html", site.page("https://news.example/original", "Copied", site.story("copied", false)));

        Json article = ok("fetchArticle", "url", site.url("/copy")).at("fetchArticle");

        assertEquals(site.url("/copy"), article.getString("url"), "a canonical address on another site is not taken");
    }

    @Test
    void whatIsNotAWebPageIsRefused() {
        site.server.page("/data.json", "application/json", "{\"title\": \"not a page\"}");

        error("fetchArticle", vars("url", site.url("/data.json")), PageFailure.FETCH_REFUSED, "application/json");
        error("previewPage", vars("url", site.url("/data.json")), PageFailure.FETCH_REFUSED, site.url("/data.json"));
    }

    @Test
    void aMissingPageIsAFailedFetchWithItsStatus() {
        Json answer = error("fetchArticle", vars("url", site.url("/gone")), PageFailure.FETCH_FAILED, "404");
        assertTrue(answer.getString("errors[0].message").startsWith(site.url("/gone")), answer.toString());
    }

    @Test
    void aPageWithoutArticleTextIsNoArticle() {
        site.server.page("/menu", "text/html", "<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>");

        error("fetchArticle", vars("url", site.url("/menu")), PageFailure.NO_ARTICLE, "no article text");
        Json preview = ok("previewPage", "url", site.url("/menu")).at("previewPage");
        assertEquals("", preview.getString("body"));
        assertNull(preview.get("extraction"));
    }

    @Test
    void aPageOverTheSizeLimitIsReadFromItsStart() {
        // the tests' limit is 1 MB (application.properties); the page is 3 MB, its article at the top and a script's
        // data after it, as on pages that carry their app's state
        String head = site.page(null, "A very long page", site.story("long", false)).replace("</body></html>", "");
        String padding = "<script>window.state = \"" + "0123456789abcdef".repeat(3 * 65_536) + "\";</script>";
        site.server.page("/long", "text/html", head + padding + "</body></html>");

        Json preview = ok("previewPage", "url", site.url("/long")).at("previewPage");

        assertTrue(preview.getBoolean("truncated"), "cut at the limit");
        assertTrue(preview.getString("body").startsWith(site.story("long", false)[0]), preview.getString("body").substring(0, 200));
    }

    @Test
    void fileAddressesAreRefusedEvenWithPrivateAddressesAllowed() {
        Json answer = error("fetchArticle", vars("url", "file:///etc/passwd"), PageFailure.FETCH_REFUSED, "file:///etc/passwd");
        assertTrue(answer.getString("errors[0].message").contains("http"), answer.toString());
        error("subscribeFeed", vars("url", "file:///etc/passwd"), PageFailure.FETCH_REFUSED, "file:///etc/passwd");
    }

    @Test
    void aBadUrlIsAValidationError() {
        error("fetchArticle", vars("url", "not a url"), "VALIDATION", "not a url");
        error("previewPage", vars("url", "http://" + "x".repeat(2100) + ".example/"), "VALIDATION", "2048");
    }

    /** The site's articles stored at {@code url}. */
    private int articlesAt(String url) {
        List<Map<String, Object>> edges = ok("articlesWithText", "text", site.token).getList("articles.edges");
        return (int) edges.stream().filter(e -> url.equals(((Map<?, ?>) e.get("node")).get("url"))).count();
    }
}
