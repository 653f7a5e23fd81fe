package org.allegationatlas.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** POST /import: JSON Lines over HTTP; bad lines are reported by number and skipped; re-sending changes nothing. */
@QuarkusTest
class ImportRouteTest {

    @Test
    void importsGoodLinesReportsBadOnesAndIsIdempotent() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = String.join("\n", ImportTestData.line(run, 1), "{\"url\": \"broken",
                ImportTestData.line(run, 2), ImportTestData.line(run, 3).replace("\"country\":\"NR\"", "\"country\":\"XX\""),
                "", ImportTestData.line(run, 4)) + "\n";

        JsonPath first = post(body);
        assertEquals(4, first.getInt("articles") + first.getInt("badLines") - 1, first.prettify());
        assertEquals(3, first.getInt("articles"));
        assertEquals(6, first.getInt("claims"));
        assertEquals(List.of(2, 4), first.getList("errors.line", Integer.class));
        assertEquals(true, first.getString("errors[1].message").contains("XX"), first.prettify());

        List<String> claimIds = claimIdsOf(run);
        assertEquals(6, claimIds.size());

        JsonPath again = post(body);
        assertEquals(3, again.getInt("articles"));
        assertEquals(claimIds, claimIdsOf(run), "re-importing the same lines changes nothing, not even claim ids");

        deleteArticlesOf(run);
    }

    @Test
    void oddLinesAreNumberedErrorsAndTheImportGoesOn() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String good = ImportTestData.line(run, 1);
        String nullActor = ImportTestData.line(run, 2).replaceFirst("\"actors\":\\[", "\"actors\":[null,");
        String nullAlias = ImportTestData.line(run, 3).replace("\"kind\":\"STATE\"", "\"kind\":\"STATE\",\"aliases\":[null]");
        String nullClaim = ImportTestData.line(run, 4).replaceFirst("\"claims\":\\[", "\"claims\":[null,");
        String body = String.join("\n", good, nullActor, "{\"url\": [", nullAlias, "[1, 2]", "42", "null", nullClaim,
                ImportTestData.line(run, 5)) + "\n";

        JsonPath summary = post(body);
        assertEquals(2, summary.getInt("articles"), summary.prettify());
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), summary.getList("errors.line", Integer.class), summary.prettify());
        assertEquals(true, summary.getString("errors[0].message").contains("actors[0]"), summary.prettify());
        for (String message : summary.getList("errors.message", String.class)) {
            assertEquals(false, message.contains("incident"), "every odd line is understood, not an internal error: " + message);
            assertEquals(false, message.matches("(?s).*\\b(org|java|jakarta)\\.[a-z].*"), "no Java package in a message: " + message);
            assertEquals(false, message.matches("(?s).*(Invalid token|Exception|Received event|CURLY|START_).*"),
                    "the parser's words, not its internals: " + message);
        }
        deleteArticlesOf(run);
    }

    @Test
    void aNumberOrABooleanWhereTheContractHasAStringIsReportedByItsField() {
        // JSON-B would read 42 as "42": an article stored under the url "42" (GraphQL refuses the same input)
        String run = UUID.randomUUID().toString().substring(0, 8);
        String numberUrl = ImportTestData.line(run, 1).replace("\"url\":\"https://test.invalid/import/" + run + "/1\"", "\"url\":42");
        String booleanTitle = ImportTestData.line(run, 2).replace("\"language\":\"en\"", "\"language\":\"en\",\"title\":true");
        String numberQuote = ImportTestData.line(run, 3).replaceFirst("\"quote\":\"[^\"]*\"", "\"quote\":7");
        JsonPath summary = post(String.join("\n", numberUrl, booleanTitle, numberQuote, ImportTestData.line(run, 4)) + "\n");

        assertEquals(1, summary.getInt("articles"), summary.prettify());
        assertEquals(List.of(1, 2, 3), summary.getList("errors.line", Integer.class), summary.prettify());
        assertEquals("input.url: expected a string, not a number", summary.getString("errors[0].message"));
        assertEquals("input.title: expected a string, not true", summary.getString("errors[1].message"));
        assertEquals("input.claims.quote: expected a string, not a number", summary.getString("errors[2].message"));
        assertEquals(1, articleIdsOf(run).size(), "nothing of the bad lines stored");
        deleteArticlesOf(run);
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedUnreadAndTheNextOneImported() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String huge = "{\"url\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        JsonPath summary = post(String.join("\n", huge, ImportTestData.line(run, 1), huge));
        assertEquals(1, summary.getInt("articles"), summary.prettify());
        assertEquals(List.of(1, 3), summary.getList("errors.line", Integer.class));
        assertEquals(true, summary.getString("errors[0].message").contains("atlas.import.max-line-size"), summary.prettify());
        deleteArticlesOf(run);
    }

    @Test
    void anEmptyBodyIsAnErrorNotAnImportOfNothing() {
        for (String body : new String[] { "", "\n", "  \n\n" }) {
            given().contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/import")
                    .then().statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                    .body("errors[0].message", containsString("no line to import"));
        }
    }

    @Test
    void otherContentTypesAreRefused() {
        given().contentType("application/json").body("{}").post("/import").then().statusCode(415)
                .body("errors[0].message", containsString("application/x-ndjson"));
        given().contentType("application/x-ndjsonx").body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/import").then().statusCode(415);
    }

    private static JsonPath post(String ndjson) {
        return given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/import").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> claimIdsOf(String run) {
        return given().contentType("application/json")
                .body("{\"query\": \"{ articles(first: 100, filter: { text: \\\"" + run + "\\\" }) { edges { node { claims { id } } } } }\"}")
                .post("/graphql").then().statusCode(200).extract().jsonPath()
                .getList("data.articles.edges.node.claims.flatten().id", String.class).stream().sorted().toList();
    }

    private static List<String> articleIdsOf(String run) {
        return given().contentType("application/json")
                .body("{\"query\": \"{ articles(first: 100, filter: { text: \\\"" + run + "\\\" }) { edges { node { id } } } }\"}")
                .post("/graphql").then().statusCode(200).extract().jsonPath().getList("data.articles.edges.node.id", String.class);
    }

    private static void deleteArticlesOf(String run) {
        for (String id : articleIdsOf(run)) {
            given().contentType("application/json").body("{\"query\": \"mutation { deleteArticle(id: \\\"" + id + "\\\") }\"}")
                    .post("/graphql").then().statusCode(200).body("data.deleteArticle", equalTo(true));
        }
    }
}
