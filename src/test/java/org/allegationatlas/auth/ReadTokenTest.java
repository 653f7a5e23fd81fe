package org.allegationatlas.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** With atlas.auth.read-requires-token, reads need a reader (or editor) token. */
@QuarkusTest
@TestProfile(ReadTokenTest.ReadersOnly.class)
class ReadTokenTest {

    public static class ReadersOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the setting that once switched the GraphQL instrumentations off must not switch protection off
            return Map.of("atlas.auth.enabled", "true", "atlas.auth.read-requires-token", "true",
                    "atlas.auth.tokens", "editor:editor-secret,reader:reader-secret", "atlas.graphql.instrumentation", "false");
        }
    }

    private static final JsonObject QUERY = Json.createObjectBuilder().add("query", "{ country(code: \"KP\") { name } }").build();

    @Test
    void readWithoutTokenIsUnauthorized() {
        for (String token : new String[] { null, "wrong-secret" }) {
            var request = given().contentType("application/json").body(QUERY.toString());
            JsonPath answer = (token == null ? request : request.header("Authorization", "Bearer " + token)).post("/graphql")
                    .then().statusCode(401).header("WWW-Authenticate", "Bearer").extract().jsonPath();
            assertEquals("UNAUTHORIZED", answer.getString("errors[0].extensions.code"), answer::prettify);
            assertNull(answer.get("data"));
        }
    }

    @Test
    void errorsKeepTheirCodesWhateverTheSettings() {
        JsonPath answer = AuthTest.post(Json.createObjectBuilder().add("query", "{ article(id: \"nope\") { url } }").build(),
                "reader-secret");
        assertEquals("VALIDATION", answer.getString("errors[0].extensions.code"), answer::prettify);
    }

    @Test
    void readerAndEditorTokensRead() {
        for (String token : new String[] { "reader-secret", "editor-secret" }) {
            JsonPath answer = AuthTest.post(QUERY, token);
            assertNull(answer.get("errors"), answer::prettify);
            assertEquals("North Korea", answer.getString("data.country.name"));
        }
    }
}
