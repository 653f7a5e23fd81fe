package org.allegationatlas.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.allegationatlas.GraphQL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void getWithoutQueryIs400SayingWhatIsMissing() {
        given().get("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", containsString("query"));
        given().contentType("application/json").body("{\"variables\": {}}").post("/graphql").then().statusCode(400)
                .body("errors[0].message", containsString("no query"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"query\": \"{ __typename }\", \"variables\": 5}",
            "{\"query\": \"{ __typename }\", \"variables\": \"x\"}",
            "{\"query\": \"{ __typename }\", \"variables\": [1]}",
            "{\"query\": \"{ __typename }\", \"variables\": true}",
            "{\"query\": \"{ __typename }\", \"operationName\": 5}",
            "{\"query\": \"{ __typename }\", \"operationName\": {}}",
            "{\"query\": \"{ __typename }\", \"extensions\": \"x\"}",
            "{\"query\": 5}", "{\"query\": [\"{ __typename }\"]}" })
    void wronglyTypedRequestMembersAre400NamingTheMember(String body) {
        String member = body.contains("variables") ? "variables" : body.contains("operationName") ? "operationName"
                : body.contains("extensions") ? "extensions" : "query";
        given().contentType("application/json").body(body).post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", startsWith(member + " must be"));
    }

    @Test
    void getWithVariablesThatAreNotAnObjectIs400() {
        given().queryParam("query", "{ __typename }").queryParam("variables", "5").get("/graphql").then().statusCode(400)
                .body("errors[0].message", containsString("variables"));
        given().queryParam("query", "query Q($c: String!) { country(code: $c) { name } }")
                .queryParam("variables", "{\"c\": \"KP\"}").get("/graphql").then().statusCode(200)
                .body("data.country.name", equalTo("North Korea"));
    }

    @Test
    void uploadsAreRefusedBeforeTheyReachTheDisk() throws IOException {
        List<Path> places = List.of(Path.of("file-uploads"), Path.of(System.getProperty("java.io.tmpdir"), "uploads"));
        Map<Path, Long> before = filesIn(places);
        byte[] threeMegabytes = new byte[3 * 1024 * 1024];
        for (int i = 0; i < 3; i++) {
            given().multiPart("file", "big.bin", threeMegabytes).post("/graphql").then().statusCode(415)
                    .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        }
        given().contentType("text/plain").body(threeMegabytes).post("/graphql").then().statusCode(415);
        assertEquals(before, filesIn(places), "no upload left anything on disk");
        given().contentType("application/json").body(QUERY).post("/graphql").then().statusCode(200)
                .body("data.country.name", equalTo("North Korea"));
    }

    @Test
    void aFragmentBombIsRefusedBeforeItIsExpanded() {
        // 1 KB that expands to 2^23 fields: refused at once, and the server answers the next request
        StringBuilder query = new StringBuilder("query { country(code: \"KP\") { ...F22 } } fragment F0 on Country { name code }");
        for (int i = 1; i <= 22; i++) {
            query.append(" fragment F").append(i).append(" on Country { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
        }
        given().contentType("application/json").body(GraphQL.toJson(Map.of("query", query.toString()))).post("/graphql")
                .then().statusCode(200).body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"))
                .body("errors[0].message", containsString("8,388,609 fields"));
        given().contentType("application/json").body(QUERY).post("/graphql").then().statusCode(200)
                .body("data.country.name", equalTo("North Korea"));
    }

    @Test
    void commentsWorkInGetQueriesAndGraphqlBodies() {
        String commented = "# North Korea's name\n{ country(code: \"KP\") {\n  # the English one\n  name\n} }";
        given().queryParam("query", commented).get("/graphql").then().statusCode(200)
                .body("data.country.name", equalTo("North Korea"));
        given().contentType("application/graphql").body(commented.getBytes(StandardCharsets.UTF_8)).post("/graphql").then().statusCode(200)
                .body("data.country.name", equalTo("North Korea"));
    }

    @Test
    void aGraphqlBodyThatDoesNotParseGetsACodedErrorWithItsPosition() {
        given().contentType("application/graphql").body("{ country(".getBytes(StandardCharsets.UTF_8)).post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("VALIDATION"))
                .body("errors[0].message", containsString("line 1"));
    }

    @Test
    void aBodyThatIsJsonButNotAnObjectIsNamedWithoutInternals() {
        given().contentType("application/json").body("[{\"query\": \"{ __typename }\"}]").post("/graphql").then()
                .statusCode(400).body("errors[0].message", equalTo("The request body must be a JSON object like "
                        + "{\"query\": \"{ ... }\"}, not an array"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json; charset=latin-1", "application/json; charset=\"utf-16\"", ";", " ; charset=utf-8",
            "application/json;;", "application/graphql; charset=nonsense" })
    void oddContentTypesAre415NeverAServerError(String contentType) {
        given().header("Content-Type", contentType).body(QUERY.getBytes(StandardCharsets.UTF_8)).post("/graphql").then()
                .statusCode(415).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @Test
    void utf8IsAcceptedHoweverItIsSpelt() {
        for (String contentType : new String[] { "application/json; charset=UTF-8", "application/json;charset=\"utf-8\"",
                "Application/JSON; charset=utf8" }) {
            given().header("Content-Type", contentType).body(QUERY.getBytes(StandardCharsets.UTF_8)).post("/graphql").then()
                    .statusCode(200).body("data.country.name", equalTo("North Korea"));
        }
    }

    /** How many files each place holds (-1: the place does not exist). */
    private static Map<Path, Long> filesIn(List<Path> places) throws IOException {
        Map<Path, Long> counts = new HashMap<>();
        for (Path place : places) {
            if (!Files.isDirectory(place)) {
                counts.put(place, -1L);
                continue;
            }
            try (Stream<Path> files = Files.walk(place)) {
                counts.put(place, files.count());
            }
        }
        return counts;
    }
}
