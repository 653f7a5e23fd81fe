package org.allegationatlas.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** With atlas.auth.read-requires-token, reads need a reader (or editor) token. */
@QuarkusTest
@TestProfile(ProtectedApp.class)
class ReadTokenTest {

    private static final JsonObject QUERY = Json.createObjectBuilder().add("query", "{ country(code: \"KP\") { name } }").build();

    @Test
    void readWithoutTokenIsUnauthorized() {
        JsonPath answer = AuthTest.post(QUERY, null);
        assertEquals("UNAUTHORIZED", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertNull(answer.get("data.country"));
    }

    @Test
    void readWithAWrongTokenIsUnauthorized() {
        for (String token : new String[] { "not-a-token", "reader-secretx", "READER-SECRET" }) {
            JsonPath answer = AuthTest.post(QUERY, token);
            assertEquals("UNAUTHORIZED", answer.getString("errors[0].extensions.code"), answer::prettify);
            assertNull(answer.get("data.country"), answer::prettify);
        }
    }

    @Test
    void readOverGetNeedsATokenToo() {
        JsonPath anonymous = given().queryParam("query", "{ country(code: \"KP\") { name } }").get("/graphql").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("UNAUTHORIZED", anonymous.getString("errors[0].extensions.code"), anonymous::prettify);
        JsonPath reader = given().header("Authorization", "Bearer reader-secret").queryParam("query", "{ country(code: \"KP\") { name } }")
                .get("/graphql").then().statusCode(200).extract().jsonPath();
        assertEquals("North Korea", reader.getString("data.country.name"), reader::prettify);
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
