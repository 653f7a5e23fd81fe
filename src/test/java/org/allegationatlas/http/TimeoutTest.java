package org.allegationatlas.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A request that runs past atlas.graphql.timeout is stopped with a TIMEOUT error; with protection on
 * and reads public (the production default), for any caller.
 */
@QuarkusTest
@TestProfile(ProtectedApp.Impatient.class)
class TimeoutTest {

    private static final String SLOW = "{ countries { code allegationsAgainst { totalCount } accusers { count } actors(first: 2) { name aliases { name } } } }";

    @Test
    void slowRequestIsStopped() {
        for (String authorization : new String[] { null, "Bearer " + ProtectedApp.READER_TOKEN }) {
            var request = given().contentType("application/json");
            if (authorization != null) {
                request = request.header("Authorization", authorization);
            }
            request.body("{\"query\": \"" + SLOW.replace("\"", "\\\"") + "\"}")
                    .post("/graphql").then().statusCode(200)
                    .body("errors[0].extensions.code", equalTo("TIMEOUT"))
                    .body("errors[0].message", containsString("ms and was stopped"));
        }
    }

    @Test
    void readsArePublicWithProtectionOn() {
        // __typename needs no work, so it beats the deadline: answered without a token
        given().contentType("application/json").body("{\"query\": \"{ __typename }\"}").post("/graphql").then()
                .statusCode(200).body("data.__typename", equalTo("Query")).body("errors", nullValue());
    }
}
