package org.allegationatlas.extract;

import static org.allegationatlas.GraphQL.error;
import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.allegationatlas.Json;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * extractArticle: an article given as text alone is stored with the actors and claims found in
 * it, each claim EXTRACTED, with a confidence and its quote verbatim at its offsets; the
 * language is detected when not given; the same url again replaces the article; bad input
 * stores nothing.
 */
@QuarkusTest
class ExtractTest {

    static final String ENGLISH = """
            OTTAWA (Reuters) - Canada on Tuesday accused Iran of shipping drones and artillery shells to Russia for the war in \
            Ukraine. Foreign Minister Melanie Joly said the shipments had been disguised as humanitarian cargo.
            Iran's foreign ministry rejected the accusation on Wednesday, calling it baseless.""";

    static final String INDONESIAN = """
            JAKARTA, KOMPAS.com - Pemerintah Korea Selatan pada Kamis (6/6/2024) menuduh Korea Utara mengirim ribuan pekerja \
            ke Rusia secara diam-diam. Menurut Seoul, para pekerja itu dipekerjakan di proyek konstruksi di timur Rusia.
            Pyongyang membantah tuduhan tersebut.""";

    private final List<String> stored = new ArrayList<>();
    private final TestArticles articles = new TestArticles();
    private String token;

    @BeforeEach
    void newToken() {
        token = "extract" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void deleteExtracted() {
        stored.forEach(id -> ok("extractDeleteArticle", "id", id));
        stored.clear();
        articles.deleteAll();
    }

    @Test
    void anEnglishArticleIsStoredWithItsExtractedClaims() {
        Json article = extract(input(url("en"), ENGLISH, null, "2024-06-12"));

        assertEquals("en", article.getString("language"), "detected from the text");
        assertEquals(ENGLISH, article.getString("body"));
        assertEveryClaimIsExtractedAndQuotedVerbatim(article);

        Json allegation = claim(article, "ALLEGES", "CA", "IR");
        assertEquals("RU", allegation.getString("counterparty.country.code"));
        assertEquals("ARMS_TRANSFER", allegation.getString("category"));
        assertEquals("2024-06-11", allegation.getString("statedOn"), "\"on Tuesday\" before publication on Wednesday 12 June");
        assertTrue(allegation.getString("quote").startsWith("Canada on Tuesday accused Iran"), allegation.getString("quote"));

        Json denial = claim(article, "DENIES", "IR", "IR");
        assertEquals(allegation.getString("id"), denial.getString("respondsTo.id"), "the denial answers the accusation");
        assertEquals("Iranian Ministry of Foreign Affairs", denial.getString("claimant.name"));
    }

    @Test
    void anIndonesianArticleIsStoredWithItsExtractedClaims() {
        Json article = extract(input(url("id"), INDONESIAN, null, "2024-06-07"));

        assertEquals("id", article.getString("language"), "detected from the text");
        assertEquals("Kompas", article.getString("publisher"), "from the dateline \"JAKARTA, KOMPAS.com -\"");
        assertEveryClaimIsExtractedAndQuotedVerbatim(article);

        Json allegation = claim(article, "ALLEGES", "KR", "KP");
        assertEquals("RU", allegation.getString("counterparty.country.code"));
        assertEquals("LABOR_TRANSFER", allegation.getString("category"));
        assertEquals("2024-06-06", allegation.getString("statedOn"), "Kamis (6/6/2024)");
        Json denial = claim(article, "DENIES", "KP", "KP");
        assertEquals(allegation.getString("id"), denial.getString("respondsTo.id"));
        Json government = article.first("actors", "name", "South Korean government");
        assertEquals("GOVERNMENT_BODY", government.getString("kind"));
        assertEquals("KR", government.getString("country.code"));
        assertThat("the surface form as seen", government.getList("aliases.name"), hasItem("Pemerintah Korea Selatan"));
    }

    @Test
    void actorsStoredEarlierAreFoundByTheirAliases() {
        // an actor the word lists cannot know, stored by an ingest just before: the extraction must see it
        String alias = "Brigade " + token.substring(token.length() - 8).toUpperCase();
        articles.ingest(TestArticles.article(TestArticles.uniqueUrl(), "The " + alias + " exists.",
                List.of(TestArticles.actor("group", "Group " + token, "GROUP", "FJ", alias)),
                List.of(TestArticles.claim("group", "group", null, "STATES", "OTHER", "The " + alias + " exists."))));

        Json article = extract(input(url("stored"), "The " + alias + " accused Tonga of shipping weapons to Vanuatu.", "en", null));
        Json allegation = claim(article, "ALLEGES", "FJ", "TO");
        assertEquals("Group " + token, allegation.getString("claimant.name"), "the stored actor, found by its alias");
        assertEquals("VU", allegation.getString("counterparty.country.code"));
    }

    @Test
    void aGivenLanguageIsKept() {
        Map<String, Object> input = input(url("lang"), ENGLISH, null, null);
        input.put("language", "en-GB");
        assertEquals("en-GB", extract(input).getString("language"));
    }

    @Test
    void extractingTheSameUrlAgainReplacesTheArticle() {
        String url = url("again");
        Json first = extract(input(url, ENGLISH, null, "2024-06-12"));
        String body2 = INDONESIAN;
        Json second = extract(input(url, body2, null, "2024-06-07"));

        assertEquals(first.getString("id"), second.getString("id"), "the same article");
        Json found = ok("extractArticlesByText", "text", token).at("articles");
        assertEquals(1, found.getInt("totalCount"), "one article for the url: " + found);
        assertEquals("id", found.getString("edges[0].node.language"));
        List<String> claims = found.getList("edges[0].node.claims.id");
        assertEquals(second.getList("claims.id"), claims, "only the claims of the second extraction");
        assertTrue(claims.stream().noneMatch(first.getList("claims.id")::contains));
    }

    static final String REPORTED_ACT = "Turkish warplanes struck targets in northern Iraq on Sunday.";

    @Test
    void aReportedActIsStoredAsItsPublishersStatement() {
        Map<String, Object> input = input(url("outlet"), REPORTED_ACT, "en", "2024-06-10");
        input.put("publisher", "Reuters");
        Json article = extract(input);

        assertEveryClaimIsExtractedAndQuotedVerbatim(article);
        Json claim = claim(article, "STATES", "GB", "TR");
        assertEquals("Reuters", claim.getString("claimant.name"), "the outlet states what it reports");
        assertEquals("MEDIA", claim.getString("claimant.kind"));
        assertEquals("IQ", claim.getString("counterparty.country.code"));
        assertTrue(claim.getString("explanation").contains("the publisher"), claim.getString("explanation"));
    }

    @Test
    void withoutAPublisherAReportedActHasNoSpeakerAndIsNotStored() {
        Map<String, Object> input = input(url("no-outlet"), REPORTED_ACT, "en", "2024-06-10");
        Json preview = ok("previewExtraction", "input", input).at("previewExtraction");
        assertEquals(1, preview.getInt("unattributedClaims"), "proposed without a claimant: " + preview);

        Json article = extract(input);
        assertEquals(List.of(), article.getList("claims"), "no publisher known (the url's host is none): nothing stored");
        assertTrue(article.getList("actors").isEmpty(), "no actor stored for a claim not stored: " + article);
    }

    @Test
    void anEmptyBodyIsRejectedAndNothingIsStored() {
        error("extractArticle", vars("input", input(url("empty"), " ", null, null)), "VALIDATION", "input.body");
        assertNothingStored();
    }

    @Test
    void aBadUrlIsRejectedAndNothingIsStored() {
        error("extractArticle", vars("input", input("not a url " + token, ENGLISH, null, null)), "VALIDATION", "input.url");
        assertNothingStored();
    }

    @Test
    void aBadLanguageTagIsRejectedAndNothingIsStored() {
        Map<String, Object> input = input(url("badlang"), ENGLISH, null, null);
        input.put("language", "not a tag!");
        error("extractArticle", vars("input", input), "VALIDATION", "not a tag!");
        assertNothingStored();
    }

    // ---- helpers

    private Json extract(Map<String, Object> input) {
        Json article = ok("extractArticle", "input", input).at("extractArticle");
        if (!stored.contains(article.getString("id"))) {
            stored.add(article.getString("id"));
        }
        return article;
    }

    private void assertNothingStored() {
        assertEquals(0, ok("extractArticlesByText", "text", token).getInt("articles.totalCount"));
    }

    private static void assertEveryClaimIsExtractedAndQuotedVerbatim(Json article) {
        String body = article.getString("body");
        List<Map<String, Object>> claims = article.getList("claims");
        assertFalse(claims.isEmpty(), "claims were found: " + article);
        for (int i = 0; i < claims.size(); i++) {
            Json claim = article.at("claims[" + i + "]");
            assertEquals("EXTRACTED", claim.getString("origin"));
            double confidence = ((Number) claim.get("confidence")).doubleValue();
            assertTrue(confidence >= 0 && confidence <= 1, "confidence in 0..1: " + confidence);
            int start = claim.getInt("quoteStart");
            int end = claim.getInt("quoteEnd");
            assertEquals(claim.getString("quote"), body.substring(start, end), "the quote is the body at its offsets");
            assertThat(claim.getString("summary"), not(emptyOrNullString()));
            assertNotNull(claim.get("claimant.id"));
            assertNotNull(claim.get("subject.id"));
        }
        List<Map<String, Object>> actors = article.getList("actors");
        assertFalse(actors.isEmpty());
    }

    /** The first claim of that stance whose claimant and subject belong to those countries. */
    private static Json claim(Json article, String stance, String claimantCountry, String subjectCountry) {
        List<Map<String, Object>> claims = article.getList("claims");
        for (int i = 0; i < claims.size(); i++) {
            Json claim = article.at("claims[" + i + "]");
            if (stance.equals(claim.getString("stance")) && claimantCountry.equals(claim.getString("claimant.country.code"))
                    && subjectCountry.equals(claim.getString("subject.country.code"))) {
                return claim;
            }
        }
        throw new AssertionError("no " + stance + " claim by " + claimantCountry + " about " + subjectCountry + " in " + article);
    }

    private String url(String name) {
        return "https://test.invalid/extract/" + token + "/" + name;
    }

    /** A RawArticleInput whose title carries this test's token, so that the test finds only its own articles. */
    private Map<String, Object> input(String url, String body, String language, String publishedOn) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("url", url);
        input.put("title", "Extraction test " + token);
        input.put("language", language);
        input.put("publishedOn", publishedOn);
        input.put("body", body);
        return input;
    }
}
