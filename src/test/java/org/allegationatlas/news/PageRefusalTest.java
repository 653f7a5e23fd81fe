package org.allegationatlas.news;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The app as it runs in production: only editors make it fetch, and it fetches only public addresses, over http(s).
 * (A redirect to a private address is refused on every hop: PageFetcherTest.aRedirectToAPrivateAddressIsRefused.)
 */
@QuarkusTest
@TestProfile(ProtectedApp.class)
class PageRefusalTest {

    private TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite();
        site.article("/story", null, "A story", site.story("refused", false)).rss("/feed.xml", java.util.List.of("/story"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void withoutAnEditorTokenNothingIsFetched() {
        for (String[] operation : new String[][] { { "previewPage", "url" }, { "fetchArticle", "url" }, { "subscribeFeed", "url" },
                { "pollFeed", "id" }, { "unsubscribeFeed", "id" } }) {
            String value = operation[1].equals("url") ? site.url("/story") : "1";
            Json none = post(operation[0], Map.of(operation[1], value), null);
            assertEquals("UNAUTHORIZED", none.getString("errors[0].extensions.code"), operation[0] + ": " + none);
            Json reader = post(operation[0], Map.of(operation[1], value), ProtectedApp.READER_TOKEN);
            assertEquals("FORBIDDEN", reader.getString("errors[0].extensions.code"), operation[0] + ": " + reader);
        }
        Json feeds = post("feeds", Map.of(), null);
        assertEquals("UNAUTHORIZED", feeds.getString("errors[0].extensions.code"), feeds.toString());
        assertTrue(site.server.seen().isEmpty(), "the site was never asked: " + site.server.seen().size());
    }

    @Test
    void loopbackIsRefusedWithoutTheSwitchAndFileAlways() {
        Json loopback = post("fetchArticle", Map.of("url", site.url("/story")), ProtectedApp.EDITOR_TOKEN);
        assertEquals(PageFailure.FETCH_REFUSED, loopback.getString("errors[0].extensions.code"), loopback.toString());
        assertTrue(loopback.getString("errors[0].message").contains("127.0.0.1 is a loopback address")
                && loopback.getString("errors[0].message").contains("ATLAS_FETCH_ALLOW_PRIVATE_ADDRESSES"), loopback.toString());

        Json file = post("fetchArticle", Map.of("url", "file:///etc/passwd"), ProtectedApp.EDITOR_TOKEN);
        assertEquals(PageFailure.FETCH_REFUSED, file.getString("errors[0].extensions.code"), file.toString());
        assertTrue(file.getString("errors[0].message").startsWith("file:///etc/passwd"), file.toString());

        Json metadata = post("previewPage", Map.of("url", "http://169.254.169.254/latest/meta-data/"), ProtectedApp.EDITOR_TOKEN);
        assertEquals(PageFailure.FETCH_REFUSED, metadata.getString("errors[0].extensions.code"), metadata.toString());

        Json feed = post("subscribeFeed", Map.of("url", site.url("/feed.xml")), ProtectedApp.EDITOR_TOKEN);
        assertEquals(PageFailure.FETCH_REFUSED, feed.getString("errors[0].extensions.code"), feed.toString());
        assertTrue(site.server.seen().isEmpty(), "the site was never asked");
        GraphQL.assertNoLeak(loopback);
    }

    private static Json post(String document, Map<String, Object> variables, String token) {
        var request = given().contentType("application/json").accept("application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Json.parse(request.body(GraphQL.toJson(Map.of("query", GraphQL.document(document), "variables", variables)))
                .post("/graphql").asString());
    }
}
