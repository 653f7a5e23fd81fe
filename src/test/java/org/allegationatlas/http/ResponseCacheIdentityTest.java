package org.allegationatlas.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.allegationatlas.GraphQL;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The response cache with protection on: access is checked before a cached answer is served, answers are
 * kept per authenticated identity (never per raw header), and HTTP's validators work: ETag, If-None-Match
 * answered 304 while nothing was written, Cache-Control and Vary.
 */
@QuarkusTest
@TestProfile(ResponseCacheIdentityTest.ReadersOnly.class)
class ResponseCacheIdentityTest {

    public static class ReadersOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atlas.auth.enabled", "true", "atlas.auth.read-requires-token", "true",
                    "atlas.auth.tokens", "editor:cache-editor,reader:cache-reader,reader:cache-reader-2");
        }
    }

    @Test
    void aCachedAnswerNeverReachesACallerWhoMayNotRead() {
        String body = query();
        assertEquals("miss", ask("cache-reader", body).header("X-Atlas-Cache"));
        assertEquals("hit", ask("cache-reader", body).header("X-Atlas-Cache"));

        // no token, a token the server no longer knows (revoked), and one that is a prefix of the reader's
        for (String token : new String[] { null, "revoked-or-unknown", "cache-reade" }) {
            Response refused = ask(token, body);
            assertEquals(401, refused.statusCode(), refused::asString);
            assertEquals("UNAUTHORIZED", refused.jsonPath().getString("errors[0].extensions.code"));
            assertNull(refused.jsonPath().get("data"), "no cached data for " + token);
        }
    }

    @Test
    void answersAreKeptPerIdentityNotPerHeader() {
        String body = query();
        assertEquals("miss", ask("cache-reader", body).header("X-Atlas-Cache"));
        assertEquals("hit", ask("cache-reader-2", body).header("X-Atlas-Cache"), "another token of the same role reads the same");
        assertEquals("miss", ask("cache-editor", body).header("X-Atlas-Cache"), "an editor is another identity");
    }

    @Test
    void anUnchangedAnswerIsNotModifiedUntilAWrite() {
        String body = query();
        Response first = ask("cache-reader", body);
        String etag = first.header("ETag");
        assertNotNull(etag, "a kept answer carries an ETag");
        assertEquals("private, no-cache", first.header("Cache-Control"));
        assertTrue(first.header("Vary").contains("Authorization"), first.header("Vary"));

        Response revalidated = request("cache-reader").header("If-None-Match", etag).body(body).post("/graphql");
        assertEquals(304, revalidated.statusCode());
        assertEquals("", revalidated.asString());
        assertEquals(etag, revalidated.header("ETag"));
        // a browser's reload revalidates with max-age=0: still 304 while nothing changed
        assertEquals(304, request("cache-reader").header("If-None-Match", "W/" + etag).header("Cache-Control", "max-age=0")
                .body(body).post("/graphql").statusCode());
        assertEquals(200, request("cache-reader").header("If-None-Match", "\"other\"").body(body).post("/graphql").statusCode());

        String url = TestArticles.uniqueUrl();
        Response stored = request("cache-editor").body(GraphQL.toJson(Map.of("query", GraphQL.document("ingestArticle"),
                "variables", Map.of("input", TestArticles.article(url, "Written.", List.of(), List.of()))))).post("/graphql");
        assertNull(stored.jsonPath().get("errors"), stored::asString);

        Response changed = request("cache-reader").header("If-None-Match", etag).body(body).post("/graphql");
        assertEquals(200, changed.statusCode(), "after a write the old copy is stale");
        assertNotEquals(etag, changed.header("ETag"));
        request("cache-editor").body(GraphQL.toJson(Map.of("query", GraphQL.document("deleteArticle"),
                "variables", Map.of("id", stored.jsonPath().getString("data.ingestArticle.id"))))).post("/graphql");
    }

    @Test
    void aWebSocketIsNotOpenedForAnAnonymousCaller() {
        Response refused = given().header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .header("Sec-WebSocket-Protocol", "graphql-transport-ws").get("/graphql");
        assertEquals(401, refused.statusCode());
    }

    private static String query() {
        return GraphQL.toJson(Map.of("query", GraphQL.document("articles"),
                "variables", Map.of("filter", Map.of("text", "id" + UUID.randomUUID()), "first", 5)));
    }

    private static RequestSpecification request(String token) {
        RequestSpecification request = given().contentType("application/json").accept("application/json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static Response ask(String token, String body) {
        return request(token).body(body).post("/graphql");
    }
}
