package org.allegationatlas.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Writes need an editor token; without one, or with a reader's or a wrong one, they fail with a
 * coded error and change nothing. Reads are public (see {@link ReadTokenTest} for the other way).
 */
@QuarkusTest
@TestProfile(ProtectedApp.class)
class AuthTest {

    private final String url = "https://test.invalid/auth/" + UUID.randomUUID();

    @Test
    void writeWithoutTokenIsUnauthorizedAndChangesNothing() {
        assertRefused(post(ingest(), null), "UNAUTHORIZED");
        assertRefused(post(ingest(), "not-a-token"), "UNAUTHORIZED");
        assertEquals(0, articlesAt(url));
    }

    @Test
    void writeWithReaderTokenIsForbiddenAndChangesNothing() {
        assertRefused(post(ingest(), "reader-secret"), "FORBIDDEN");
        assertEquals(0, articlesAt(url));
    }

    @Test
    void editorTokenWritesAndDeletes() {
        JsonPath stored = post(ingest(), "editor-secret");
        assertNull(stored.get("errors"), stored::prettify);
        String id = stored.getString("data.ingestArticle.id");
        assertEquals(1, articlesAt(url));

        assertRefused(post(delete(id), null), "UNAUTHORIZED");
        assertRefused(post(delete(id), "reader-secret"), "FORBIDDEN");
        assertEquals(1, articlesAt(url), "a refused delete changes nothing");

        JsonPath deleted = post(delete(id), "editor-secret");
        assertNull(deleted.get("errors"), deleted::prettify);
        assertEquals(0, articlesAt(url));
    }

    @Test
    void importNeedsAnEditorToken() {
        byte[] line = ("{\"url\": \"" + url + "\"}\n").getBytes();
        given().contentType("application/x-ndjson").body(line).post("/import").then().statusCode(401)
                .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("UNAUTHORIZED"));
        given().contentType("application/x-ndjson").header("Authorization", "Bearer reader-secret").body(line)
                .post("/import").then().statusCode(403)
                .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("FORBIDDEN"));
        assertEquals(0, articlesAt(url));
    }

    @Test
    void readsArePublicByDefault() {
        JsonPath answer = post(Json.createObjectBuilder().add("query", "{ country(code: \"KP\") { name } }").build(), null);
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("North Korea", answer.getString("data.country.name"));
    }

    @Test
    void importWithAnEditorTokenStoresItsLines() {
        String line = ingest().getJsonObject("variables").getJsonObject("input").toString() + "\n";
        given().contentType("application/x-ndjson").header("Authorization", "Bearer editor-secret").body(line.getBytes())
                .post("/import").then().statusCode(200).body("articles", org.hamcrest.Matchers.equalTo(1));
        assertEquals(1, articlesAt(url));
        String id = post(Json.createObjectBuilder()
                .add("query", "query($text: String) { articles(filter: { text: $text }) { edges { node { id } } } }")
                .add("variables", Json.createObjectBuilder().add("text", "auth test body " + url.substring(url.lastIndexOf('/') + 1)))
                .build(), "reader-secret").getString("data.articles.edges[0].node.id");
        assertNull(post(delete(id), "editor-secret").get("errors"));
    }

    private static void assertRefused(JsonPath answer, String code) {
        assertEquals(code, answer.getString("errors[0].extensions.code"), answer::prettify);
        Object data = answer.get("data." + answer.getString("errors[0].path[0]"));
        assertNull(data, "a refused write returns no data");
    }

    private int articlesAt(String url) {
        JsonPath answer = post(Json.createObjectBuilder()
                .add("query", "query($text: String) { articles(filter: { text: $text }) { edges { node { url } } } }")
                .add("variables", Json.createObjectBuilder().add("text", "auth test body " + url.substring(url.lastIndexOf('/') + 1)))
                .build(), "reader-secret");
        assertNull(answer.get("errors"), answer::prettify);
        return answer.getList("data.articles.edges").size();
    }

    private JsonObject ingest() {
        String body = "An auth test body " + url.substring(url.lastIndexOf('/') + 1) + ". Palau accused Nauru of overfishing.";
        JsonObject input = Json.createObjectBuilder().add("url", url).add("language", "en").add("body", body)
                .add("actors", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "pw").add("name", "Palau").add("kind", "STATE").add("country", "PW"))
                        .add(Json.createObjectBuilder().add("key", "nr").add("name", "Nauru").add("kind", "STATE").add("country", "NR")))
                .add("claims", Json.createArrayBuilder().add(Json.createObjectBuilder().add("claimant", "pw").add("subject", "nr")
                        .add("stance", "ALLEGES").add("category", "OTHER").add("summary", "Palau accused Nauru of overfishing.")
                        .add("quote", "Palau accused Nauru of overfishing.")))
                .build();
        return Json.createObjectBuilder().add("query", "mutation($input: ArticleInput!) { ingestArticle(input: $input) { id } }")
                .add("variables", Json.createObjectBuilder().add("input", input)).build();
    }

    private static JsonObject delete(String id) {
        return Json.createObjectBuilder().add("query", "mutation($id: ID!) { deleteArticle(id: $id) }")
                .add("variables", Json.createObjectBuilder().add("id", id)).build();
    }

    static JsonPath post(JsonObject request, String token) {
        var spec = given().contentType("application/json").body(request.toString());
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.post("/graphql").then().statusCode(200).extract().jsonPath();
    }
}
