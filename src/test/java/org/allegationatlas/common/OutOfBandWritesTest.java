package org.allegationatlas.common;

import static io.restassured.RestAssured.given;
import static org.allegationatlas.GraphQL.document;
import static org.allegationatlas.TestArticles.actor;
import static org.allegationatlas.TestArticles.article;
import static org.allegationatlas.TestArticles.claim;
import static org.allegationatlas.TestArticles.uniqueUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Rows changed with plain SQL, outside the app's services (a fix in psql, a script, a restore):
 * the cached counts and the cached answers of every node must not outlive the change. The
 * triggers of V5 move the data version on any change to the tables.
 */
@QuarkusTest
class OutOfBandWritesTest {

    @Inject
    AgroalDataSource dataSource;

    private final TestArticles articles = new TestArticles();

    @AfterEach
    void deleteIngested() {
        articles.deleteAll();
    }

    @Test
    void anSqlUpdateOrDeleteIsSeenByTheCachedCountAndTheCachedAnswer() throws SQLException {
        String token = "oob" + UUID.randomUUID().toString().replace("-", "");
        String url = uniqueUrl();
        String quote = "Fiji accused Tuvalu of hiding " + token + " boats.";
        articles.ingest(article(url, quote + " Tuvalu denied it.",
                List.of(actor("fj", "Fiji", "STATE", "FJ"), actor("tv", "Tuvalu", "STATE", "TV")),
                List.of(claim("fj", "tv", null, "ALLEGES", "OTHER", quote))));
        Map<String, Object> filter = Map.of("filter", Map.of("text", token));

        // the count (kept per data version by CountCache) and the whole answer (ResponseCache), both remembered
        assertEquals(1, freshCount(token));
        Response first = GraphQL.post("claims", filter);
        assertEquals("hit", GraphQL.post("claims", filter).header("X-Atlas-Cache"), "asked twice, answered from memory");
        assertEquals(List.of("Test: " + quote), Json.parse(first.asString()).getList("data.claims.edges.node.summary"));

        sql("update claim set summary = 'Corrected: ' || summary where article_id = (select id from article where url = ?)", url);

        Response corrected = GraphQL.post("claims", filter);
        assertEquals("miss", corrected.header("X-Atlas-Cache"), "the SQL fix must make the cached answer stale");
        assertEquals(List.of("Corrected: Test: " + quote), Json.parse(corrected.asString()).getList("data.claims.edges.node.summary"),
                corrected.asString());
        assertEquals("hit", GraphQL.post("claims", filter).header("X-Atlas-Cache"), "and the new answer is remembered");

        sql("delete from claim where article_id = (select id from article where url = ?)", url);

        assertEquals(0, freshCount(token), "the cached count must follow a delete made with SQL");
        Response deleted = GraphQL.post("claims", filter);
        assertEquals("miss", deleted.header("X-Atlas-Cache"));
        assertEquals(0, Json.parse(deleted.asString()).getInt("data.claims.totalCount"), deleted.asString());
    }

    @Test
    void severalStatementsInOneTransactionMoveTheVersionOnceAndStillInvalidate() throws SQLException {
        String token = "oob" + UUID.randomUUID().toString().replace("-", "");
        String url = uniqueUrl();
        articles.ingest(article(url, "About " + token + ".", List.of(), List.of()));
        Map<String, Object> filter = Map.of("filter", Map.of("text", token));
        assertEquals(1, GraphQL.ok("articles", filter).getInt("articles.totalCount"));
        assertEquals("hit", GraphQL.post("articles", filter).header("X-Atlas-Cache"));

        long before = version();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            update(connection, "update article set title = 'one' where url = ?", url);
            long during = versionOn(connection);
            update(connection, "update article set title = 'two' where url = ?", url);
            update(connection, "update article set body = 'About nothing.' where url = ?", url);
            assertEquals(during, versionOn(connection), "one bump per transaction, not one per statement");
            assertTrue(during > before, "the first statement moved the version");
            connection.commit();
        }

        Response after = GraphQL.post("articles", filter);
        assertEquals("miss", after.header("X-Atlas-Cache"));
        assertEquals(0, Json.parse(after.asString()).getInt("data.articles.totalCount"), after.asString());
    }

    @Test
    void afterARestoreToAnOlderVersionTheNextChangeGetsAVersionNeverUsedBefore() throws SQLException {
        // a restored backup carries the version of its day; the caches may hold answers of later
        // versions, so the next change must not reuse one of those numbers
        String url = uniqueUrl();
        articles.ingest(article(url, "Before the restore.", List.of(), List.of()));
        long latest = version();
        long restored = 7; // an old backup's version
        sql("update ingest_lock set version = ?", restored);
        try {
            articles.ingest(article(uniqueUrl(), "After the restore.", List.of(), List.of()));
            long next = version();
            assertTrue(next > latest, () -> "the first change after the restore got " + next + ", not above " + latest);
        } finally {
            sql("update ingest_lock set version = greatest(version, ?)", latest + 1);
        }
    }

    private int freshCount(String token) {
        // executed, not answered from the response cache: the count itself comes from CountCache
        Response response = given().contentType("application/json").header("Cache-Control", "no-cache")
                .body(GraphQL.toJson(Map.of("query", document("claims"), "variables", Map.of("filter", Map.of("text", token)))))
                .post("/graphql");
        Json answer = Json.parse(response.asString());
        assertNull(answer.get("errors"), response.asString());
        return answer.getInt("data.claims.totalCount");
    }

    private void sql(String statement, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            update(connection, statement, parameter);
        }
    }

    private static void update(Connection connection, String statement, Object parameter) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, parameter);
            update.executeUpdate();
        }
    }

    private long version() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return versionOn(connection);
        }
    }

    private static long versionOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select version from ingest_lock where id = 1")) {
            row.next();
            return row.getLong(1);
        }
    }
}
