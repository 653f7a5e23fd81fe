package org.allegationatlas.claim;

import static org.allegationatlas.GraphQL.error;
import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.allegationatlas.Json;
import org.allegationatlas.Seed;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The aggregates the Atlas page draws with: claimTotals (the map), claimsPerMonth (the bars), allegationMatrix(first). */
@QuarkusTest
class AtlasQueriesTest {

    @Test
    void claimTotalsCountEachCountryAsSubjectAndAsClaimant() {
        assertTotals(Map.of("stance", List.of("ALLEGES")), c -> c.stance().equals("ALLEGES"));
        assertTotals(Map.of("stance", List.of("ALLEGES"), "category", List.of("ARMS_TRANSFER")),
                c -> c.stance().equals("ALLEGES") && c.category().equals("ARMS_TRANSFER"));
        assertTotals(Map.of(), c -> true);
        assertTotals(Map.of("stance", List.of("DENIES")), c -> c.stance().equals("DENIES"));
        // on the seed: North Korea is accused 4 times, all by the United States
        Json kp = Json.of(ok("claimTotals", "filter", Map.of("stance", List.of("ALLEGES")))
                .<Map<String, Object>>getList("claimTotals").stream().filter(r -> "KP".equals(((Map<?, ?>) r.get("country")).get("code")))
                .findFirst().orElseThrow());
        assertEquals("North Korea", kp.getString("country.name"));
        assertEquals(4, kp.getInt("asSubject"));
        assertEquals(0, kp.getInt("asClaimant"));
    }

    @Test
    void claimTotalsRefuseABadFilterClearly() {
        error("claimTotals", vars("filter", Map.of("subjectCountry", "XX")), "VALIDATION", "XX");
    }

    @Test
    void claimsPerMonthCountsDatedClaimsOldestFirst() {
        Predicate<Seed.Claim> againstNorthKorea = c -> c.stance().equals("ALLEGES") && "KP".equals(c.subjectCountry());
        Map<String, Integer> expected = new TreeMap<>();
        Seed.claims().stream().filter(againstNorthKorea).filter(c -> c.statedOn() != null)
                .forEach(c -> expected.merge(c.statedOn().substring(0, 7), 1, Integer::sum));
        List<Map<String, Object>> months = ok("claimsPerMonth", "filter", Map.of("subjectCountry", "KP", "stance", List.of("ALLEGES")))
                .getList("claimsPerMonth");
        Map<String, Integer> answered = new TreeMap<>();
        months.forEach(m -> answered.put((String) m.get("month"), ((Number) m.get("count")).intValue()));
        assertEquals(expected, answered);
        assertEquals(List.copyOf(expected.keySet()), months.stream().map(m -> m.get("month")).toList(), "oldest first");
        assertEquals(List.of(), ok("claimsPerMonth", "filter", Map.of("subjectCountry", "FJ")).getList("claimsPerMonth"));
    }

    @Test
    void allegationMatrixFirstKeepsTheStrongestLinks() {
        List<Map<String, Object>> all = ok("allegationMatrixTop", "first", null).getList("allegationMatrix");
        List<Map<String, Object>> top = ok("allegationMatrixTop", "first", 1).getList("allegationMatrix");
        assertEquals(all.subList(0, 1), top);
        assertEquals("KP", Json.of(top.get(0)).getString("accused.code"));
        assertEquals(List.of(), ok("allegationMatrixTop", "first", 0).getList("allegationMatrix"));
        error("allegationMatrixTop", vars("first", -1), "VALIDATION", "-1");
    }

    private static void assertTotals(Map<String, Object> filter, Predicate<Seed.Claim> selected) {
        Map<String, List<Integer>> expected = new TreeMap<>();
        for (Seed.Claim c : Seed.claims().stream().filter(selected).toList()) {
            if (c.subjectCountry() != null) {
                expected.computeIfAbsent(c.subjectCountry(), k -> new java.util.ArrayList<>(List.of(0, 0))).set(0,
                        expected.get(c.subjectCountry()).get(0) + 1);
            }
            if (c.claimantCountry() != null) {
                expected.computeIfAbsent(c.claimantCountry(), k -> new java.util.ArrayList<>(List.of(0, 0))).set(1,
                        expected.get(c.claimantCountry()).get(1) + 1);
            }
        }
        Map<String, List<Integer>> answered = new TreeMap<>();
        for (Map<String, Object> row : ok("claimTotals", "filter", filter).<Map<String, Object>>getList("claimTotals")) {
            Json r = Json.of(row);
            answered.put(r.getString("country.code"), List.of(r.getInt("asSubject"), r.getInt("asClaimant")));
        }
        assertEquals(expected, answered, "claimTotals of " + filter);
    }
}
