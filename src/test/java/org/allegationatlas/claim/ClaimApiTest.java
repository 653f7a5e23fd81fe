package org.allegationatlas.claim;

import static org.allegationatlas.GraphQL.ok;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.allegationatlas.Json;
import org.allegationatlas.Seed;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** claim, claims (every filter field, alone and combined; both orders) and allegationMatrix, on the seed. */
@QuarkusTest
class ClaimApiTest {

    /** ISO alpha-3 to alpha-2, as the API reads country arguments. */
    private static final Map<String, String> ALPHA2 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            ALPHA2.put(alpha2, alpha2);
            ALPHA2.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
    }

    @Test
    void everySeedClaimIsServedWithItsPartiesAndAnswers() {
        List<String> ids = ok("article", "id", Seed.articleId()).getList("article.claims.id");
        assertEquals(Seed.claims().size(), ids.size());
        Map<String, Seed.Claim> bySummary = Seed.claimsBySummary();
        for (String id : ids) {
            Json claim = ok("claim", "id", id).at("claim");
            Seed.Claim seed = bySummary.get(claim.getString("summary"));
            assertThat("claim " + id + " is a seed claim", seed, not(nullValue()));
            assertEquals(id, claim.getString("id"));
            assertEquals(seed.stance(), claim.getString("stance"), seed.key());
            assertEquals(seed.category(), claim.getString("category"), seed.key());
            assertEquals(seed.quote(), claim.getString("quote"), seed.key());
            assertEquals(seed.statedOn(), claim.getString("statedOn"), seed.key());
            assertEquals("CURATED", claim.getString("origin"));
            assertThat(claim.get("confidence"), nullValue());
            assertEquals(Seed.url(), claim.getString("article.url"));
            assertEquals("id", claim.getString("article.language"));
            assertParty(seed.claimant(), claim, "claimant");
            assertParty(seed.subject(), claim, "subject");
            assertParty(seed.counterparty(), claim, "counterparty");
            assertParty(seed.place(), claim, "place");
            if (seed.respondsTo() == null) {
                assertThat(seed.key(), claim.get("respondsTo"), nullValue());
            } else {
                assertEquals(Seed.claim(seed.respondsTo()).summary(), claim.getString("respondsTo.summary"), seed.key());
            }
            List<String> answers = Seed.claims().stream().filter(c -> seed.key().equals(c.respondsTo())).map(Seed.Claim::summary)
                    .toList();
            assertThat(seed.key(), claim.getList("responses.summary"), containsInAnyOrder(answers.toArray()));
            assertThat(claim.getList("responses.respondsTo.id"), everyItem(is(id)));
        }
    }

    @Test
    void aDenialPointsAtTheAllegationItAnswers() {
        Json denials = ok("claims", "filter", Map.of("stance", List.of("DENIES"), "subjectCountry", "IR"), "first", 100);
        List<String> ids = denials.getList("claims.edges.node.id");
        assertThat(ids, not(empty()));
        for (String id : ids) {
            Json denial = ok("claim", "id", id).at("claim");
            assertEquals("DENIES", denial.getString("stance"));
            assertEquals("ALLEGES", denial.getString("respondsTo.stance"));
            Json answered = ok("claim", "id", denial.getString("respondsTo.id")).at("claim");
            assertThat(answered.getList("responses.id"), org.hamcrest.Matchers.hasItem(id));
        }
    }

    @Test
    void unknownClaimIsNull() {
        assertThat(ok("claim", "id", "987654321").get("claim"), nullValue());
    }

    @Test
    void everyFilterFieldAlone() {
        List<Map<String, Object>> filters = List.of(
                Map.of("subjectCountry", "KP"),
                Map.of("subjectCountry", "prk"),
                Map.of("subjectCountry", "IR"),
                Map.of("claimantCountry", "US"),
                Map.of("claimantCountry", "idn"),
                Map.of("counterpartyCountry", "RU"),
                Map.of("counterpartyCountry", "ua"),
                Map.of("stance", List.of("ALLEGES")),
                Map.of("stance", List.of("DENIES", "CONFIRMS")),
                Map.of("stance", List.of("STATES")),
                Map.of("category", List.of("ARMS_TRANSFER")),
                Map.of("category", List.of("DIPLOMATIC_RECOGNITION", "LABOR_TRANSFER")),
                Map.of("statedFrom", "2022-11-01"),
                Map.of("statedTo", "2022-07-31"),
                Map.of("text", "artileri"),
                Map.of("text", "DRONE"),
                Map.of("text", "Krimea"),
                Map.of("language", "id"));
        for (Map<String, Object> filter : filters) {
            assertFilter(filter, true);
        }
    }

    @Test
    void filterFieldsCombineWithAnd() {
        assertFilter(Map.of("statedFrom", "2022-08-01", "statedTo", "2022-10-31"), true);
        assertFilter(Map.of("subjectCountry", "KP", "stance", List.of("ALLEGES")), true);
        assertFilter(Map.of("claimantCountry", "US", "category", List.of("ARMS_TRANSFER"), "text", "artileri"), true);
        Map<String, Object> everything = new LinkedHashMap<>();
        everything.put("subjectCountry", "KP");
        everything.put("claimantCountry", "USA");
        everything.put("counterpartyCountry", "RU");
        everything.put("stance", List.of("ALLEGES"));
        everything.put("category", List.of("ARMS_TRANSFER", "CONCEALMENT"));
        everything.put("statedFrom", "2022-11-01");
        everything.put("statedTo", "2022-11-30");
        everything.put("text", "Korea Utara");
        everything.put("language", "id");
        assertFilter(everything, true);
        // one more condition that no seed claim meets empties the result
        Map<String, Object> none = new LinkedHashMap<>(everything);
        none.put("stance", List.of("DENIES"));
        assertFilter(none, false);
        assertFilter(Map.of("language", "en", "subjectCountry", "KP"), false);
    }

    @Test
    void anEmptyFilterIsNoFilter() {
        int all = ok("claims", "first", 0).getInt("claims.totalCount");
        Map<String, Object> empty = new HashMap<>();
        empty.put("stance", null);
        empty.put("text", null);
        assertEquals(all, ok("claims", "filter", Map.of(), "first", 0).getInt("claims.totalCount"));
        assertEquals(all, ok("claims", "filter", empty, "first", 0).getInt("claims.totalCount"));
        assertThat(all, greaterThanOrEqualTo(Seed.claims().size()));
    }

    @Test
    void orderByStatedOnBothWays() {
        List<Map<String, Object>> desc = ok("claims", "orderBy", "STATED_ON_DESC", "first", 100).getList("claims.edges.node");
        List<Map<String, Object>> asc = ok("claims", "orderBy", "STATED_ON_ASC", "first", 100).getList("claims.edges.node");
        List<Map<String, Object>> byDefault = ok("claims", "first", 100).getList("claims.edges.node");
        assertThat(desc.size(), greaterThanOrEqualTo(Seed.claims().size()));
        assertEquals(ids(desc), ids(byDefault), "STATED_ON_DESC is the default");
        assertThat(ids(asc), containsInAnyOrder(ids(desc).toArray()));

        // dated claims first (newest first / oldest first), undated last, each way
        assertEquals(sorted(desc, true), ids(desc));
        assertEquals(sorted(asc, false), ids(asc));
        List<String> datedDesc = ids(desc.stream().filter(n -> n.get("statedOn") != null).toList());
        List<String> datedAsc = new ArrayList<>(ids(asc.stream().filter(n -> n.get("statedOn") != null).toList()));
        java.util.Collections.reverse(datedAsc);
        assertEquals(datedDesc, datedAsc, "ASC is DESC reversed, among dated claims");
        assertEquals("2022-11-02", desc.get(0).get("statedOn"));
        assertEquals(Seed.claims().stream().map(Seed.Claim::statedOn).filter(d -> d != null).min(String::compareTo).orElseThrow(),
                asc.get(0).get("statedOn"));
        assertThat(desc.get(desc.size() - 1).get("statedOn"), nullValue());
        assertThat(asc.get(asc.size() - 1).get("statedOn"), nullValue());
    }

    @Test
    void allegationMatrixCountsAllegationsPerCountryPair() {
        assertMatrix(Map.of(), c -> true);
        assertMatrix(Map.of("subjectCountry", "KP"), c -> "KP".equals(c.subjectCountry()));
        assertMatrix(Map.of("category", List.of("ARMS_TRANSFER")), c -> "ARMS_TRANSFER".equals(c.category()));
        assertMatrix(Map.of("claimantCountry", "US", "statedFrom", "2022-11-01"),
                c -> "US".equals(c.claimantCountry()) && c.statedOn() != null && c.statedOn().compareTo("2022-11-01") >= 0);
        // denials are no allegations
        assertEquals(List.of(), ok("allegationMatrix", "filter", Map.of("stance", List.of("DENIES"))).getList("allegationMatrix"));
        Json all = ok("allegationMatrix");
        Json usKp = Json.of(all.<Map<String, Object>>getList("allegationMatrix").stream()
                .filter(r -> "US".equals(path(r, "accuser.code")) && "KP".equals(path(r, "accused.code"))).findFirst().orElseThrow());
        assertEquals("United States", usKp.getString("accuser.name"));
        assertEquals("North Korea", usKp.getString("accused.name"));
        List<Integer> counts = all.getList("allegationMatrix.count");
        for (int i = 1; i < counts.size(); i++) {
            assertThat("most allegations first", counts.get(i - 1), greaterThanOrEqualTo(counts.get(i)));
        }
    }

    // ---- helpers

    /** The seed claims in the answer are exactly those the filter selects; every claim in it meets the filter. */
    static void assertFilter(Map<String, Object> filter, boolean seedHasSome) {
        Json data = ok("claims", "filter", filter, "first", 100);
        List<Map<String, Object>> nodes = data.getList("claims.edges.node");
        assertEquals(nodes.size(), data.getInt("claims.totalCount"), "totalCount of " + filter);
        for (Map<String, Object> node : nodes) {
            assertTrue(nodeMatches(node, filter), () -> node + " does not meet " + filter);
        }
        List<String> expected = Seed.claims().stream().filter(c -> seedMatches(c, filter)).map(Seed.Claim::summary).toList();
        assertEquals(seedHasSome, !expected.isEmpty(), "the seed has claims for " + filter);
        List<String> got = nodes.stream().filter(n -> Seed.url().equals(path(n, "article.url"))).map(n -> (String) n.get("summary"))
                .toList();
        assertThat(filter.toString(), got, containsInAnyOrder(expected.toArray()));
    }

    static boolean seedMatches(Seed.Claim c, Map<String, Object> filter) {
        return matches(filter, c.subjectCountry(), c.claimantCountry(), c.counterpartyCountry(), c.stance(), c.category(),
                c.statedOn(), c.summary(), c.quote(), Seed.language());
    }

    static boolean nodeMatches(Map<String, Object> n, Map<String, Object> filter) {
        return matches(filter, path(n, "subject.country.code"), path(n, "claimant.country.code"),
                path(n, "counterparty.country.code"), (String) n.get("stance"), (String) n.get("category"),
                (String) n.get("statedOn"), (String) n.get("summary"), (String) n.get("quote"), path(n, "article.language"));
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> f, String subject, String claimant, String counterparty, String stance,
            String category, String statedOn, String summary, String quote, String language) {
        if (f.get("subjectCountry") != null && !ALPHA2.get(((String) f.get("subjectCountry")).toUpperCase(Locale.ROOT)).equals(subject)) {
            return false;
        }
        if (f.get("claimantCountry") != null && !ALPHA2.get(((String) f.get("claimantCountry")).toUpperCase(Locale.ROOT)).equals(claimant)) {
            return false;
        }
        if (f.get("counterpartyCountry") != null
                && !ALPHA2.get(((String) f.get("counterpartyCountry")).toUpperCase(Locale.ROOT)).equals(counterparty)) {
            return false;
        }
        if (f.get("stance") != null && !((List<String>) f.get("stance")).contains(stance)) {
            return false;
        }
        if (f.get("category") != null && !((List<String>) f.get("category")).contains(category)) {
            return false;
        }
        if (f.get("statedFrom") != null && (statedOn == null || statedOn.compareTo((String) f.get("statedFrom")) < 0)) {
            return false;
        }
        if (f.get("statedTo") != null && (statedOn == null || statedOn.compareTo((String) f.get("statedTo")) > 0)) {
            return false;
        }
        if (f.get("text") != null) {
            String text = ((String) f.get("text")).toLowerCase(Locale.ROOT);
            if (!summary.toLowerCase(Locale.ROOT).contains(text) && !quote.toLowerCase(Locale.ROOT).contains(text)) {
                return false;
            }
        }
        return f.get("language") == null || f.get("language").equals(language);
    }

    private static void assertMatrix(Map<String, Object> filter, java.util.function.Predicate<Seed.Claim> selected) {
        Map<String, Integer> expected = new TreeMap<>();
        Seed.claims().stream().filter(Seed.Claim::isAllegation).filter(selected)
                .filter(c -> c.claimantCountry() != null && c.subjectCountry() != null)
                .forEach(c -> expected.merge(c.claimantCountry() + ">" + c.subjectCountry(), 1, Integer::sum));
        Set<String> seedCountries = Seed.actorsByKey().values().stream().map(Seed.Actor::country).filter(c -> c != null)
                .collect(Collectors.toSet());
        Map<String, Integer> got = new TreeMap<>();
        List<Map<String, Object>> rows = ok("allegationMatrix", "filter", filter).getList("allegationMatrix");
        for (Map<String, Object> row : rows) {
            String accuser = path(row, "accuser.code");
            String accused = path(row, "accused.code");
            if (seedCountries.contains(accuser) || seedCountries.contains(accused)) {
                got.put(accuser + ">" + accused, (Integer) row.get("count"));
            }
        }
        assertEquals(expected, got, "allegationMatrix(" + filter + ")");
        assertThat(expected.isEmpty(), is(false));
    }

    @SuppressWarnings("unchecked")
    static String path(Map<String, Object> node, String dotted) {
        Object value = node;
        for (String part : dotted.split("\\.")) {
            if (value == null) {
                return null;
            }
            value = ((Map<String, Object>) value).get(part);
        }
        return (String) value;
    }

    static List<String> ids(List<Map<String, Object>> nodes) {
        return nodes.stream().map(n -> (String) n.get("id")).toList();
    }

    /** The ids in the documented order: by statedOn (undated last), then by id, both one way. */
    private static List<String> sorted(List<Map<String, Object>> nodes, boolean descending) {
        Comparator<Map<String, Object>> byDate = Comparator.comparing(n -> (String) n.get("statedOn"),
                Comparator.nullsLast(descending ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder()));
        Comparator<Map<String, Object>> byId = Comparator.comparing(n -> Long.parseLong((String) n.get("id")));
        return ids(nodes.stream().sorted(byDate.thenComparing(descending ? byId.reversed() : byId)).toList());
    }

    private static void assertParty(Seed.Actor expected, Json claim, String role) {
        if (expected == null) {
            assertThat(role, claim.get(role), nullValue());
            return;
        }
        assertEquals(expected.name(), claim.getString(role + ".name"), role);
        assertEquals(expected.kind(), claim.getString(role + ".kind"), role);
        assertEquals(expected.country(), claim.getString(role + ".country.code"), role);
    }
}
