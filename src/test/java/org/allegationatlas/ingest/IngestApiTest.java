package org.allegationatlas.ingest;

import static org.allegationatlas.GraphQL.error;
import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.allegationatlas.TestArticles.actor;
import static org.allegationatlas.TestArticles.article;
import static org.allegationatlas.TestArticles.claim;
import static org.allegationatlas.TestArticles.uniqueUrl;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.allegationatlas.Json;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * ingestArticle and deleteArticle: what is stored, re-ingesting the same url, actor matching
 * and alias merging, quotes that occur more than once. Synthetic articles are about Fiji and Tonga.
 */
@QuarkusTest
class IngestApiTest {

    private final TestArticles articles = new TestArticles();

    @AfterEach
    void deleteIngested() {
        articles.deleteAll();
    }

    @Test
    void ingestStoresTheArticleItsActorsAndClaims() {
        String token = "tok" + UUID.randomUUID().toString().replace("-", "");
        String body = "SUVA (" + token + ") - Fiji's Ministry of Defence accused Tonga of selling patrol boats to a militia. "
                + "Tonga's foreign minister denied selling any boats. Officials met in Nukualofa.";
        String url = uniqueUrl();
        Map<String, Object> input = article(url, body,
                List.of(actor("fj_mod", "Fiji Ministry of Defence " + token, "GOVERNMENT_BODY", "FJ", "Fiji's Ministry of Defence"),
                        actor("tonga", "Tonga", "STATE", "TON", "Tonga"),
                        withTitle(actor("to_fm", "Tonga foreign minister " + token, "PERSON", "to"), "Minister of Foreign Affairs"),
                        actor("militia", "Militia " + token, "GROUP", null),
                        actor("nukualofa", "Nukualofa " + token, "TERRITORY", "TO")),
                List.of(withKey(withPlace(withDate(claim("fj_mod", "tonga", "militia", "ALLEGES", "ARMS_TRANSFER",
                        "Fiji's Ministry of Defence accused Tonga of selling patrol boats to a militia."), "2024-05-06"), "nukualofa"), "acc"),
                        withResponse(claim("to_fm", "tonga", null, "DENIES", "ARMS_TRANSFER",
                                "Tonga's foreign minister denied selling any boats."), "acc")));
        input.put("title", "Boats " + token);
        input.put("language", "en-gb");
        input.put("publishedOn", "2024-05-07");
        input.put("dateline", "Suva");

        Json stored = articles.ingest(input);
        String id = stored.getString("id");
        assertEquals(url, stored.getString("url"));
        assertEquals("Boats " + token, stored.getString("title"));
        assertEquals("Test Wire", stored.getString("publisher"));
        assertEquals("en-GB", stored.getString("language"), "the language tag in its canonical form");
        assertEquals("2024-05-07", stored.getString("publishedOn"));
        assertEquals("Suva", stored.getString("dateline"));
        assertEquals(body, stored.getString("body"));

        Json allegation = stored.first("claims", "stance", "ALLEGES");
        assertEquals(body.indexOf("Fiji's Ministry"), allegation.getInt("quoteStart"));
        assertEquals(allegation.getInt("quoteStart") + allegation.getString("quote").length(), allegation.getInt("quoteEnd"));
        assertEquals("ARMS_TRANSFER", allegation.getString("category"));
        assertEquals("2024-05-06", allegation.getString("statedOn"));
        assertEquals("CURATED", allegation.getString("origin"));
        assertEquals("FJ", allegation.getString("claimant.country.code"));
        assertEquals("GOVERNMENT_BODY", allegation.getString("claimant.kind"));
        assertEquals("Tonga", allegation.getString("subject.name"));
        assertEquals("TO", allegation.getString("subject.country.code"));
        assertEquals("Militia " + token, allegation.getString("counterparty.name"));
        assertThat("a group of no country", allegation.get("counterparty.country"), nullValue());
        assertEquals("Nukualofa " + token, allegation.getString("place.name"));
        Json denial = stored.first("claims", "stance", "DENIES");
        assertEquals(allegation.getString("id"), denial.getString("respondsTo.id"));
        assertThat(denial.get("counterparty"), nullValue());
        assertThat(denial.get("place"), nullValue());
        assertThat(stored.getList("actors.name"), containsInAnyOrder("Fiji Ministry of Defence " + token, "Tonga",
                "Tonga foreign minister " + token, "Militia " + token, "Nukualofa " + token));
        assertEquals("Minister of Foreign Affairs", stored.first("actors", "kind", "PERSON").getString("title"));

        // read back through the queries
        Json article = ok("article", "id", id).at("article");
        assertEquals(stored.getList("claims.id"), article.getList("claims.id"));
        assertEquals(body, article.getString("body"));
        Json claim = ok("claim", "id", denial.getString("id")).at("claim");
        assertEquals(allegation.getString("id"), claim.getString("respondsTo.id"));
        assertEquals(List.of(denial.getString("id")), ok("claim", "id", allegation.getString("id")).getList("claim.responses.id"));
        assertEquals(1, ok("articles", "filter", Map.of("text", token)).getInt("articles.totalCount"));
        assertEquals(2, ok("claims", "filter", Map.of("text", "boats", "subjectCountry", "TO")).getInt("claims.totalCount"));

        // delete: the article and its claims go, its actors stay
        String actorId = allegation.getString("claimant.id");
        assertEquals(true, ok("deleteArticle", "id", id).getBoolean("deleteArticle"));
        assertThat(ok("article", "id", id).get("article"), nullValue());
        assertThat(ok("claim", "id", allegation.getString("id")).get("claim"), nullValue());
        assertThat(ok("claim", "id", denial.getString("id")).get("claim"), nullValue());
        assertEquals(0, ok("articles", "filter", Map.of("text", token)).getInt("articles.totalCount"));
        assertEquals(0, ok("claims", "filter", Map.of("text", "boats", "subjectCountry", "TO")).getInt("claims.totalCount"));
        assertEquals("Fiji Ministry of Defence " + token, ok("actor", "id", actorId).getString("actor.name"));
        assertEquals(0, ok("actor", "id", actorId).getInt("actor.claimsMade.totalCount"));
        // deleting again: nothing to delete
        error("deleteArticle", vars("id", id), "NOT_FOUND", id);
    }

    @Test
    void ingestingTheSameUrlAgainReplacesTheArticleAndItsClaims() {
        String token = "tok" + UUID.randomUUID().toString().replace("-", "");
        String url = uniqueUrl();
        String body1 = token + ": Fiji accused Tonga of hiding boats. Fiji also accused Tonga of training militias.";
        List<Map<String, Object>> actors = List.of(actor("fiji", "Fiji", "STATE", "FJ", "Fiji"),
                actor("tonga", "Tonga", "STATE", "TO", "Tonga"), actor("official", "Official " + token, "PERSON", "FJ"));
        Json first = articles.ingest(article(url, body1, actors, List.of(
                claim("fiji", "tonga", null, "ALLEGES", "CONCEALMENT", "Fiji accused Tonga of hiding boats."),
                claim("fiji", "tonga", null, "ALLEGES", "MILITARY_SUPPORT", "Fiji also accused Tonga of training militias."))));
        List<String> firstClaims = first.getList("claims.id");
        assertEquals(2, firstClaims.size());
        Json actorsBefore = ok("actors", "search", token).at("actors");

        String body2 = token + ": The official said Tonga sold boats, according to a corrected report.";
        Json second = articles.ingest(article(url, body2, actors, List.of(
                claim("official", "tonga", null, "ALLEGES", "ARMS_TRANSFER", "The official said Tonga sold boats"))));

        Json found = ok("articles", "filter", Map.of("text", token), "first", 100).at("articles");
        assertEquals(1, found.getInt("totalCount"), "one article per url");
        assertEquals(url, found.getString("edges[0].node.url"));
        Json article = ok("article", "id", found.getString("edges[0].node.id")).at("article");
        assertEquals(body2, article.getString("body"));
        assertEquals(List.of("The official said Tonga sold boats"), article.getList("claims.quote"), "the second set of claims only");
        assertEquals(second.getList("claims.id"), article.getList("claims.id"));
        for (String old : firstClaims) {
            assertThat("claim " + old + " of the first version is gone", ok("claim", "id", old).get("claim"), nullValue());
        }
        assertEquals(actorsBefore.getInt("totalCount"), ok("actors", "search", token).getInt("actors.totalCount"), "no actor twice");
        assertEquals(first.first("actors", "name", "Tonga").getString("id"), second.first("actors", "name", "Tonga").getString("id"));
        assertEquals(1, ok("actors", "search", "Fiji", "kind", "STATE", "country", "FJ").getInt("actors.totalCount"));
    }

    @Test
    void aNewNameOfAKnownActorBecomesAnAlias() {
        Json first = articles.ingest(article(uniqueUrl(), "Fiji protested.",
                List.of(actor("fj", "Fiji", "STATE", "FJ", "Fiji"), actor("to", "Tonga", "STATE", "TO", "Tonga")),
                List.of(claim("fj", "to", null, "STATES", "OTHER", "Fiji protested."))));
        String fijiId = first.first("actors", "name", "Fiji").getString("id");
        assertThat(fijiId, notNullValue());

        // same url, then another url: "Republic of Fiji" with the alias "Fiji" is the same actor
        for (String url : List.of(first.getString("url"), uniqueUrl())) {
            Json again = articles.ingest(article(url, "The Republic of Fiji protested again.",
                    List.of(actor("rf", "Republic of Fiji", "STATE", "FJI", "Fiji"), actor("to", "Tonga", "STATE", "TO")),
                    List.of(claim("rf", "to", null, "STATES", "OTHER", "The Republic of Fiji protested again."))));
            assertEquals(fijiId, again.getString("claims[0].claimant.id"), "matched by its alias");
            assertEquals("Fiji", again.getString("claims[0].claimant.name"), "the canonical name stays");
            Json actor = ok("actor", "id", fijiId).at("actor");
            assertThat(actor.getList("aliases.name"), hasItems("Fiji", "Republic of Fiji"));
            Json states = ok("actors", "kind", "STATE", "country", "FJ").at("actors");
            assertEquals(1, states.getInt("totalCount"), "one Fiji: " + states);
            assertEquals(fijiId, ok("actors", "search", "republic of fiji").getString("actors.edges[0].node.id"));
        }
    }

    @Test
    void actorsAreMatchedWithinTheSameCountryAndKind() {
        String name = "Ministry of Finance " + UUID.randomUUID();
        Json stored = articles.ingest(article(uniqueUrl(), "Fiji's ministry accused Tonga's ministry.",
                List.of(actor("fj", name, "GOVERNMENT_BODY", "FJ"), actor("to", name, "GOVERNMENT_BODY", "TO"),
                        actor("person", name, "PERSON", "FJ")),
                List.of(claim("fj", "to", "person", "ALLEGES", "OTHER", "Fiji's ministry accused Tonga's ministry."))));
        assertNotEquals(stored.getString("claims[0].claimant.id"), stored.getString("claims[0].subject.id"));
        assertNotEquals(stored.getString("claims[0].claimant.id"), stored.getString("claims[0].counterparty.id"));
        assertEquals(3, ok("actors", "search", name).getInt("actors.totalCount"));
        assertEquals(1, ok("actors", "search", name, "country", "FJ", "kind", "GOVERNMENT_BODY").getInt("actors.totalCount"));
    }

    @Test
    void quoteStartPicksOneOfSeveralOccurrences() {
        String quote = "Tonga hid the boats.";
        String body = "Fiji said: " + quote + " Later, Fiji repeated: " + quote + " End.";
        int first = body.indexOf(quote);
        int second = body.indexOf(quote, first + 1);
        List<Map<String, Object>> actors = List.of(actor("fj", "Fiji", "STATE", "FJ"), actor("to", "Tonga", "STATE", "TO"));
        Map<String, Object> atSecond = claim("fj", "to", null, "ALLEGES", "CONCEALMENT", quote);
        atSecond.put("quoteStart", second);
        Map<String, Object> atFirst = claim("fj", "to", null, "ALLEGES", "CONCEALMENT", quote);
        atFirst.put("quoteStart", first);
        Map<String, Object> unplaced = claim("fj", "to", null, "ALLEGES", "CONCEALMENT", quote);
        Json stored = articles.ingest(article(uniqueUrl(), body, actors, List.of(atSecond, atFirst, unplaced)));
        List<Integer> starts = stored.getList("claims.quoteStart");
        assertThat(starts, containsInAnyOrder(second, first, first));
        for (Map<String, Object> claim : stored.<Map<String, Object>>getList("claims")) {
            int start = (Integer) claim.get("quoteStart");
            assertEquals(start + quote.length(), claim.get("quoteEnd"));
            assertEquals(quote, body.substring(start, (Integer) claim.get("quoteEnd")));
        }
        assertThat(second, not(first));
    }

    private static Map<String, Object> withTitle(Map<String, Object> actor, String title) {
        actor.put("title", title);
        return actor;
    }

    private static Map<String, Object> withKey(Map<String, Object> claim, String key) {
        claim.put("key", key);
        return claim;
    }

    private static Map<String, Object> withResponse(Map<String, Object> claim, String respondsTo) {
        claim.put("respondsTo", respondsTo);
        return claim;
    }

    private static Map<String, Object> withDate(Map<String, Object> claim, String statedOn) {
        claim.put("statedOn", statedOn);
        return claim;
    }

    private static Map<String, Object> withPlace(Map<String, Object> claim, String place) {
        claim.put("place", place);
        return claim;
    }
}
