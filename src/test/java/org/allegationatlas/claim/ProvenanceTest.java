package org.allegationatlas.claim;

import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.allegationatlas.TestArticles.actor;
import static org.allegationatlas.TestArticles.article;
import static org.allegationatlas.TestArticles.claim;
import static org.allegationatlas.TestArticles.uniqueUrl;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.allegationatlas.Json;
import org.allegationatlas.Seed;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The provenance invariant: for every stored claim, article.body.substring(quoteStart, quoteEnd).equals(quote). */
@QuarkusTest
class ProvenanceTest {

    private final TestArticles articles = new TestArticles();

    @AfterEach
    void deleteIngested() {
        articles.deleteAll();
    }

    @Test
    void everyStoredClaimQuotesItsArticleVerbatim() {
        List<Map<String, Object>> claims = allClaims();
        assertThat(claims.size(), greaterThanOrEqualTo(Seed.claims().size()));
        for (Map<String, Object> claim : claims) {
            assertVerbatim(Json.of(claim));
        }
    }

    @Test
    void everyCuratedClaimOfTheSeedIsServedWithTheSameQuote() {
        Map<String, Map<String, Object>> served = new HashMap<>();
        for (Map<String, Object> claim : allClaims()) {
            if (Seed.url().equals(Json.of(claim).getString("article.url"))) {
                served.put((String) claim.get("summary"), claim);
            }
        }
        assertEquals(Seed.claims().size(), served.size(), "every seed claim once");
        for (Seed.Claim seed : Seed.claims()) {
            Map<String, Object> claim = served.get(seed.summary());
            assertThat(seed.key(), claim, notNullValue());
            assertEquals(seed.quote(), claim.get("quote"), seed.key());
            assertEquals("CURATED", claim.get("origin"), seed.key());
            assertEquals(Seed.body().indexOf(seed.quote()), claim.get("quoteStart"), seed.key() + ": the first occurrence");
        }
    }

    @Test
    void quotesAreCountedInUtf16UnitsAsJavaAndJavaScriptStringsAre() {
        // astral characters (two UTF-16 units), combining accents and a non-Latin script before the quote
        String quote = "Le ministère fidjien a accusé Tuvalu 🚢 de cacher des navires.";
        String body = "🇫🇯 Suva 🌊 — Ré\u0301sumé: 斐济。 " + quote + " Fin. " + quote;
        int second = body.lastIndexOf(quote);
        Map<String, Object> later = claim("fj", "tv", null, "ALLEGES", "CONCEALMENT", quote);
        later.put("quoteStart", second);
        Json stored = articles.ingest(article(uniqueUrl(), body,
                List.of(actor("fj", "Fiji", "STATE", "FJ"), actor("tv", "Tuvalu", "STATE", "TV")),
                List.of(claim("fj", "tv", null, "ALLEGES", "CONCEALMENT", quote), later)));
        assertEquals(body, stored.getString("body"));
        List<Integer> starts = stored.getList("claims.quoteStart");
        assertEquals(List.of(body.indexOf(quote), second), starts);
        for (Map<String, Object> claim : stored.<Map<String, Object>>getList("claims")) {
            int start = (Integer) claim.get("quoteStart");
            int end = (Integer) claim.get("quoteEnd");
            assertEquals(quote, body.substring(start, end));
        }
        for (Map<String, Object> claim : allClaims()) {
            assertVerbatim(Json.of(claim));
        }
    }

    private static void assertVerbatim(Json claim) {
        String body = claim.getString("article.body");
        int start = claim.getInt("quoteStart");
        int end = claim.getInt("quoteEnd");
        String where = "claim " + claim.getString("id") + " of " + claim.getString("article.url");
        assertThat(where, start, greaterThanOrEqualTo(0));
        assertThat(where, end, greaterThanOrEqualTo(start));
        assertThat(where, body.length(), greaterThanOrEqualTo(end));
        assertEquals(claim.getString("quote"), body.substring(start, end), where);
    }

    /** Every stored claim, walked page by page. */
    private static List<Map<String, Object>> allClaims() {
        List<Map<String, Object>> claims = new ArrayList<>();
        String after = null;
        do {
            Json page = ok("provenance", vars("first", 100, "after", after)).at("claims");
            claims.addAll(page.getList("edges.node"));
            after = page.getBoolean("pageInfo.hasNextPage") ? page.getString("pageInfo.endCursor") : null;
        } while (after != null);
        return claims;
    }
}
