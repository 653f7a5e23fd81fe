package org.allegationatlas.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import jakarta.json.Json;

import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Each limit against abusive queries answers with a clear, coded error, and the server stays up;
 * with protection on, for a caller with a reader token.
 */
@QuarkusTest
@TestProfile(ProtectedApp.class)
class LimitsTest {

    /** quarkus.smallrye-graphql.parser-max-tokens in application.properties */
    static final int MAX_TOKENS = 10_000;

    @AfterEach
    void serverStillAnswers() {
        post("{ country(code: \"KP\") { name } }").statusCode(200).body("data.country.name", equalTo("North Korea"));
    }

    @Test
    void tooDeepQueryIsRefused() {
        String deep = "{ country(code: \"KP\") { actors { claimsMade { edges { node { article { claims { claimant { country {"
                + " actors { claimsAbout { edges { node { subject { country { name } } } } } } } } } } } } } } } }";
        post(deep).statusCode(200)
                .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"))
                .body("errors[0].message", containsString("depth"))
                .body("data", nullValue());
    }

    @Test
    void tooComplexQueryIsRefused() {
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 600; i++) {
            wide.append(" c").append(i).append(": country(code: \"KP\") { name }");
        }
        post(wide.append(" }").toString()).statusCode(200)
                .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"))
                .body("errors[0].message", containsString("complexity"));
    }

    @Test
    void tooManyTokensAreRefused() {
        StringBuilder huge = new StringBuilder("{");
        for (int i = 0; i < 20_000; i++) {
            huge.append(" __typename");
        }
        post(huge.append(" }").toString()).statusCode(200)
                .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"))
                .body("errors[0].message", containsString("tokens"));
    }

    @Test
    void aDocumentOfExactlyTheTokenLimitIsAnsweredAndOneTokenMoreIsRefused() {
        post(ofTokens(MAX_TOKENS)).statusCode(200)
                .body("errors", nullValue())
                .body("data.claims.totalCount", equalTo(0));
        post(ofTokens(MAX_TOKENS + 1)).statusCode(200)
                .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"))
                .body("errors[0].message", containsString("tokens"))
                .body("data", nullValue());
    }

    /**
     * A query of exactly {@code tokens} tokens as graphql-java counts them: the end of the document
     * is one (a document of 10,000 tokens of its own is refused as "more than 10,000"). Few fields, so
     * far from the complexity limit: 23 tokens, the end among them, around a list of
     * {@code tokens - 23} categories: {@code { claims(filter: { category: [OTHER OTHER] text: "no
     * such text" } first: 1) { totalCount } }} (a comma would not count).
     */
    static String ofTokens(int tokens) {
        return "{ claims(filter: { category: [" + " OTHER".repeat(tokens - 23) + " ] text: \"no such text\" } first: 1) { totalCount } }";
    }

    /** The item limit's estimate is remembered per question: the same text with a larger first is still refused. */
    @Test
    void theSameQuestionWithALargerFirstIsRefusedAndWithASmallerOneAnswered() {
        String nested = "query Nested($first: Int) { countries { code allegationsAgainst(first: $first) { edges { node { id } } } } }";
        for (int round = 0; round < 2; round++) {
            post(nested, 1).statusCode(200).body("errors", nullValue()).body("data.countries.size()", equalTo(249));
            // 249 countries x 1,000 allegations each: past the 50,000 items of one request
            post(nested, 1000).statusCode(200)
                    .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"))
                    .body("errors[0].message", containsString("249,249 list items"))
                    .body("data", nullValue());
        }
    }

    /** graphql-java's good-faith introspection check refuses a repeated __type: the client's limit, said as one. */
    @Test
    void introspectionThatRepeatsItselfIsRefusedAsALimitNotAnInternalError() {
        post("{ a: __type(name: \"Country\") { fields { name } } b: __type(name: \"Claim\") { fields { name } } }").statusCode(200)
                .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"))
                .body("errors[0].message", containsString("separate requests"))
                .body("data", nullValue());
        post("{ __type(name: \"Country\") { fields { name } } }").statusCode(200)
                .body("errors", nullValue()).body("data.__type.fields.size()", org.hamcrest.Matchers.greaterThan(3));
    }

    @Test
    void tooLargeBodyIsRefused() {
        String padding = "x".repeat(5 * 1024 * 1024);
        given().contentType("application/json").header("Authorization", "Bearer " + ProtectedApp.READER_TOKEN)
                .body("{\"query\": \"{ __typename }\", \"variables\": {\"padding\": \"" + padding + "\"}}")
                .post("/graphql").then().statusCode(413)
                .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("LIMIT_EXCEEDED"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("max-body-size"));
    }

    private static io.restassured.response.ValidatableResponse post(String query, int first) {
        return given().contentType("application/json").header("Authorization", "Bearer " + ProtectedApp.READER_TOKEN)
                .body(Json.createObjectBuilder().add("query", query).add("variables", Json.createObjectBuilder().add("first", first))
                        .build().toString())
                .post("/graphql").then();
    }

    private static io.restassured.response.ValidatableResponse post(String query) {
        return given().contentType("application/json").header("Authorization", "Bearer " + ProtectedApp.READER_TOKEN).body(Json.createObjectBuilder().add("query", query).build().toString())
                .post("/graphql").then();
    }
}
