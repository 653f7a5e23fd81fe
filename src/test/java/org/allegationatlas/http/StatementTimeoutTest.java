package org.allegationatlas.http;

import static org.allegationatlas.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.allegationatlas.GraphQL;
import org.allegationatlas.GraphQLWebSocket;
import org.allegationatlas.Json;
import org.allegationatlas.LargeDatabase;
import org.allegationatlas.TestArticles;
import org.allegationatlas.claim.ClaimCountsRefill;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A read statement that runs past atlas.db.statement-timeout-ms (H2's session QUERY_TIMEOUT, PostgreSQL's
 * statement_timeout) is stopped by the database, and its request gets a TIMEOUT error saying how to ask for less.
 * On 100,000 claims, every country's count of allegations that mention a word reads through all of them (and a
 * page of each country's): hundreds of milliseconds of work, though it returns 249 items, which the item limit lets
 * through. The timeout is for reads: writes that wait their turn, the reading of a write's answer and the recount of
 * every claim are valid work and finish, and the reads after them are bounded again (four pooled connections, so they are the writers' ones).
 */
@QuarkusTest
@TestProfile(StatementTimeoutTest.ImpatientDatabase.class)
class StatementTimeoutTest {

    public static class ImpatientDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The writers' turns are waited for as long as a loaded machine needs (here: the test's HTTP client's read
            // timeout and the write lock's wait, 30 s and 60 s by default); what is tested is the statement timeout.
            return Map.of("atlas.jdbc-url.h2", LargeDatabase.H2_URL,
                    "atlas.db.statement-timeout-ms", "100", "quarkus.datasource.jdbc.max-size", "4",
                    "quarkus.http.test-timeout", "10m", "atlas.db.write-wait", "10m");
        }
    }

    @Inject
    ClaimCountsRefill counts;

    private final TestArticles articles = new TestArticles();

    @BeforeAll
    static void generate() throws Exception {
        LargeDatabase.create();
    }

    @AfterAll
    static void deleteGenerated() throws Exception {
        LargeDatabase.delete();
    }

    @Test
    void aStatementPastTheTimeoutIsStoppedAndTheServerGoesOn() {
        assertTheExpensiveReadIsStopped();
        Json data = GraphQL.ok("articles", "first", 3);
        assertEquals(3, data.getList("articles.edges").size(), data::toString);
    }

    /**
     * Eight writers at once, storing articles of 1,500 claims each on four urls (two each: the second replaces): the statements of such
     * a write (replacing one deletes 1,500 claims and their counts in one statement) take longer than the statement
     * timeout, and each writer waits its turn longer still. Valid writes: none fails, each url ends with the
     * claims of one write (one article per url).
     */
    @Test
    void concurrentLargeWritesAreNotBoundedByTheTimeout() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<String> urls = List.of(TestArticles.uniqueUrl(), TestArticles.uniqueUrl(), TestArticles.uniqueUrl(), TestArticles.uniqueUrl());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    String quote = "Palau accused Nauru of fishing, said writer " + writer + ".";
                    List<Map<String, Object>> claims = new ArrayList<>();
                    for (int c = 0; c < 1500; c++) {
                        claims.add(TestArticles.claim("pw", "nr", null, "ALLEGES", "OTHER", quote));
                    }
                    // the id only: what is tested here is the writes (their answers: aWritesAnswerIsNotBoundedByTheTimeout)
                    articles.ingestForId(TestArticles.article(urls.get(writer % urls.size()), quote,
                            List.of(TestArticles.actor("pw", "Palau", "STATE", "PW"), TestArticles.actor("nr", "Nauru", "STATE", "NR")),
                            claims));
                }));
            }
            for (Future<?> writer : done) {
                writer.get(10, TimeUnit.MINUTES); // an error answer fails GraphQL.ok inside
            }
            Json stored = GraphQL.ok("articles", vars("first", 10, "filter", Map.of("text", "Palau accused Nauru of fishing, said writer")));
            assertEquals(urls.size(), stored.getInt("articles.totalCount"), stored::toString);
        } finally {
            writers.shutdownNow();
            // the other writers finish first: their articles are deleted too, and a writer's own error is what fails
            writers.awaitTermination(10, TimeUnit.MINUTES);
            articles.deleteAll();
        }
        assertTheExpensiveReadIsStopped();
    }

    /**
     * A mutation's answer is read after its write committed: reading it is part of the write, not a read to be cut short.
     * Here the answer asks, for each of the 200 countries the article's actors belong to, how many allegations against it
     * mention "deed": the read that the timeout stops when a query asks it. The write is stored and its answer whole.
     */
    @Test
    void aWritesAnswerIsNotBoundedByTheTimeout() {
        List<String> codes = LargeDatabase.countries();
        List<Map<String, Object>> actors = new ArrayList<>();
        List<Map<String, Object>> claims = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) { // each country accuses the next
            String accused = codes.get((i + 1) % codes.size());
            actors.add(TestArticles.actor(codes.get(i), "Generated state of " + codes.get(i), "STATE", codes.get(i)));
            String quote = codes.get(i) + " accused " + accused + " of a deed.";
            claims.add(TestArticles.claim(codes.get(i), accused, null, "ALLEGES", "OTHER", quote));
            body.append(quote).append(' ');
        }
        try {
            Json answer = articles.ingest("ingestArticleAnsweringItsCountriesAllegations",
                    TestArticles.article(TestArticles.uniqueUrl(), body.toString().strip(), actors, claims), "text", "deed");
            assertEquals(codes.size(), answer.getList("actors").size(), answer::toString);
            int accused = IntStream.range(0, codes.size())
                    .filter(i -> codes.get(1).equals(answer.getString("actors[" + i + "].country.code"))).findFirst().orElseThrow();
            assertTrue(answer.getInt("actors[" + accused + "].country.allegationsAgainst.totalCount") > LargeDatabase.CLAIMS / LargeDatabase.COUNTRIES,
                    answer::toString); // the generated claims against the second country, and the one just stored
        } finally {
            articles.deleteAll();
        }
        assertTheExpensiveReadIsStopped();
    }

    /**
     * Over one WebSocket (graphql-transport-ws), a mutation and then the expensive read: the read is bounded again.
     * What lifts the timeout is the mutation's operation, not the connection it came on.
     */
    @Test
    void aReadAfterAWriteOnTheSameWebSocketIsBoundedAgain() throws Exception {
        String quote = "Palau accused Nauru of fishing over a socket.";
        String id = null;
        try (GraphQLWebSocket socket = GraphQLWebSocket.connect()) {
            socket.subscribe("write", "ingestArticleId", vars("input", TestArticles.article(TestArticles.uniqueUrl(), quote,
                    List.of(TestArticles.actor("pw", "Palau", "STATE", "PW"), TestArticles.actor("nr", "Nauru", "STATE", "NR")),
                    List.of(TestArticles.claim("pw", "nr", null, "ALLEGES", "OTHER", quote)))));
            Json written = answer(socket, "write");
            assertNull(written.get("payload.errors"), written::toString);
            id = written.getString("payload.data.ingestArticle.id");
            socket.subscribe("read", "allegationCountsOfEveryCountry", vars("text", "deed"));
            assertThat(answer(socket, "read").toString(), containsString("ran longer than 100 ms and was stopped"));
        } finally {
            if (id != null) {
                GraphQL.ok("deleteArticle", "id", id);
            }
        }
    }

    /** The answer of the operation {@code id}: its "next" message, skipping the "complete" of one before. */
    private static Json answer(GraphQLWebSocket socket, String id) throws InterruptedException {
        for (Json message = socket.next(60); message != null; message = socket.next(60)) {
            if (id.equals(message.getString("id")) && !"complete".equals(message.getString("type"))) {
                return message;
            }
        }
        throw new AssertionError("no answer to " + id + " within 60 s");
    }

    /** The recount that an import deferred reads every claim: maintenance, never cut short by the timeout. */
    @Test
    void countingEveryClaimAgainIsNotBoundedByTheTimeout() {
        Json before = GraphQL.ok("claimTotals", vars("filter", null));
        counts.countAgain();
        assertEquals(before.toString(), GraphQL.ok("claimTotals", vars("filter", null)).toString());
        assertTrue(before.getList("claimTotals").size() >= LargeDatabase.COUNTRIES, before::toString);
        assertTheExpensiveReadIsStopped();
    }

    private static void assertTheExpensiveReadIsStopped() {
        Json answer = GraphQL.error("allegationCountsOfEveryCountry", vars("text", "deed"), "TIMEOUT",
                "ran longer than 100 ms and was stopped");
        assertThat(answer.getString("errors[0].message"), containsString("ask for fewer items"));
    }
}
