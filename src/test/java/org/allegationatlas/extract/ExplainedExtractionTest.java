package org.allegationatlas.extract;

import static org.allegationatlas.GraphQL.ok;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allegationatlas.Json;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What a curator relies on to judge an extracted claim: every proposed and stored claim says why
 * (cue, rule, and where each role came from), and no claim gets a speaker the text does not name —
 * never the url's host; such claims are proposed with no claimant and are not stored.
 */
@QuarkusTest
class ExplainedExtractionTest {

    private final List<String> stored = new ArrayList<>();

    @AfterEach
    void deleteExtracted() {
        stored.forEach(id -> ok("extractDeleteArticle", "id", id));
        stored.clear();
    }

    @Test
    void everyStoredClaimSaysWhyItWasExtracted() {
        Json article = extract(TestArticles.uniqueUrl(), ExtractTest.ENGLISH, "2024-06-12");

        Json allegation = claim(article, "ALLEGES", "CA");
        String why = allegation.getString("explanation");
        assertThat(why, containsString("cue: \"accused\" (accusing or criticising verb)"));
        assertThat(why, containsString("claimant: Canada [CA] as \"Canada\""));
        assertThat(why, containsString("subject: "));
        assertThat(why, containsString("Iran [IR] as \"Iran\""));
        assertThat(why, containsString("stance ALLEGES: an accusing verb"));
        Json denial = claim(article, "DENIES", "IR");
        assertThat(denial.getString("explanation"), containsString("\"rejected\" (denying verb)"));
    }

    @Test
    void anOfficeHolderKnownFromTheDictionariesIsResolvedAsOfTheArticlesDate() {
        // no title, no country in the sentence: only the Phoenix dictionaries know whose president he was then
        Json preview = preview(TestArticles.uniqueUrl(), "Mugabe menuduh Inggris berupaya menggulingkan pemerintahannya.",
                "2005-06-01");
        Json claim = proposedClaim(preview, "ALLEGES");
        Json claimant = actor(preview, claim.getString("claimant"));
        assertEquals("Robert Mugabe", claimant.getString("name"));
        assertEquals("ZW", claimant.getString("country"));
        assertEquals("GB", actor(preview, claim.getString("subject")).getString("country"));
        assertThat(claim.getString("explanation"), containsString("Phoenix actors: Robert Mugabe [ZWEGOV 1987-12-31–] as of 2005-06-01"));
    }

    @Test
    void withoutASpeakerTheClaimantStaysEmptyAndIsNeverTheWebsite() {
        String url = "https://news-site.example.org/world/" + System.nanoTime();
        String body = "Russian drones struck power stations in Ukraine overnight.";

        Json preview = preview(url, body, "2024-03-02");
        assertTrue(preview.getInt("unattributedClaims") >= 1, "counted: " + preview);
        List<Map<String, Object>> claims = preview.getList("proposal.claims");
        assertFalse(claims.isEmpty());
        for (int i = 0; i < claims.size(); i++) {
            Json claim = preview.at("proposal.claims[" + i + "]");
            assertNull(claim.get("claimant"), "no speaker in the text: no claimant, " + claim);
            assertThat(claim.getString("explanation"), containsString("claimant: none found in the text"));
            assertTrue(((Number) claim.get("confidence")).doubleValue() <= 0.5, "confidence lowered: " + claim);
        }
        List<String> names = preview.getList("proposal.actors.name");
        assertTrue(names.stream().noneMatch(n -> n.contains("example.org")), "the host is no actor: " + names);

        Json article = extract(url, body, "2024-03-02");
        assertEquals(List.of(), article.getList("claims"), "claims without a speaker are not stored");
    }

    @Test
    void aPronounSpeakerIsTheNearestFittingActorAndAGroupInACountryIsOfThatCountry() {
        Json preview = preview(TestArticles.uniqueUrl(), """
                President Vladimir Putin spoke to reporters in Moscow on Friday. He accused Finland of hosting NATO troops.
                Lawmakers in Kenya accused Kampala of sheltering rebel commanders.""", "2024-03-02");
        Json byPutin = proposedClaim(preview, "ALLEGES");
        assertEquals("RU", actor(preview, byPutin.getString("claimant")).getString("country"));
        assertEquals("FI", actor(preview, byPutin.getString("subject")).getString("country"));
        assertThat(byPutin.getString("explanation"), containsString("a pronoun before the verb"));
        List<Map<String, Object>> claims = preview.getList("proposal.claims");
        Json kenyan = preview.at("proposal.claims[" + (claims.size() - 1) + "]");
        assertEquals("KE", actor(preview, kenyan.getString("claimant")).getString("country"));
        assertEquals("UG", actor(preview, kenyan.getString("subject")).getString("country"));
    }

    // ---- helpers

    private Json extract(String url, String body, String publishedOn) {
        Json article = ok("extractArticle", "input", input(url, body, publishedOn)).at("extractArticle");
        stored.add(article.getString("id"));
        return article;
    }

    private static Json preview(String url, String body, String publishedOn) {
        return ok("previewExtraction", "input", input(url, body, publishedOn)).at("previewExtraction");
    }

    private static Map<String, Object> input(String url, String body, String publishedOn) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("url", url);
        input.put("publishedOn", publishedOn);
        input.put("body", body);
        return input;
    }

    private static Json claim(Json article, String stance, String claimantCountry) {
        List<Map<String, Object>> claims = article.getList("claims");
        for (int i = 0; i < claims.size(); i++) {
            Json c = article.at("claims[" + i + "]");
            if (stance.equals(c.getString("stance")) && claimantCountry.equals(c.getString("claimant.country.code"))) {
                return c;
            }
        }
        throw new AssertionError("no " + stance + " claim by " + claimantCountry + " in " + article);
    }

    private static Json proposedClaim(Json preview, String stance) {
        List<Map<String, Object>> claims = preview.getList("proposal.claims");
        for (int i = 0; i < claims.size(); i++) {
            Json c = preview.at("proposal.claims[" + i + "]");
            if (stance.equals(c.getString("stance")) && c.get("claimant") != null) {
                return c;
            }
        }
        throw new AssertionError("no attributed " + stance + " claim in " + preview);
    }

    private static Json actor(Json preview, String key) {
        List<Map<String, Object>> actors = preview.getList("proposal.actors");
        for (int i = 0; i < actors.size(); i++) {
            if (key.equals(preview.getString("proposal.actors[" + i + "].key"))) {
                return preview.at("proposal.actors[" + i + "]");
            }
        }
        throw new AssertionError("no actor " + key + " in " + preview);
    }
}
