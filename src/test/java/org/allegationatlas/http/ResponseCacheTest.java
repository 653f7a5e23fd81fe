package org.allegationatlas.http;

import static io.restassured.RestAssured.given;
import static org.allegationatlas.GraphQL.document;
import static org.allegationatlas.GraphQL.vars;
import static org.allegationatlas.TestArticles.article;
import static org.allegationatlas.TestArticles.uniqueUrl;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.allegationatlas.TestArticles;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A query asked again, with nothing written since, is answered from memory ({@code X-Atlas-Cache: hit}),
 * byte for byte as it was first answered; any write, a different request or {@code Cache-Control: no-cache}
 * makes it executed again. Every test asks with its own variables (a random token), as other test
 * classes share the cache and the database.
 */
@QuarkusTest
class ResponseCacheTest {

    private static final String CACHE = "X-Atlas-Cache";
    private static final String JSON = "application/json";
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Inject
    SessionFactory sessionFactory;

    private final TestArticles articles = new TestArticles();

    @AfterEach
    void deleteIngested() {
        articles.deleteAll();
    }

    @Test
    void theSameQueryAskedTwiceIsAnsweredFromMemoryByteForByte() {
        Map<String, Object> variables = articlesMatching(token());

        long before = statements();
        Response first = post(document("articles"), null, variables, JSON);
        long executing = statements() - before;
        before = statements();
        Response second = post(document("articles"), null, variables, JSON);
        long remembered = statements() - before;

        assertAnswered(first, "miss", JSON);
        assertEquals(0, Json.parse(first.asString()).getInt("data.articles.totalCount"), first.asString());
        assertAnswered(second, "hit", JSON);
        assertArrayEquals(first.asByteArray(), second.asByteArray(),
                () -> "a hit must be the first answer byte for byte:\n" + first.asString() + "\n" + second.asString());
        assertThat("the first asking executes the query", executing, greaterThan(0L));
        assertEquals(0L, remembered, "a hit must not execute the query");
    }

    @Test
    void aWriteMakesTheSameQueryExecutedAgainWithTheNewData() {
        String token = token();
        Map<String, Object> variables = articlesMatching(token);
        Response before = post(document("articles"), null, variables, JSON);
        assertAnswered(before, "miss", JSON);
        assertEquals(0, Json.parse(before.asString()).getInt("data.articles.totalCount"), before.asString());
        assertAnswered(post(document("articles"), null, variables, JSON), "hit", JSON);

        String url = uniqueUrl();
        articles.ingest(article(url, "An article about " + token + ".", List.of(), List.of()));

        Response after = post(document("articles"), null, variables, JSON);
        assertAnswered(after, "miss", JSON);
        Json data = Json.parse(after.asString()).at("data.articles");
        assertEquals(1, data.getInt("totalCount"), "the ingested article must be counted: " + after.asString());
        assertEquals(List.of(url), data.getList("edges.node.url"), after.asString());

        Response again = post(document("articles"), null, variables, JSON);
        assertAnswered(again, "hit", JSON);
        assertArrayEquals(after.asByteArray(), again.asByteArray(), again::asString);
    }

    @Test
    void anImportAndADeleteMakeTheSameQueryExecutedAgain() {
        String token = token();
        Map<String, Object> variables = articlesMatching(token);
        assertAnswered(post(document("articles"), null, variables, JSON), "miss", JSON);
        assertAnswered(post(document("articles"), null, variables, JSON), "hit", JSON);

        String url = uniqueUrl();
        Map<String, Object> line = article(url, "An imported article about " + token + ".", List.of(), List.of());
        given().contentType("application/x-ndjson").body((GraphQL.toJson(line) + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/import").then().statusCode(200);

        Response imported = post(document("articles"), null, variables, JSON);
        assertAnswered(imported, "miss", JSON);
        assertEquals(List.of(url), Json.parse(imported.asString()).getList("data.articles.edges.node.url"), imported.asString());
        assertAnswered(post(document("articles"), null, variables, JSON), "hit", JSON);

        String id = Json.parse(imported.asString()).getString("data.articles.edges[0].node.id");
        assertEquals(true, GraphQL.ok("deleteArticle", "id", id).getBoolean("deleteArticle"));

        Response deleted = post(document("articles"), null, variables, JSON);
        assertAnswered(deleted, "miss", JSON);
        assertEquals(0, Json.parse(deleted.asString()).getInt("data.articles.totalCount"), deleted.asString());
        assertAnswered(post(document("articles"), null, variables, JSON), "hit", JSON);
    }

    @Test
    void differentVariablesAreSeparateEntries() {
        Map<String, Object> one = articlesMatching(token());
        Map<String, Object> other = articlesMatching(token());

        assertAnswered(post(document("articles"), null, one, JSON), "miss", JSON);
        assertAnswered(post(document("articles"), null, other, JSON), "miss", JSON);
        assertAnswered(post(document("articles"), null, one, JSON), "hit", JSON);
        assertAnswered(post(document("articles"), null, other, JSON), "hit", JSON);
    }

    @Test
    void differentOperationsOfOneDocumentAreSeparateEntries() {
        String both = document("totals") + "\n" + document("articles");
        String token = token();
        Map<String, Object> variables = articlesMatching(token);
        variables.put("text", token); // Totals' variable; each operation ignores the other's

        Response totals = post(both, "Totals", variables, JSON);
        Response articles = post(both, "Articles", variables, JSON);
        assertAnswered(totals, "miss", JSON);
        assertAnswered(articles, "miss", JSON);
        assertEquals(0, Json.parse(totals.asString()).getInt("data.matching.totalCount"), totals.asString());
        assertEquals(List.of(), Json.parse(articles.asString()).getList("data.articles.edges"), articles.asString());

        Response totalsAgain = post(both, "Totals", variables, JSON);
        Response articlesAgain = post(both, "Articles", variables, JSON);
        assertAnswered(totalsAgain, "hit", JSON);
        assertAnswered(articlesAgain, "hit", JSON);
        assertArrayEquals(totals.asByteArray(), totalsAgain.asByteArray(), totalsAgain::asString);
        assertArrayEquals(articles.asByteArray(), articlesAgain.asByteArray(), articlesAgain::asString);
    }

    @Test
    void eachResponseFormatIsASeparateEntryWithItsOwnContentType() {
        Map<String, Object> variables = articlesMatching(token());

        Response strict = post(document("articles"), null, variables, GRAPHQL_RESPONSE);
        Response plain = post(document("articles"), null, variables, JSON);
        assertAnswered(strict, "miss", GRAPHQL_RESPONSE);
        assertAnswered(plain, "miss", JSON);

        Response strictAgain = post(document("articles"), null, variables, GRAPHQL_RESPONSE);
        Response plainAgain = post(document("articles"), null, variables, JSON);
        assertAnswered(strictAgain, "hit", GRAPHQL_RESPONSE);
        assertAnswered(plainAgain, "hit", JSON);
        assertArrayEquals(strict.asByteArray(), strictAgain.asByteArray(), strictAgain::asString);
        assertArrayEquals(plain.asByteArray(), plainAgain.asByteArray(), plainAgain::asString);
    }

    @Test
    void noCacheIsAlwaysExecuted() {
        Map<String, Object> variables = articlesMatching(token());
        Response first = post(document("articles"), null, variables, JSON);
        assertAnswered(first, "miss", JSON);
        assertAnswered(post(document("articles"), null, variables, JSON), "hit", JSON);

        // any directive list that asks for a fresh answer, as HTTP clients and proxies send them
        String[][] fresh = { { "Cache-Control", "no-cache" }, { "Cache-Control", "no-cache, no-store" },
                { "Cache-Control", "max-age=0" }, { "Cache-Control", "No-Store" }, { "Pragma", "no-cache" } };
        for (String[] header : fresh) {
            long before = statements();
            Response answer = request(JSON).header(header[0], header[1])
                    .body(body(document("articles"), null, variables)).post("/graphql");
            long executing = statements() - before;
            assertEquals(200, answer.statusCode(), answer::asString);
            assertEquals("miss", answer.header(CACHE), header[0] + ": " + header[1] + " must be executed, not answered from memory");
            assertThat(header[0] + ": " + header[1] + " executes the query", executing, greaterThan(0L));
            assertEquals(Json.parse(first.asString()).root(), Json.parse(answer.asString()).root());
        }
    }

    @Test
    void aMutationIsNeverAnsweredFromMemory() {
        String id = articles.ingest(article(uniqueUrl(), "Deleted twice " + token() + ".", List.of(), List.of())).getString("id");
        Map<String, Object> variables = vars("id", id);

        Response deleted = post(document("deleteArticle"), null, variables, JSON);
        assertEquals(200, deleted.statusCode(), deleted::asString);
        assertEquals(true, Json.parse(deleted.asString()).getBoolean("data.deleteArticle"), deleted.asString());
        assertNull(deleted.header(CACHE), "a mutation has no " + CACHE + " header");

        Response again = post(document("deleteArticle"), null, variables, JSON);
        assertNull(again.header(CACHE), "a mutation has no " + CACHE + " header");
        assertEquals("NOT_FOUND", Json.parse(again.asString()).getString("errors[0].extensions.code"),
                "the second delete must be executed, and find nothing: " + again.asString());
    }

    @Test
    void anAnswerWithErrorsIsNotRemembered() {
        String badId = "x" + token();
        for (int i = 0; i < 2; i++) {
            Response answer = post(document("article"), null, vars("id", badId), JSON);
            assertAnswered(answer, "miss", JSON);
            Json json = Json.parse(answer.asString());
            assertEquals("VALIDATION", json.getString("errors[0].extensions.code"), answer.asString());
            assertThat(answer.asString(), json.get("data.article"), nullValue());
        }
    }

    @Test
    void getIsCachedToo() {
        // without its comment line: Quarkus strips the newlines of a GET query, and the comment would swallow the rest
        String query = document("articles").substring(document("articles").indexOf("query"));
        String variables = GraphQL.toJson(articlesMatching(token()));

        Response first = given().accept(JSON).queryParam("query", query).queryParam("variables", variables).get("/graphql");
        Response second = given().accept(JSON).queryParam("query", query).queryParam("variables", variables).get("/graphql");
        assertAnswered(first, "miss", JSON);
        assertEquals(0, Json.parse(first.asString()).getInt("data.articles.totalCount"), first.asString());
        assertAnswered(second, "hit", JSON);
        assertArrayEquals(first.asByteArray(), second.asByteArray(),
                () -> "a hit must be the first answer byte for byte:\n" + first.asString() + "\n" + second.asString());
    }

    /** Articles whose title or body contains {@code token}: none, until a test ingests one. */
    private static Map<String, Object> articlesMatching(String token) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("filter", Map.of("text", token));
        variables.put("first", 5);
        return variables;
    }

    private static String token() {
        return "cache" + UUID.randomUUID().toString().replace("-", "");
    }

    private static RequestSpecification request(String accept) {
        return given().contentType(JSON).accept(accept);
    }

    private static byte[] body(String query, String operationName, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        body.put("variables", variables);
        return GraphQL.toJson(body).getBytes(StandardCharsets.UTF_8);
    }

    private static Response post(String query, String operationName, Map<String, Object> variables, String accept) {
        return request(accept).body(body(query, operationName, variables)).post("/graphql");
    }

    private static void assertAnswered(Response response, String cache, String contentType) {
        String text = response.asString();
        assertEquals(200, response.statusCode(), () -> "HTTP " + response.statusCode() + ": " + text);
        assertEquals(cache, response.header(CACHE), () -> CACHE + " of " + text);
        assertThat("content type of " + text, response.contentType(), startsWith(contentType));
    }

    /** SQL statements Hibernate has prepared so far (the cache's own version check is plain JDBC, not counted). */
    private long statements() {
        sessionFactory.getStatistics().setStatisticsEnabled(true);
        return sessionFactory.getStatistics().getPrepareStatementCount();
    }
}
