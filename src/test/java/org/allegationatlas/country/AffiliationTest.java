package org.allegationatlas.country;

import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.TestArticles.actor;
import static org.allegationatlas.TestArticles.article;
import static org.allegationatlas.TestArticles.claim;
import static org.allegationatlas.TestArticles.uniqueUrl;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allegationatlas.Json;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A country counts for every actor affiliated with it: allegations made or received by
 * Nauru's foreign ministry (a GOVERNMENT_BODY) or by a Nauruan official (a PERSON) are
 * Nauru's. Synthetic article about Nauru (NR), Tuvalu (TV) and Palau (PW), which nothing else uses.
 */
@QuarkusTest
class AffiliationTest {

    private static final String BODY = "YAREN - Nauru's foreign ministry accused Tuvalu of shipping rifles to Palau. "
            + "A Nauruan official, Mr Detenamo, accused Tuvalu's fisheries agency of hiding catches. "
            + "He also accused Palau of recruiting fishermen. "
            + "Tuvalu's fisheries agency denied hiding anything. "
            + "The agency in turn accused Mr Detenamo of lying.";

    private final TestArticles articles = new TestArticles();
    private Json stored;

    @BeforeEach
    void ingest() {
        stored = articles.ingest(article(uniqueUrl(), BODY,
                List.of(actor("nr_mfa", "Nauru Ministry of Foreign Affairs", "GOVERNMENT_BODY", "NR", "Nauru's foreign ministry"),
                        actor("nr_official", "Mr Detenamo", "PERSON", "NRU"),
                        actor("tuvalu", "Tuvalu", "STATE", "TV"),
                        actor("tv_fisheries", "Tuvalu Fisheries Agency", "GOVERNMENT_BODY", "TV", "Tuvalu's fisheries agency"),
                        actor("palau", "Palau", "STATE", "PW")),
                List.of(key(claim("nr_mfa", "tuvalu", "palau", "ALLEGES", "ARMS_TRANSFER",
                        "Nauru's foreign ministry accused Tuvalu of shipping rifles to Palau."), "rifles"),
                        key(claim("nr_official", "tv_fisheries", null, "ALLEGES", "CONCEALMENT",
                                "A Nauruan official, Mr Detenamo, accused Tuvalu's fisheries agency of hiding catches."), "catches"),
                        claim("nr_official", "palau", null, "ALLEGES", "LABOR_TRANSFER", "He also accused Palau of recruiting fishermen."),
                        respondsTo(claim("tv_fisheries", "tv_fisheries", null, "DENIES", "CONCEALMENT",
                                "Tuvalu's fisheries agency denied hiding anything."), "catches"),
                        claim("tv_fisheries", "nr_official", null, "ALLEGES", "OTHER", "The agency in turn accused Mr Detenamo of lying."))));
    }

    @AfterEach
    void delete() {
        articles.deleteAll();
    }

    @Test
    void allegationsByACountryAreThoseOfEveryActorAffiliatedWithIt() {
        Json nauru = ok("countryRelations", "code", "NR").at("country");
        assertEquals(3, nauru.getInt("allegationsBy.totalCount"), "the ministry's one and the official's two");
        assertThat(nauru.getList("allegationsBy.edges.node.claimant.name"),
                containsInAnyOrder("Nauru Ministry of Foreign Affairs", "Mr Detenamo", "Mr Detenamo"));
        assertEquals(1, nauru.getInt("allegationsAgainst.totalCount"), "the agency's allegation against the official");
        assertEquals("Mr Detenamo", nauru.getString("allegationsAgainst.edges[0].node.subject.name"));
        assertEquals(0, nauru.getInt("implicatedIn.totalCount"));
        assertEquals(Map.of("TV", 2, "PW", 1), CountryApiTest.counts(nauru.getList("accused")));
        assertEquals(List.of("TV", "PW"), nauru.getList("accused.country.code"), "most allegations first");
        assertEquals(Map.of("TV", 1), CountryApiTest.counts(nauru.getList("accusers")));
        assertThat(nauru.getList("actors.name"), hasItems("Nauru Ministry of Foreign Affairs", "Mr Detenamo"));
    }

    @Test
    void allegationsAgainstACountryCountItsStateAndItsBodies() {
        Json tuvalu = ok("countryRelations", "code", "tuv").at("country");
        assertEquals(2, tuvalu.getInt("allegationsAgainst.totalCount"), "against the state and against its agency; a denial is none");
        assertThat(tuvalu.getList("allegationsAgainst.edges.node.subject.name"),
                containsInAnyOrder("Tuvalu", "Tuvalu Fisheries Agency"));
        assertEquals(1, tuvalu.getInt("allegationsBy.totalCount"));
        assertEquals(Map.of("NR", 2), CountryApiTest.counts(tuvalu.getList("accusers")));
        assertEquals("Nauru", tuvalu.getString("accusers[0].country.name"));
        assertEquals(Map.of("NR", 1), CountryApiTest.counts(tuvalu.getList("accused")));
        assertThat(tuvalu.getList("actors.name"), hasItems("Tuvalu", "Tuvalu Fisheries Agency"));
    }

    @Test
    void aCountryIsImplicatedWhenTheCounterpartyIsAffiliatedWithIt() {
        Json palau = ok("countryRelations", "code", "PW").at("country");
        assertEquals(1, palau.getInt("implicatedIn.totalCount"));
        assertEquals("Tuvalu", palau.getString("implicatedIn.edges[0].node.subject.name"));
        assertEquals(1, palau.getInt("allegationsAgainst.totalCount"));
        assertEquals(0, palau.getInt("allegationsBy.totalCount"));
        assertEquals(Map.of("NR", 1), CountryApiTest.counts(palau.getList("accusers")));
        assertEquals(List.of(), palau.getList("accused"));
    }

    @Test
    void theClaimFilterNarrowsACountrysLists() {
        Map<String, Object> filter = Map.of("subjectCountry", "TV");
        Json nauru = ok("countryRelations", "code", "NR", "filter", filter).at("country");
        assertEquals(2, nauru.getInt("allegationsBy.totalCount"));
        Json byCategory = ok("countryRelations", "code", "NR", "filter", Map.of("category", List.of("LABOR_TRANSFER"))).at("country");
        assertEquals(1, byCategory.getInt("allegationsBy.totalCount"));
        assertEquals("Palau", byCategory.getString("allegationsBy.edges[0].node.subject.name"));
    }

    @Test
    void theMatrixCountsEveryAffiliatedActor() {
        Json matrix = ok("allegationMatrix", "filter", Map.of("claimantCountry", "NR"));
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Map<String, Object> row : matrix.<Map<String, Object>>getList("allegationMatrix")) {
            Json r = Json.of(row);
            rows.put(r.getString("accuser.code") + ">" + r.getString("accused.code"), r.getInt("count"));
        }
        assertEquals(Map.of("NR>TV", 2, "NR>PW", 1), rows);
        assertEquals(List.of("NR>TV", "NR>PW"), List.copyOf(rows.keySet()), "most first");
    }

    @Test
    void deletingTheArticleTakesItsAllegationsAway() {
        articles.deleteAll();
        Json nauru = ok("countryRelations", "code", "NR").at("country");
        assertEquals(0, nauru.getInt("allegationsBy.totalCount"));
        assertEquals(List.of(), nauru.getList("accused"));
        assertThat("the actors stay", nauru.getList("actors.name"), hasItems("Nauru Ministry of Foreign Affairs", "Mr Detenamo"));
        assertEquals(List.of(), ok("allegationMatrix", "filter", Map.of("claimantCountry", "NR")).getList("allegationMatrix"));
    }

    private static Map<String, Object> key(Map<String, Object> claim, String key) {
        claim.put("key", key);
        return claim;
    }

    private static Map<String, Object> respondsTo(Map<String, Object> claim, String key) {
        claim.put("respondsTo", key);
        return claim;
    }
}
