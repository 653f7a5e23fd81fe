package org.allegationatlas.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The response cache with protection on (reads need a token): a reader's repeated query is a hit,
 * byte for byte; a caller without a valid token never gets the remembered answer, whatever it
 * sends, and an editor's write makes the reader's next ask a miss with the new data.
 */
@QuarkusTest
@TestProfile(ProtectedApp.class)
class CacheAccessTest {

    private static final String CACHE = "X-Atlas-Cache";

    @Test
    void aReadersRepeatedQueryIsAHit() {
        byte[] query = articlesAbout(token());
        Response first = post(query, ProtectedApp.READER_TOKEN);
        Response second = post(query, ProtectedApp.READER_TOKEN);
        assertAnswered(first, "miss");
        assertAnswered(second, "hit");
        assertArrayEquals(first.asByteArray(), second.asByteArray(), second::asString);
    }

    @Test
    void callersWithoutAValidTokenNeverGetTheRememberedAnswer() {
        byte[] query = articlesAbout(token());
        assertAnswered(post(query, ProtectedApp.READER_TOKEN), "miss");
        assertAnswered(post(query, ProtectedApp.READER_TOKEN), "hit");

        for (String authorization : new String[] { null, "Bearer wrong", "Bearer " + ProtectedApp.READER_TOKEN + "x",
                "Basic " + ProtectedApp.READER_TOKEN, "Bearer", "bearer " + ProtectedApp.READER_TOKEN.toUpperCase() }) {
            RequestSpecification request = given().contentType("application/json").body(query);
            if (authorization != null) {
                request = request.header("Authorization", authorization);
            }
            Response refused = request.post("/graphql");
            Json answer = Json.parse(refused.asString());
            assertEquals(200, refused.statusCode(), refused::asString);
            assertNull(answer.get("data.articles"), () -> authorization + " must not read: " + refused.asString());
            assertEquals("UNAUTHORIZED", answer.getString("errors[0].extensions.code"), refused::asString);
            assertNotEquals("hit", refused.header(CACHE), () -> authorization + " was answered from memory");
        }
    }

    @Test
    void anEditorReadsTooAndItsWriteMakesTheReadersNextAskAMiss() {
        String token = token();
        byte[] query = articlesAbout(token);
        assertAnswered(post(query, ProtectedApp.READER_TOKEN), "miss");
        Response editor = post(query, ProtectedApp.EDITOR_TOKEN);
        assertEquals(200, editor.statusCode(), editor::asString);
        assertEquals(0, Json.parse(editor.asString()).getInt("data.articles.totalCount"), editor.asString());

        String url = "https://test.invalid/cache-access/" + token;
        String ingest = GraphQL.toJson(Map.of("query", "mutation($input: ArticleInput!) { ingestArticle(input: $input) { id } }",
                "variables", Map.of("input", Map.of("url", url, "language", "en", "body", "About " + token + ".",
                        "actors", List.of(), "claims", List.of()))));
        Response stored = post(ingest.getBytes(StandardCharsets.UTF_8), ProtectedApp.EDITOR_TOKEN);
        String id = Json.parse(stored.asString()).getString("data.ingestArticle.id");
        try {
            Response after = post(query, ProtectedApp.READER_TOKEN);
            assertAnswered(after, "miss");
            assertEquals(1, Json.parse(after.asString()).getInt("data.articles.totalCount"), after.asString());
        } finally {
            String delete = GraphQL.toJson(Map.of("query", "mutation($id: ID!) { deleteArticle(id: $id) }", "variables",
                    Map.of("id", String.valueOf(id))));
            post(delete.getBytes(StandardCharsets.UTF_8), ProtectedApp.EDITOR_TOKEN);
        }
    }

    private static byte[] articlesAbout(String token) {
        return GraphQL.toJson(Map.of("query",
                "query($text: String) { articles(first: 5, filter: { text: $text }) { totalCount edges { node { url } } } }",
                "variables", Map.of("text", token))).getBytes(StandardCharsets.UTF_8);
    }

    private static Response post(byte[] body, String token) {
        return given().contentType("application/json").accept("application/json").header("Authorization", "Bearer " + token)
                .body(body).post("/graphql");
    }

    private static void assertAnswered(Response response, String cache) {
        assertEquals(200, response.statusCode(), response::asString);
        assertNull(Json.parse(response.asString()).get("errors"), response::asString);
        assertEquals(cache, response.header(CACHE), () -> CACHE + " of " + response.asString());
    }

    private static String token() {
        return "cacheaccess" + UUID.randomUUID().toString().replace("-", "");
    }
}
