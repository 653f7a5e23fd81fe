package org.allegationatlas.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What the GraphQL-over-HTTP specification asks of the transport (the full audit runs in CI with graphql-http). */
@QuarkusTest
class GraphQLOverHttpTest {

    private static final String QUERY = "{\"query\": \"{ country(code: \\\"KP\\\") { name } }\"}";

    @Test
    void postWithoutContentTypeIsRefused() {
        given().body(QUERY.getBytes()).post("/graphql").then().statusCode(415)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @Test
    void malformedJsonIs400() {
        given().contentType("application/json").body("{\"query\": ").post("/graphql").then().statusCode(400)
                .body("errors[0].message", containsString("not a JSON object"));
    }

    @Test
    void syntaxErrorNamesThePositionWithACode() {
        given().contentType("application/json").body("{\"query\": \"{ country(code: \\\"KP\\\") { name }\"}")
                .post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("VALIDATION"))
                .body("errors[0].message", containsString("line 1"));
        given().contentType("application/json").accept("application/graphql-response+json")
                .body("{\"query\": \"{ country(code: \\\"KP\\\") { name }\"}")
                .post("/graphql").then().statusCode(400);
    }

    @Test
    void validationFailureIs400UnderGraphqlResponseJson() {
        given().contentType("application/json").accept("application/graphql-response+json")
                .body("{\"query\": \"{ country(code: \\\"KP\\\") { nope } }\"}")
                .post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("VALIDATION"));
    }

    @Test
    void anyAcceptGetsApplicationJson() {
        given().contentType("application/json").accept("*/*").body(QUERY).post("/graphql").then().statusCode(200)
                .contentType(startsWith("application/json")).body("data.country.name", equalTo("North Korea"));
    }

    @Test
    void queriesWorkOverGetButMutationsDoNot() {
        given().queryParam("query", "{ country(code: \"KP\") { name } }").get("/graphql").then().statusCode(200)
                .body("data.country.name", equalTo("North Korea"));
        given().queryParam("query", "mutation { deleteArticle(id: \"1\") }").get("/graphql").then().statusCode(405)
                .header("Allow", "POST");
    }
}
