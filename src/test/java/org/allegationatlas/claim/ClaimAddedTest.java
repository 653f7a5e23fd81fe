package org.allegationatlas.claim;

import static org.allegationatlas.GraphQL.vars;
import static org.allegationatlas.TestArticles.actor;
import static org.allegationatlas.TestArticles.article;
import static org.allegationatlas.TestArticles.claim;
import static org.allegationatlas.TestArticles.uniqueUrl;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allegationatlas.GraphQL;
import org.allegationatlas.GraphQLWebSocket;
import org.allegationatlas.Json;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The claimAdded subscription over WebSocket (graphql-transport-ws): claims are announced
 * as they are stored; with subjectCountry, only allegations against that country.
 * Synthetic articles about Kiribati (KI) and Samoa (WS).
 */
@QuarkusTest
class ClaimAddedTest {

    private final TestArticles articles = new TestArticles();

    @AfterEach
    void deleteIngested() {
        articles.deleteAll();
    }

    @Test
    void storedClaimsAreAnnouncedAndTheFilterKeepsOnlyAllegationsAgainstTheCountry() throws Exception {
        try (GraphQLWebSocket ws = GraphQLWebSocket.connect()) {
            ws.subscribe("all", "claimAdded", vars());
            ws.subscribe("ki", "claimAdded", vars("subjectCountry", "KIR"));
            awaitLive(ws, "all", "ki");

            // one claim per article, each announced before the next is stored; the allegation
            // against Kiribati comes last: had the filter let the others through, they would come first
            String aboutSamoa = "Kiribati accused Samoa of hiding boats.";
            String denial = "Kiribati denied hiding anything.";
            String againstKiribati = "Samoa accused Kiribati of selling rifles.";
            List<Json> ki = new ArrayList<>();
            for (Map<String, Object> claim : List.of(claim("ki", "ws", null, "ALLEGES", "CONCEALMENT", aboutSamoa),
                    claim("ki", "ki", null, "DENIES", "CONCEALMENT", denial))) {
                String url = uniqueUrl();
                articles.ingest(kiribatiAndSamoa(url, (String) claim.get("quote"), claim));
                List<Json> all = new ArrayList<>();
                collect(ws, url, all, ki, 1, 0);
                assertEquals(List.of(claim.get("quote")), all.stream().map(m -> m.getString("quote")).toList());
                assertEquals(List.of(), ki, "no allegation against Kiribati yet");
            }
            String url = uniqueUrl();
            Json stored = articles.ingest(kiribatiAndSamoa(url, againstKiribati,
                    claim("ws", "ki", null, "ALLEGES", "ARMS_TRANSFER", againstKiribati)));
            List<Json> all = new ArrayList<>();
            collect(ws, url, all, ki, 1, 1);
            assertEquals(1, all.size());
            assertEquals(1, ki.size(), "only the allegation against Kiribati: " + ki);
            Json announced = ki.get(0);
            assertEquals(againstKiribati, announced.getString("quote"));
            assertEquals("ALLEGES", announced.getString("stance"));
            assertEquals("KI", announced.getString("subject.country.code"));
            assertEquals("Kiribati", announced.getString("subject.name"));
            assertEquals(url, announced.getString("article.url"));
            assertEquals(stored.getString("claims[0].id"), announced.getString("id"));
            assertEquals(announced.getString("id"), all.get(0).getString("id"));

            // after complete, a subscription hears nothing more
            ws.complete("ki");
            String url2 = uniqueUrl();
            articles.ingest(kiribatiAndSamoa(url2, againstKiribati, claim("ws", "ki", null, "ALLEGES", "ARMS_TRANSFER", againstKiribati)));
            List<Json> all2 = new ArrayList<>();
            List<Json> ki2 = new ArrayList<>();
            collect(ws, url2, all2, ki2, 1, 0);
            assertEquals(1, all2.size());
            assertEquals(List.of(), ki2);
        }
    }

    @Test
    void everyClaimOfAnArticleWithSeveralIsAnnounced() throws Exception {
        try (GraphQLWebSocket ws = GraphQLWebSocket.connect()) {
            ws.subscribe("all", "claimAdded", vars());
            awaitLive(ws, "all");
            String url = uniqueUrl();
            String first = "Kiribati accused Samoa of hiding boats.";
            String second = "Kiribati denied hiding anything.";
            String third = "Samoa accused Kiribati of selling rifles.";
            articles.ingest(article(url, first + " " + second + " " + third,
                    List.of(actor("ki", "Kiribati", "STATE", "KI"), actor("ws", "Samoa", "STATE", "WS")),
                    List.of(claim("ki", "ws", null, "ALLEGES", "CONCEALMENT", first),
                            claim("ki", "ki", null, "DENIES", "CONCEALMENT", second),
                            claim("ws", "ki", null, "ALLEGES", "ARMS_TRANSFER", third))));
            List<Json> all = new ArrayList<>();
            collect(ws, url, all, new ArrayList<>(), 3, 0);
            assertThat(all.stream().map(m -> m.getString("quote")).toList(), containsInAnyOrder(first, second, third));
        }
    }

    @Test
    void aRejectedIngestAnnouncesNothing() throws Exception {
        try (GraphQLWebSocket ws = GraphQLWebSocket.connect()) {
            ws.subscribe("all", "claimAdded", vars());
            awaitLive(ws, "all");
            String url = uniqueUrl();
            Map<String, Object> bad = article(url, "Samoa accused Kiribati.",
                    List.of(actor("ki", "Kiribati", "STATE", "KI"), actor("ws", "Samoa", "STATE", "WS")),
                    List.of(claim("ws", "ki", null, "ALLEGES", "OTHER", "Samoa accused Kiribati."),
                            claim("ws", "ki", null, "ALLEGES", "OTHER", "not in the body")));
            GraphQL.error("ingestArticle", vars("input", bad), "VALIDATION", "not in the body");
            List<Json> all = new ArrayList<>();
            collect(ws, url, all, new ArrayList<>(), 0, 0);
            assertEquals(List.of(), all);
        }
    }

    @Test
    void anUnknownCountryIsAnError() throws Exception {
        try (GraphQLWebSocket ws = GraphQLWebSocket.connect()) {
            ws.subscribe("bad", "claimAdded", vars("subjectCountry", "XX"));
            Json message = ws.next(10);
            assertThat("an answer to a bad subscription", message, notNullValue());
            assertEquals("bad", message.getString("id"));
            String text = message.toString();
            assertThat(text, org.hamcrest.Matchers.containsString("XX"));
            if ("next".equals(message.getString("type"))) {
                // errors in a result payload
                assertEquals("VALIDATION", message.getString("payload.errors[0].extensions.code"), text);
                GraphQL.assertNoLeak(message.at("payload"));
            } else {
                assertEquals("error", message.getString("type"), text);
                assertEquals("VALIDATION", message.getString("payload[0].extensions.code"), text);
                GraphQL.assertNoLeak(Json.of(Map.of("errors", message.getList("payload"))));
            }
        }
    }

    /**
     * The protocol has no "subscribed" acknowledgement: ingests probe articles (an allegation
     * against Kiribati, which every subscription here accepts) until each subscription has
     * announced one.
     */
    private void awaitLive(GraphQLWebSocket ws, String... ids) throws Exception {
        Set<String> waiting = new HashSet<>(List.of(ids));
        TestArticles probes = new TestArticles();
        try {
            for (int attempt = 0; attempt < 40 && !waiting.isEmpty(); attempt++) {
                String quote = "Probe: Samoa accused Kiribati.";
                probes.ingest(kiribatiAndSamoa(uniqueUrl(), quote, claim("ws", "ki", null, "ALLEGES", "OTHER", quote)));
                for (Json message = ws.next(0.5); message != null; message = ws.next(0.3)) {
                    assertEquals("next", message.getString("type"), message.toString());
                    assertThat(message.toString(), message.get("payload.errors"), nullValue());
                    waiting.remove(message.getString("id"));
                }
            }
            assertEquals(Set.of(), waiting, "subscriptions that announced nothing in 40 attempts");
        } finally {
            probes.deleteAll();
        }
    }

    private static Map<String, Object> kiribatiAndSamoa(String url, String body, Map<String, Object> claim) {
        return article(url, body, List.of(actor("ki", "Kiribati", "STATE", "KI"), actor("ws", "Samoa", "STATE", "WS")), List.of(claim));
    }

    /** Collects the announcements of claims of {@code url}, per subscription, until enough came or 3 s of silence. */
    private static void collect(GraphQLWebSocket ws, String url, List<Json> all, List<Json> ki, int wantAll, int wantKi)
            throws InterruptedException {
        while (true) {
            double wait = all.size() >= wantAll && ki.size() >= wantKi ? 0.5 : 10;
            Json message = ws.next(wait);
            if (message == null) {
                return;
            }
            assertEquals("next", message.getString("type"), message.toString());
            assertThat(message.toString(), message.get("payload.errors"), nullValue());
            Json claim = message.at("payload.data.claimAdded");
            if (!url.equals(claim.getString("article.url"))) {
                continue;
            }
            ("ki".equals(message.getString("id")) ? ki : all).add(claim);
        }
    }
}
