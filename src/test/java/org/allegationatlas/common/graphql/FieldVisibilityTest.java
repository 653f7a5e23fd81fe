package org.allegationatlas.common.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The engine looks fields up without a visibility filter only when none is configured: an operator's
 * pattern ({@code quarkus.smallrye-graphql.field-visibility}) still hides its fields, from queries and
 * from introspection alike.
 */
@QuarkusTest
@TestProfile(FieldVisibilityTest.ExplanationHidden.class)
class FieldVisibilityTest {

    public static class ExplanationHidden implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-graphql.field-visibility", "Claim.explanation");
        }
    }

    @Test
    void aConfiguredPatternStillHidesItsField() {
        JsonPath hidden = post("{ claims(first: 1) { edges { node { summary explanation } } } }");
        assertNull(hidden.get("data"), hidden::prettify);
        assertEquals("VALIDATION", hidden.getString("errors[0].extensions.code"), hidden::prettify);
        assertTrue(hidden.getString("errors[0].message").contains("explanation"), hidden::prettify);

        JsonPath visible = post("{ claims(first: 1) { edges { node { summary } } } }");
        assertNull(visible.get("errors"), visible::prettify);
        assertEquals(1, visible.getList("data.claims.edges").size(), visible::prettify);

        List<String> fields = post("{ __type(name: \"Claim\") { fields { name } } }").getList("data.__type.fields.name");
        assertTrue(fields.contains("summary"), fields::toString);
        assertFalse(fields.contains("explanation"), fields::toString);
    }

    private static JsonPath post(String query) {
        return given().contentType("application/json").header("Cache-Control", "no-cache")
                .body(Map.of("query", query)).post("/graphql").then().statusCode(200).extract().jsonPath();
    }
}
