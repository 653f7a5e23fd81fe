package org.allegationatlas.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A request that runs past atlas.graphql.timeout is stopped with a TIMEOUT error. */
@QuarkusTest
@TestProfile(TimeoutTest.Impatient.class)
class TimeoutTest {

    public static class Impatient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atlas.graphql.timeout", "0.001s");
        }
    }

    @Test
    void slowRequestIsStopped() {
        String slow = "{ countries { code allegationsAgainst { totalCount } accusers { count } actors(first: 2) { name aliases { name } } } }";
        given().contentType("application/json").body("{\"query\": \"" + slow.replace("\"", "\\\"") + "\"}")
                .post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("TIMEOUT"))
                .body("errors[0].message", containsString("ms and was stopped"));
    }
}
