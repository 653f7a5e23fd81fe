package org.allegationatlas.extract;

import static org.allegationatlas.GraphQL.error;
import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allegationatlas.Json;
import org.allegationatlas.Seed;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A curator's work is never overwritten by a guess: extractArticle refuses an article with curated
 * claims unless asked to replace them, and previewExtraction shows what extraction proposes, in the
 * shape ingestArticle takes, without storing anything.
 */
@QuarkusTest
class ExtractionPreviewTest {

    private final TestArticles articles = new TestArticles();

    @AfterEach
    void cleanUp() {
        articles.deleteAll();
    }

    @Test
    void extractingTheSeedUrlIsRefusedAndItsCuratedClaimsStay() {
        String seedId = Seed.articleId();
        List<Map<String, Object>> before = origins(seedId);

        Json answer = error("extractArticleReplacingCurated", vars("input", raw(Seed.url(), Seed.body()), "replaceCurated", false),
                "CONFLICT", "replaceCurated");
        assertTrue(answer.getString("errors[0].message").contains(Seed.claims().size() + " curated claims"),
                answer.toString());
        assertEquals(before, origins(seedId), "the seed's curated claims are untouched");
        assertEquals(Seed.claims().size(), before.size());
    }

    @Test
    void thePreviewOfTheSeedProposesClaimsAndStoresNothing() {
        String seedId = Seed.articleId();
        List<Map<String, Object>> before = origins(seedId);

        Json preview = ok("previewExtraction", "input", raw(Seed.url(), Seed.body())).at("previewExtraction");

        assertEquals(Seed.claims().size(), preview.getInt("curatedClaims"), "it says what extractArticle would replace");
        Json proposal = preview.at("proposal");
        assertEquals(Seed.url(), proposal.getString("url"));
        assertEquals("id", proposal.getString("language"), "detected");
        List<Map<String, Object>> claims = proposal.getList("claims");
        assertFalse(claims.isEmpty(), "claims were proposed: " + proposal);
        for (int i = 0; i < claims.size(); i++) {
            Json claim = proposal.at("claims[" + i + "]");
            assertEquals(claim.getString("quote"), Seed.body().substring(claim.getInt("quoteStart"), claim.getInt("quoteEnd")),
                    "every quote is the body at its offsets");
        }
        List<String> keys = proposal.getList("actors.key");
        for (int i = 0; i < claims.size(); i++) {
            assertTrue(keys.contains(proposal.getString("claims[" + i + "].subject")), "roles name actors of the proposal");
        }
        assertEquals(before, origins(seedId), "nothing stored");
    }

    @Test
    void anEditedProposalIsStoredByIngestArticleAsCurated() {
        String url = TestArticles.uniqueUrl();
        Json proposal = ok("previewExtraction", "input", raw(url, ExtractTest.ENGLISH)).at("previewExtraction.proposal");
        assertEquals(0, ok("previewExtraction", "input", raw(url, ExtractTest.ENGLISH)).getInt("previewExtraction.curatedClaims"));

        // a curator keeps the first claim, corrects its summary, and sends the proposal as it is otherwise
        Map<String, Object> input = asInput(proposal);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> claims = (List<Map<String, Object>>) input.get("claims");
        Map<String, Object> kept = claims.get(0);
        kept.put("summary", "Reviewed: " + kept.get("summary"));
        kept.remove("respondsTo");
        input.put("claims", List.of(kept));
        Json stored = articles.ingest(input);

        assertEquals(1, stored.getList("claims").size());
        assertEquals(kept.get("summary"), stored.getString("claims[0].summary"));
        assertEquals(kept.get("quoteStart"), stored.getInt("claims[0].quoteStart"));
        assertEquals("CURATED", origins(stored.getString("id")).get(0).get("origin"));
    }

    @Test
    void curatedClaimsAreReplacedOnlyWhenAskedFor() {
        String url = TestArticles.uniqueUrl();
        String body = ExtractTest.ENGLISH;
        String quote = "Canada on Tuesday accused Iran of shipping drones and artillery shells to Russia for the war in Ukraine.";
        String id = articles.ingest(TestArticles.article(url, body,
                List.of(TestArticles.actor("ca", "Canada", "STATE", "CA"), TestArticles.actor("ir", "Iran", "STATE", "IR")),
                List.of(TestArticles.claim("ca", "ir", null, "ALLEGES", "ARMS_TRANSFER", quote)))).getString("id");

        error("extractArticleReplacingCurated", vars("input", raw(url, body), "replaceCurated", false), "CONFLICT", url);
        assertEquals(List.of("CURATED"), origins(id).stream().map(c -> c.get("origin")).toList());

        Json replaced = ok("extractArticleReplacingCurated", "input", raw(url, body), "replaceCurated", true)
                .at("extractArticle");
        assertEquals(id, replaced.getString("id"));
        List<Object> newOrigins = origins(id).stream().map(c -> c.get("origin")).distinct().toList();
        assertEquals(List.of("EXTRACTED"), newOrigins, "asked for explicitly: replaced");
    }

    @Test
    void aBadPreviewInputIsRejected() {
        error("previewExtraction", vars("input", raw("not a url", "x")), "VALIDATION", "input.url");
    }

    private static List<Map<String, Object>> origins(String articleId) {
        return new ArrayList<>(ok("articleClaimOrigins", "id", articleId).getList("article.claims"));
    }

    private static Map<String, Object> raw(String url, String body) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("url", url);
        input.put("body", body);
        return input;
    }

    /** The proposal as an ArticleInput: the same fields, less those only there for reading. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asInput(Json proposal) {
        Map<String, Object> input = new LinkedHashMap<>((Map<String, Object>) proposal.root());
        input.values().removeIf(v -> v == null);
        List<Map<String, Object>> claims = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) input.get("claims")) {
            Map<String, Object> claim = new LinkedHashMap<>(c);
            claim.remove("quoteEnd");
            claim.values().removeIf(v -> v == null);
            claims.add(claim);
        }
        input.put("claims", claims);
        List<Map<String, Object>> actors = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) input.get("actors")) {
            Map<String, Object> actor = new LinkedHashMap<>(a);
            actor.values().removeIf(v -> v == null);
            actors.add(actor);
        }
        input.put("actors", actors);
        return input;
    }
}
