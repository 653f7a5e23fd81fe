package org.allegationatlas.claim;

import static org.allegationatlas.GraphQL.vars;
import static org.allegationatlas.TestArticles.actor;
import static org.allegationatlas.TestArticles.article;
import static org.allegationatlas.TestArticles.claim;
import static org.allegationatlas.TestArticles.uniqueUrl;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.allegationatlas.GraphQL;
import org.allegationatlas.GraphQLWebSocket;
import org.allegationatlas.Json;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * claimAdded under load: writers committing at once, a subscriber that stops reading, more subscribers than
 * a node serves. Each subscription gets every claim it asked for exactly once, or ends with a LIMIT_EXCEEDED
 * error that says what to do; one subscriber's trouble is not another's. Articles about Kiribati and Samoa.
 */
@QuarkusTest
@TestProfile(SubscriptionLimitsTest.FewSubscriptions.class)
class SubscriptionLimitsTest {

    public static class FewSubscriptions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atlas.subscriptions.max", "3", "atlas.subscriptions.backlog-bytes", "256K", "atlas.graphql.timeout", "2s");
        }
    }

    private final List<TestArticles> ingested = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void deleteIngested() {
        ingested.forEach(TestArticles::deleteAll);
    }

    @Test
    void aSubscriptionOutlivesTheRequestTimeout() throws Exception {
        try (GraphQLWebSocket ws = GraphQLWebSocket.connect()) {
            ws.subscribe("all", "claimAdded", vars());
            awaitLive(ws, "all");
            Thread.sleep(3_000); // longer than atlas.graphql.timeout: a request would be stopped by now
            String url = uniqueUrl();
            articles().ingest(kiribatiAndSamoa(url, 1, 0));
            Json message = ws.next(20);
            assertThat("a claim announced after the timeout", message, notNullValue());
            assertEquals(url, message.getString("payload.data.claimAdded.article.url"), message.toString());
        }
    }

    @Test
    void concurrentWritersAnnounceEveryClaimExactlyOnce() throws Exception {
        int writers = 8;
        int articlesEach = 5;
        int claimsEach = 3;
        try (GraphQLWebSocket ws = GraphQLWebSocket.connect()) {
            ws.subscribe("all", "claimAdded", vars());
            awaitLive(ws, "all");
            String prefix = uniqueUrl();
            Set<String> stored = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    done.add(pool.submit(() -> {
                        TestArticles articles = articles();
                        for (int a = 0; a < articlesEach; a++) {
                            Json answer = articles.ingest(kiribatiAndSamoa(prefix + "/" + writer + "/" + a, claimsEach, 0));
                            answer.<List<String>>get("claims.id").forEach(stored::add);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            List<String> announced = new ArrayList<>();
            // until every claim came, then a second more for one announced twice
            for (Json message = ws.next(20); message != null; message = ws.next(announced.size() < stored.size() ? 20 : 1)) {
                assertEquals("next", message.getString("type"), message.toString());
                if (message.getString("payload.data.claimAdded.article.url").startsWith(prefix)) {
                    announced.add(message.getString("payload.data.claimAdded.id"));
                }
            }
            assertEquals(writers * articlesEach * claimsEach, stored.size());
            assertEquals(stored, new HashSet<>(announced), "every stored claim announced");
            assertEquals(stored.size(), announced.size(), "none twice");
        }
    }

    @Test
    void aSubscriberThatStopsReadingIsEndedAndTheOthersGetEveryClaim() throws Exception {
        int articles = 15;
        int claimsEach = 20;
        try (GraphQLWebSocket slow = GraphQLWebSocket.connect(); GraphQLWebSocket steady = GraphQLWebSocket.connect()) {
            slow.subscribe("slow", "claimAddedWithArticleBody", vars());
            steady.subscribe("steady", "claimAdded", vars());
            awaitLive(slow, "slow");
            awaitLive(steady, "steady");
            slow.stopReading();
            // every claim sends the slow client its article's 100 KB body: 30 MB in all, far more than the
            // sockets' buffers hold, so that the rest waits in the server unless it ends the subscription
            String prefix = uniqueUrl();
            TestArticles writer = articles();
            for (int a = 0; a < articles; a++) {
                writer.ingest(kiribatiAndSamoa(prefix + "/" + a, claimsEach, 100_000));
            }
            int steadyGot = 0;
            while (steadyGot < articles * claimsEach) { // no wait once every claim came
                Json message = steady.next(20);
                if (message == null) {
                    break;
                }
                assertEquals("next", message.getString("type"), message.toString());
                if (message.getString("payload.data.claimAdded.article.url").startsWith(prefix)) {
                    steadyGot++;
                }
            }
            assertEquals(articles * claimsEach, steadyGot, "the steady subscriber got every claim");

            slow.resumeReading();
            int slowGot = 0;
            Json close = null;
            while (close == null) { // no wait once the server closed
                Json message = slow.next(20);
                if (message == null) {
                    break;
                }
                if ("close".equals(message.getString("type"))) {
                    close = message;
                } else if ("next".equals(message.getString("type"))
                        && message.getString("payload.data.claimAdded.article.url").startsWith(prefix)) {
                    slowGot++;
                }
            }
            assertThat("the server closes the slow client's WebSocket", close, notNullValue());
            assertEquals(1008, close.<Integer>get("code"), close.toString());
            assertThat(close.getString("reason"), startsWith("LIMIT_EXCEEDED: subscription over 256 KB unread"));
            assertThat("the server stopped sending to the slow client", slowGot, lessThan(articles * claimsEach));
        }
    }

    @Test
    void subscriptionsPastTheLimitAreRefusedUntilOneEnds() throws Exception {
        try (GraphQLWebSocket ws = GraphQLWebSocket.connect()) {
            for (String id : List.of("a", "b", "c")) {
                ws.subscribe(id, "claimAdded", vars());
            }
            awaitLive(ws, "a", "b", "c");
            ws.subscribe("d", "claimAdded", vars());
            Json refused = ws.next(20);
            assertThat("an answer to the fourth subscription", refused, notNullValue());
            assertEquals("d", refused.getString("id"), refused.toString());
            Json errors = Json.of(Map.of("errors", "error".equals(refused.getString("type")) ? refused.getList("payload")
                    : refused.getList("payload.errors")));
            assertEquals("LIMIT_EXCEEDED", errors.getString("errors[0].extensions.code"), refused.toString());
            assertThat(errors.getString("errors[0].message"), containsString("3 subscriptions, its limit"));
            GraphQL.assertNoLeak(errors);

            ws.complete("a");
            ws.subscribe("e", "claimAdded", vars());
            awaitLive(ws, "e");
        }
    }

    private TestArticles articles() {
        TestArticles articles = new TestArticles();
        ingested.add(articles);
        return articles;
    }

    /** An article of {@code claims} allegations by Samoa against Kiribati, its body padded to {@code padding} characters. */
    private static Map<String, Object> kiribatiAndSamoa(String url, int claims, int padding) {
        StringBuilder body = new StringBuilder();
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            String quote = "Samoa accused Kiribati of deed number " + i + ".";
            body.append(quote).append(' ');
            inputs.add(claim("ws", "ki", null, "ALLEGES", "OTHER", quote));
        }
        while (body.length() < padding) {
            body.append("Nothing else happened. ");
        }
        return article(url, body.toString(), List.of(actor("ki", "Kiribati", "STATE", "KI"), actor("ws", "Samoa", "STATE", "WS")),
                inputs);
    }

    /** Ingests probe articles until each subscription announced one: the protocol does not say when it is live. */
    private void awaitLive(GraphQLWebSocket ws, String... ids) throws Exception {
        Set<String> waiting = new HashSet<>(List.of(ids));
        TestArticles probes = articles();
        for (int attempt = 0; attempt < 40 && !waiting.isEmpty(); attempt++) {
            probes.ingest(kiribatiAndSamoa(uniqueUrl(), 1, 0));
            for (Json message = ws.next(0.5); message != null; message = ws.next(0.3)) {
                assertEquals("next", message.getString("type"), message.toString());
                waiting.remove(message.getString("id"));
            }
        }
        assertTrue(waiting.isEmpty(), "subscriptions that announced nothing in 40 attempts: " + waiting);
    }
}
