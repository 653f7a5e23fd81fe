package org.allegationatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The request deadline stops a mutation only before its write starts: a write that waited past the deadline
 * (here behind another transaction's write lock) and committed is answered with what it stored, never with a
 * TIMEOUT that would tell the client to send it again.
 */
@QuarkusTest
@TestProfile(DeadlineAfterWriteTest.HalfSecond.class)
class DeadlineAfterWriteTest {

    public static class HalfSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atlas.graphql.timeout", "0.5s");
        }
    }

    private static final String INGEST = "mutation($input: ArticleInput!) { ingestArticle(input: $input)"
            + " { id url claims { quote claimant { name country { code } } } } }";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWriteThatCommittedAfterTheDeadlineIsAnsweredWithWhatItStored() throws Exception {
        String url = "https://example.org/after-the-deadline";
        CompletableFuture<Void> lockHeld = new CompletableFuture<>();
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery("select id from ingest_lock where id = 1 for update").close();
                    lockHeld.complete(null);
                    Thread.sleep(1500); // three deadlines long
                }
                connection.rollback();
            } catch (Exception e) {
                lockHeld.completeExceptionally(e);
                throw new IllegalStateException(e);
            }
        });
        lockHeld.get(10, TimeUnit.SECONDS);

        Json answer = Json.parse(GraphQL.postQuery(INGEST, Map.of("input", article(url))).then().statusCode(200)
                .extract().asString());
        holder.get(10, TimeUnit.SECONDS);

        assertNull(answer.get("errors"), answer::toString);
        assertEquals(url, answer.getString("data.ingestArticle.url"));
        assertEquals("Fiji", answer.getString("data.ingestArticle.claims[0].claimant.name"));
        assertEquals("FJ", answer.getString("data.ingestArticle.claims[0].claimant.country.code"));
        GraphQL.postQuery("mutation($id: ID!) { deleteArticle(id: $id) }", Map.of("id", answer.getString("data.ingestArticle.id"))).then().statusCode(200);
    }

    private static Map<String, Object> article(String url) {
        return Map.of("url", url, "language", "en", "body", "Fiji accused Tuvalu of hiding boats.",
                "actors", List.of(Map.of("key", "fj", "name", "Fiji", "kind", "STATE", "country", "FJ"),
                        Map.of("key", "tv", "name", "Tuvalu", "kind", "STATE", "country", "TV")),
                "claims", List.of(Map.of("claimant", "fj", "subject", "tv", "stance", "ALLEGES", "category", "OTHER",
                        "summary", "Fiji accused Tuvalu.", "quote", "Fiji accused Tuvalu of hiding boats.")));
    }
}
