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

        for (String id : articleIdsOf(run)) {
            given().contentType("application/json").body("{\"query\": \"mutation { deleteArticle(id: \\\"" + id + "\\\") }\"}")
                    .post("/graphql").then().statusCode(200).body("data.deleteArticle", equalTo(true));
        }
    }

    @Test
    void otherContentTypesAreRefused() {
        given().contentType("application/json").body("{}").post("/import").then().statusCode(415)
                .body("errors[0].message", containsString("application/x-ndjson"));
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
}
