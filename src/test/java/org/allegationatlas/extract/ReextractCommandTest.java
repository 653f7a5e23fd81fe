package org.allegationatlas.extract;

import static org.allegationatlas.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.allegationatlas.claim.ClaimOrigin;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.IngestService;
import org.allegationatlas.news.TestSite;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code reextract}: the stored articles' claims extracted again from their text, curated work left alone, and what
 * changed said per article.
 */
@QuarkusTest
class ReextractCommandTest {

    @Inject
    ReextractCommand command;
    @Inject
    IngestService ingest;

    @Test
    void storedTextGetsTheClaimsTheExtractorFindsNowAndCuratedArticlesStayAsTheyAre() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = "Reporters followed the story " + run + " for a week.\n\n" + TestSite.ALLEGATION;
        String extracted = "https://reextract.example/" + run + "/extracted";
        String curated = "https://reextract.example/" + run + "/curated";
        // as an extractor that found nothing left it (a page stored with its text alone), and as a person stored it
        QuarkusTransaction.requiringNew().run(() -> ingest.ingest(article(extracted, body), ClaimOrigin.EXTRACTED));
        ingest.ingest(article(curated, body + " (" + run + ")"));

        String first = run();

        assertTrue(first.lines().anyMatch(l -> l.startsWith(extracted + ": 0 claims -> ")), first);
        assertFalse(first.contains(curated), "an article stored by hand is not re-extracted: " + first);
        assertTrue(first.contains("with curated claims left alone"), first);
        assertFalse(claimsAt(run, extracted).isEmpty(), "the allegation is stored now");
        assertTrue(claimsAt(run, curated).isEmpty(), "the curated article is as its curator left it");

        String second = run();
        assertFalse(second.contains(extracted), "unchanged the second time: " + second);
    }

    private String run() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, command.run(new PrintStream(out, true, StandardCharsets.UTF_8)), out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ArticleInput article(String url, String body) {
        return new ArticleInput(url, "Story", "Test Post", "en", null, null, body, List.of(), List.of());
    }

    private static List<?> claimsAt(String run, String url) {
        List<Map<String, Object>> edges = ok("articlesWithText", "text", run).getList("articles.edges");
        return edges.stream().map(e -> (Map<?, ?>) e.get("node")).filter(n -> url.equals(n.get("url")))
                .map(n -> (List<?>) n.get("claims")).findFirst().orElseThrow();
    }
}
