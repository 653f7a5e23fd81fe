package org.allegationatlas.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * 16 clients ingest the same few urls at once, each article naming the same new actors:
 * the end state has one article per url with exactly one ingest's claims, one actor per
 * party, no error and no deadlock.
 */
@QuarkusTest
class ConcurrentWritersTest {

    private static final int CLIENTS = 16;
    private static final int ROUNDS = 4;
    private static final int URLS = 3;

    @Test
    void concurrentIngestsOfOverlappingUrlsLeaveNoDuplicates() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> urls = new ArrayList<>();
        for (int u = 0; u < URLS; u++) {
            urls.add("https://test.invalid/concurrent/" + run + "/" + u);
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int c = client;
                answers.add(pool.submit((Callable<String>) () -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        JsonPath answer = post(ingest(urls.get((c + round) % URLS), run, c));
                        if (answer.get("errors") != null) {
                            return answer.prettify();
                        }
                    }
                    return null;
                }));
            }
            for (Future<String> answer : answers) {
                assertNull(answer.get(120, TimeUnit.SECONDS), "a concurrent ingest failed");
            }
        } finally {
            pool.shutdownNow();
        }

        JsonPath articles = post(query("{ articles(first: 100, filter: { text: \"" + run + "\" }) { totalCount edges { node { id url claims { id } } } } }"));
        assertNull(articles.get("errors"), articles::prettify);
        assertEquals(URLS, articles.getInt("data.articles.totalCount"), "one article per url");
        for (int i = 0; i < URLS; i++) {
            assertEquals(2, articles.getList("data.articles.edges[" + i + "].node.claims").size(),
                    "each article holds the claims of exactly one ingest");
        }
        for (String party : List.of("Accuser", "Accused")) {
            JsonPath actors = post(query("{ actors(search: \"" + party + " " + run + "\") { totalCount } }"));
            assertEquals(1, actors.getInt("data.actors.totalCount"), party + " was stored once");
        }
        for (int i = 0; i < URLS; i++) {
            String id = articles.getString("data.articles.edges[" + i + "].node.id");
            assertNull(post(Json.createObjectBuilder().add("query", "mutation($id: ID!) { deleteArticle(id: $id) }")
                    .add("variables", Json.createObjectBuilder().add("id", id)).build()).get("errors"));
        }
    }

    private static JsonObject ingest(String url, String run, int client) {
        String body = "Report " + run + ". Accuser " + run + " accused Accused " + run + " of smuggling. "
                + "Accused " + run + " denied it, said client " + client + ".";
        JsonObject input = Json.createObjectBuilder().add("url", url).add("language", "en").add("body", body)
                .add("actors", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "a").add("name", "Accuser " + run).add("kind", "GOVERNMENT_BODY")
                                .add("country", "PW").add("aliases", Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder().add("name", "Client " + client + " accuser " + run))))
                        .add(Json.createObjectBuilder().add("key", "b").add("name", "Accused " + run).add("kind", "GOVERNMENT_BODY")
                                .add("country", "NR")))
                .add("claims", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "x").add("claimant", "a").add("subject", "b").add("stance", "ALLEGES")
                                .add("category", "OTHER").add("summary", "The accuser accused the accused of smuggling.")
                                .add("quote", "Accuser " + run + " accused Accused " + run + " of smuggling."))
                        .add(Json.createObjectBuilder().add("claimant", "b").add("subject", "b").add("stance", "DENIES")
                                .add("category", "OTHER").add("summary", "The accused denied it.").add("respondsTo", "x")
                                .add("quote", "Accused " + run + " denied it")))
                .build();
        return Json.createObjectBuilder().add("query", "mutation($input: ArticleInput!) { ingestArticle(input: $input) { id } }")
                .add("variables", Json.createObjectBuilder().add("input", input)).build();
    }

    private static JsonObject query(String query) {
        return Json.createObjectBuilder().add("query", query).build();
    }

    private static JsonPath post(JsonObject request) {
        return given().contentType("application/json").body(request.toString()).post("/graphql")
                .then().statusCode(200).extract().jsonPath();
    }
}
