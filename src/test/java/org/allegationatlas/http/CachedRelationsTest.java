package org.allegationatlas.http;

import static io.restassured.RestAssured.given;
import static org.allegationatlas.GraphQL.document;
import static org.allegationatlas.GraphQL.vars;
import static org.allegationatlas.TestArticles.actor;
import static org.allegationatlas.TestArticles.article;
import static org.allegationatlas.TestArticles.claim;
import static org.allegationatlas.TestArticles.uniqueUrl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * An answer with batched relations (Article.actors, Actor.country, Claim.article) is remembered like any
 * other, on the JVM and in the packaged app ({@link CachedRelationsIT}): after a batch, graphql-java may go
 * on without a CDI request context, and remembering must not depend on one.
 */
@QuarkusTest
class CachedRelationsTest {

    private final TestArticles articles = new TestArticles();

    @AfterEach
    void deleteIngested() {
        articles.deleteAll();
    }

    @Test
    void anAnswerWithBatchedRelationsIsRemembered() {
        String quote = "Fiji accused Tuvalu of " + UUID.randomUUID() + ".";
        String id = articles.ingest(article(uniqueUrl(), quote,
                List.of(actor("fj", "Fiji", "STATE", "FJ"), actor("tv", "Tuvalu", "STATE", "TV")),
                List.of(claim("fj", "tv", null, "ALLEGES", "OTHER", quote)))).getString("id");

        Response first = ask(id);
        assertEquals("miss", first.header("X-Atlas-Cache"), first::asString);
        Json answer = Json.parse(first.asString()).at("data.article");
        assertEquals(List.of(id), answer.getList("claims.article.id"), first.asString());
        assertEquals(List.of("FJ", "TV"), answer.getList("actors.country.code").stream().sorted().toList(), first.asString());

        Response second = ask(id);
        assertEquals("hit", second.header("X-Atlas-Cache"), second::asString);
        assertArrayEquals(first.asByteArray(), second.asByteArray(), second::asString);
    }

    private static Response ask(String id) {
        Map<String, Object> body = Map.of("query", document("article"), "variables", vars("id", id));
        Response response = given().contentType("application/json").body(GraphQL.toJson(body)).post("/graphql");
        assertEquals(200, response.statusCode(), response::asString);
        return response;
    }
}
