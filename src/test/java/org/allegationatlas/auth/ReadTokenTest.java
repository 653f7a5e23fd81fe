package org.allegationatlas.auth;

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
            return Map.of("atlas.auth.enabled", "true", "atlas.auth.read-requires-token", "true",
                    "atlas.auth.tokens", "editor:editor-secret,reader:reader-secret");
        }
    }

    private static final JsonObject QUERY = Json.createObjectBuilder().add("query", "{ country(code: \"KP\") { name } }").build();

    @Test
    void readWithoutTokenIsUnauthorized() {
        JsonPath answer = AuthTest.post(QUERY, null);
        assertEquals("UNAUTHORIZED", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertNull(answer.get("data.country"));
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
