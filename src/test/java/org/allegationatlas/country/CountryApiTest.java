package org.allegationatlas.country;

import static org.allegationatlas.GraphQL.error;
import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.allegationatlas.Json;
import org.allegationatlas.Seed;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** country, countries and the fields of Country, on the seed article. */
@QuarkusTest
class CountryApiTest {

    @Test
    void countryByAlpha2OrAlpha3InAnyCase() {
        for (String code : List.of("KP", "kp", "PRK", "prk", " Kp ")) {
            Json data = ok("country", "code", code);
            assertEquals("KP", data.getString("country.code"), code);
            assertEquals("PRK", data.getString("country.alpha3"), code);
            assertEquals("North Korea", data.getString("country.name"), code);
        }
    }

    @Test
    void unknownCodeIsNull() {
        for (String code : List.of("XX", "QQQ", "", "Korea")) {
            assertThat(code, ok("country", "code", code).get("country"), nullValue());
        }
    }

    @Test
    void localNameByLanguageTag() {
        assertEquals("Korea Utara", ok("country", "code", "KP", "language", "id").getString("country.localName"));
        assertEquals("North Korea", ok("country", "code", "prk", "language", "en").getString("country.localName"));
        assertEquals("Corée du Nord", ok("country", "code", "KP", "language", "fr").getString("country.localName"));
        assertEquals("Amerika Serikat", ok("country", "code", "US", "language", "id").getString("country.localName"));
    }

    @Test
    void everyCountryIsPresentWhetherOrNotAnythingIsAllegedAboutIt() {
        List<String> codes = ok("countries").getList("countries.code");
        assertThat(codes.size(), greaterThanOrEqualTo(240));
        assertThat(codes, hasItems("KP", "US", "FJ", "TV", "AQ", "ID"));
        assertEquals(codes.size(), Set.copyOf(codes).size(), "no country twice");
        assertEquals("Fiji", ok("country", "code", "fji").getString("country.name"));
    }

    @Test
    void searchMatchesAnyNameOrAliasInAnyLanguage() {
        for (String search : List.of("Korea Utara", "korea utara", "DPRK", "North Korea", "Pyongyang", "PRK", "Corée du Nord")) {
            List<String> codes = ok("countries", "search", search).getList("countries.code");
            assertThat(search, codes, hasItem("KP"));
            assertThat(search, codes, not(hasItem("KR")));
            assertThat(search, codes, not(hasItem("US")));
        }
        assertThat(ok("countries", "search", "korea").getList("countries.code"), hasItems("KP", "KR"));
        // accent-insensitive
        assertThat(ok("countries", "search", "cote d").getList("countries.code"), hasItem("CI"));
        assertThat(ok("countries", "search", "CÔTE D").getList("countries.code"), hasItem("CI"));
        assertThat(ok("countries", "search", "no such country name").getList("countries"), is(List.of()));
    }

    @Test
    void involvedCountriesAreThoseNamedInAClaim() {
        Set<String> seedCountries = Seed.claims().stream().flatMap(Seed.Claim::parties).map(Seed.Actor::country)
                .filter(c -> c != null).collect(Collectors.toSet());
        List<String> involved = ok("countries", "involved", true).getList("countries.code");
        assertThat(involved, hasItems(seedCountries.toArray(String[]::new)));
        assertThat(involved, not(hasItem("AQ")));
        assertThat(involved, not(hasItem("KR")));
        // combined with search: only involved countries that match
        assertEquals(List.of("KP"), ok("countries", "search", "korea", "involved", true).getList("countries.code"));
        assertThat(ok("countries", "involved", false).getList("countries").size(), greaterThan(involved.size()));
    }

    @Test
    void accusersOfNorthKoreaIncludeTheUnitedStates() {
        Json data = ok("countryRelations", "code", "KP");
        List<Map<String, Object>> accusers = data.getList("country.accusers");
        assertThat(data.getList("country.accusers.country.code"), hasItem("US"));
        assertEquals(expectedCounts(c -> "KP".equals(c.subjectCountry()), Seed.Claim::claimantCountry), counts(accusers));
        assertEquals("United States", data.first("country.accusers", "country.code", "US").getString("country.name"));
    }

    @Test
    void accusedByTheUnitedStates() {
        Json data = ok("countryRelations", "code", "US");
        assertEquals(expectedCounts(c -> "US".equals(c.claimantCountry()), Seed.Claim::subjectCountry),
                counts(data.getList("country.accused")));
        assertThat(data.getList("country.accused.country.code"), hasItems("KP", "IR", "RU"));
        // most allegations first
        List<Integer> counts = data.getList("country.accused.count");
        for (int i = 1; i < counts.size(); i++) {
            assertThat(counts.get(i - 1), greaterThanOrEqualTo(counts.get(i)));
        }
    }

    @Test
    void allegationsAgainstByAndImplicatingACountryFollowTheSeed() {
        for (String code : List.of("KP", "RU", "IR", "US", "UA", "SY")) {
            Json data = ok("countryRelations", "code", code);
            assertSeedClaims(data, "country.allegationsAgainst", c -> c.isAllegation() && code.equals(c.subjectCountry()));
            assertSeedClaims(data, "country.allegationsBy", c -> c.isAllegation() && code.equals(c.claimantCountry()));
            assertSeedClaims(data, "country.implicatedIn", c -> code.equals(c.counterpartyCountry()));
            // only allegations, and only those about/by the country
            assertThat(data.getList("country.allegationsAgainst.edges.node.stance"), everyItem(is("ALLEGES")));
            assertThat(data.getList("country.allegationsAgainst.edges.node.subject.country.code"), everyItem(is(code)));
            assertThat(data.getList("country.allegationsBy.edges.node.stance"), everyItem(is("ALLEGES")));
            assertThat(data.getList("country.allegationsBy.edges.node.claimant.country.code"), everyItem(is(code)));
            assertThat(data.getList("country.implicatedIn.edges.node.counterparty.country.code"), everyItem(is(code)));
        }
    }

    @Test
    void allegationsAgainstIranDoNotCountItsDenials() {
        Json data = ok("countryRelations", "code", "IRN");
        long denials = Seed.claims().stream().filter(c -> "IR".equals(c.subjectCountry()) && "DENIES".equals(c.stance())).count();
        assertThat("the seed has Iranian denials", denials, greaterThan(0L));
        assertEquals(Seed.claims().stream().filter(c -> c.isAllegation() && "IR".equals(c.subjectCountry())).count(),
                (long) data.getInt("country.allegationsAgainst.totalCount"));
    }

    @Test
    void connectionsOfACountryTakeAClaimFilter() {
        Map<String, Object> filter = Map.of("category", List.of("ARMS_TRANSFER"));
        Json data = ok("countryRelations", "code", "KP", "filter", filter);
        assertSeedClaims(data, "country.allegationsAgainst",
                c -> c.isAllegation() && "KP".equals(c.subjectCountry()) && "ARMS_TRANSFER".equals(c.category()));
        assertSeedClaims(data, "country.implicatedIn", c -> "KP".equals(c.counterpartyCountry()) && "ARMS_TRANSFER".equals(c.category()));
    }

    @Test
    void actorsOfACountryAreThoseAffiliatedWithIt() {
        Json data = ok("countryRelations", "code", "KP");
        List<String> names = data.getList("country.actors.name");
        List<String> seedNames = Seed.actorsByKey().values().stream().filter(a -> "KP".equals(a.country())).map(Seed.Actor::name).toList();
        assertThat(names, hasItems(seedNames.toArray(String[]::new)));
        assertThat(data.getList("country.actors.country.code"), everyItem(is("KP")));
        assertThat(names, not(hasItem("White House")));
    }

    @Test
    void aCountryNobodyNamesHasEmptyLists() {
        Json data = ok("countryRelations", "code", "AQ");
        assertEquals(0, data.getInt("country.allegationsAgainst.totalCount"));
        assertEquals(List.of(), data.getList("country.allegationsAgainst.edges"));
        assertEquals(false, data.getBoolean("country.allegationsAgainst.pageInfo.hasNextPage"));
        assertThat(data.get("country.allegationsAgainst.pageInfo.endCursor"), nullValue());
        assertEquals(0, data.getInt("country.allegationsBy.totalCount"));
        assertEquals(0, data.getInt("country.implicatedIn.totalCount"));
        assertEquals(List.of(), data.getList("country.accusers"));
        assertEquals(List.of(), data.getList("country.accused"));
        assertEquals(List.of(), data.getList("country.actors"));
    }

    @Test
    void manyCountriesAtOnceAnswerAsEachAlone() {
        Json all = ok("countriesWithAllegations", "involved", true, "first", 2);
        assertThat(all.getList("countries.code"), hasItems("KP", "US", "RU", "IR", "UA"));
        for (String code : List.of("KP", "US", "RU", "IR", "UA")) {
            Json alone = ok("countryRelations", "code", code);
            Json one = all.first("countries", "code", code);
            for (String list : List.of("allegationsAgainst", "allegationsBy", "implicatedIn")) {
                int total = alone.getInt("country." + list + ".totalCount");
                List<String> ids = alone.getList("country." + list + ".edges.node.id");
                assertEquals(total, one.getInt(list + ".totalCount"), code + " " + list);
                assertEquals(ids.subList(0, Math.min(2, ids.size())), one.getList(list + ".edges.node.id"),
                        code + " " + list + ": the same first page");
                assertEquals(total > 2, one.getBoolean(list + ".pageInfo.hasNextPage"), code + " " + list);
            }
            assertEquals(alone.getList("country.accusers.country.code"), one.getList("accusers.country.code"));
            assertEquals(alone.getList("country.accusers.count"), one.getList("accusers.count"));
            assertEquals(alone.getList("country.accused.country.code"), one.getList("accused.country.code"));
            assertEquals(alone.getList("country.accused.count"), one.getList("accused.count"));
        }
    }

    @Test
    void actorsComeByNameAndFirstKeepsTheFirstOfThem() {
        List<String> all = ok("countryActors", "code", "US").getList("country.actors.name");
        assertThat("the seed names several US actors: " + all, all.size(), greaterThan(2));
        assertEquals(all.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), all, "by name");
        assertEquals(all.subList(0, 2), ok("countryActors", "code", "US", "first", 2).getList("country.actors.name"));
        assertEquals(List.of(), ok("countryActors", "code", "US", "first", 0).getList("country.actors"));
        error("countryActors", vars("code", "US", "first", 101), "VALIDATION", "first: 101 is out of range");
    }

    /** The claims of a connection are exactly the seed claims that satisfy {@code expected} (by summary). */
    static void assertSeedClaims(Json data, String connection, Predicate<Seed.Claim> expected) {
        List<String> summaries = Seed.claims().stream().filter(expected).map(Seed.Claim::summary).toList();
        List<String> got = data.getList(connection + ".edges.node.summary");
        assertThat(connection, got, containsInAnyOrder(summaries.toArray()));
        assertEquals(summaries.size(), data.getInt(connection + ".totalCount"), connection + ".totalCount");
    }

    static Map<String, Integer> expectedCounts(Predicate<Seed.Claim> own, java.util.function.Function<Seed.Claim, String> other) {
        Map<String, Integer> counts = new TreeMap<>();
        Seed.claims().stream().filter(Seed.Claim::isAllegation).filter(own).map(other).filter(c -> c != null)
                .forEach(c -> counts.merge(c, 1, Integer::sum));
        return counts;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Integer> counts(List<Map<String, Object>> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put((String) ((Map<String, Object>) r.get("country")).get("code"), (Integer) r.get("count")));
        return new TreeMap<>(counts);
    }
}
