package org.allegationatlas.claim;

import static org.allegationatlas.TestArticles.actor;
import static org.allegationatlas.TestArticles.article;
import static org.allegationatlas.TestArticles.claim;
import static org.allegationatlas.TestArticles.uniqueUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.allegationatlas.TestArticles;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The map's totals, who-accuses-whom and the claims per month come from counts kept at write time (V7, V8).
 * On a generated corpus, under every filter the page offers, they must equal counts of the claims themselves,
 * after ingest, re-ingest of the same URL (with another language), claim changes made with SQL, an article's
 * language changed with SQL, and deletes.
 */
@QuarkusTest
class ClaimCountsTest {

    private static final String[] COUNTRIES = { "KP", "RU", "IR", "US", "GB", "UA", "CN", "ID" };
    private static final String[] STANCES = { "ALLEGES", "ALLEGES", "ALLEGES", "DENIES", "CONFIRMS", "STATES" };
    private static final String[] CATEGORIES = { "ARMS_TRANSFER", "MILITARY_SUPPORT", "SANCTIONS_VIOLATION", "OTHER" };
    private static final String[] LANGUAGES = { "en", "id", "fr" };

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SessionFactory sessionFactory;
    @Inject
    ClaimCountsRefill refill;

    private final TestArticles articles = new TestArticles();
    private final Random random = new Random(11);

    /** A claim as the direct count sees it: read from the claims and their articles. */
    private record Row(String subject, String claimant, String stance, String category, LocalDate statedOn, String language) {
    }

    @AfterEach
    void deleteIngested() {
        if (refill.deferred()) { // a failed test must not leave the other tests' counts deferred
            refill.countAgain();
        }
        articles.deleteAll();
    }

    @Test
    void aBulkImportThatDefersTheCountsCountsEveryClaimAgainAtItsEnd() throws SQLException {
        Assumptions.assumeTrue("h2".equals(System.getProperty("quarkus.datasource.db-kind", "h2")),
                "only H2's trigger defers: an import into PostgreSQL counts row by row (other nodes may serve from it)");
        refill.defer(); // as the command-line import of the embedded database does
        for (int i = 0; i < 24; i++) {
            articles.ingest(generatedArticle(uniqueUrl(), 400 + i));
        }
        int counted = GraphQL.ok("claimTotals", "filter", Map.of()).<Map<String, Object>> getList("claimTotals").stream()
                .mapToInt(t -> Json.of(t).getInt("asSubject")).sum();
        assertTrue(counted < claims().stream().filter(r -> r.subject() != null).count(),
                "while deferred, the triggers leave the counts alone");

        refill.countAgain();
        assertTrue(!refill.deferred());
        assertAllCountsEqualTheClaims("after the counts were counted again");

        String url = uniqueUrl(); // and the triggers keep them from then on
        articles.ingest(generatedArticle(url, 500));
        sql("update claim set stated_on = date '2023-12-31' where article_id = (select id from article where url = ?)", url);
        assertAllCountsEqualTheClaims("after writes that follow the count");
    }

    @Test
    void theKeptCountsEqualCountsOfTheClaimsUnderEveryFilterAfterEveryKindOfWrite() throws SQLException {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String url = uniqueUrl();
            urls.add(url);
            articles.ingest(generatedArticle(url, i));
        }
        assertTrue(claims().size() > 140, "a generated corpus beside the seed: " + claims().size() + " claims");
        assertAllCountsEqualTheClaims("after ingest");

        // the same url again: other claims, another language
        articles.ingest(generatedArticle(urls.get(0), 100));
        articles.ingest(generatedArticle(urls.get(1), 101));
        assertAllCountsEqualTheClaims("after re-ingest of the same url");

        // out of band: a fix in SQL moves stance, category, date and a country; one claim deleted
        sql("update claim set stance = 'DENIES', category = 'OTHER' where article_id = (select id from article where url = ?)",
                urls.get(2));
        sql("update claim set stated_on = null where article_id = (select id from article where url = ?)", urls.get(3));
        sql("update claim set stated_on = date '2024-02-29', subject_country = 'VE' where article_id = (select id from article"
                + " where url = ?)", urls.get(4));
        sql("delete from claim where id = (select min(c.id) from claim c join article a on a.id = c.article_id where a.url = ?)",
                urls.get(5));
        sql("update article set language = 'de' where url = ?", urls.get(6));
        assertAllCountsEqualTheClaims("after claim and article changes made with SQL");

        // an article deleted (its claims cascade): through the API, and with SQL
        articles.deleteAll();
        sql("delete from article where url = ?", urls.get(7));
        assertAllCountsEqualTheClaims("after deletes");
    }

    @Test
    void theMapAndTheMatrixGroupTheKeptCountsAndCountClaimsOnlyForTheRaggedDaysOfADateRange() {
        articles.ingest(generatedArticle(uniqueUrl(), 200)); // a write: nothing is answered from before it
        Map<String, Object> aligned = Map.of("stance", List.of("ALLEGES"), "category", List.of("ARMS_TRANSFER"), "language", "id",
                "statedFrom", "2021-01-01", "statedTo", "2022-06-30");
        for (String document : List.of("claimTotals", "allegationMatrix", "claimsPerMonth")) {
            List<String> statements = statementsOf(document, Map.of());
            assertTrue(statements.stream().noneMatch(ClaimCountsTest::readsClaims), document + " without a filter: " + statements);
            statements = statementsOf(document, aligned);
            assertTrue(statements.stream().noneMatch(ClaimCountsTest::readsClaims), document + " whole months: " + statements);
            statements = statementsOf(document, Map.of("statedFrom", "2021-03-17", "statedTo", "2022-06-30"));
            List<String> ofClaims = statements.stream().filter(ClaimCountsTest::readsClaims).toList();
            // the days' range alone: beside the whole range's, H2 read a million claims through the wider one (past the timeout)
            assertTrue(!ofClaims.isEmpty() && ofClaims.stream().allMatch(sql -> sql.contains("c.stated_on between")
                    && !sql.contains("c.stated_on >=") && !sql.contains("c.stated_on <=")),
                    document + " from a ragged start: only its days from the claims: " + statements);
        }
    }

    private List<String> statementsOf(String document, Map<String, Object> filter) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        articles.ingest(generatedArticle(uniqueUrl(), 300)); // the first request after a write: counted, not cached
        statistics.clear();
        GraphQL.ok(document, "filter", filter);
        List<String> statements = List.of(statistics.getQueries());
        statistics.setStatisticsEnabled(false);
        return statements;
    }

    private static boolean readsClaims(String sql) {
        return sql.toLowerCase(Locale.ROOT).matches("(?s).*\\bfrom claim\\b.*");
    }

    private Map<String, Object> generatedArticle(String url, int n) {
        List<Map<String, Object>> actors = new ArrayList<>();
        for (String code : COUNTRIES) {
            actors.add(actor(code.toLowerCase(Locale.ROOT), "Counted " + code, "STATE", code));
        }
        actors.add(actor("un", "Counted Nations", "INTERNATIONAL_ORGANIZATION", null)); // no country
        List<Map<String, Object>> claims = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int c = 0; c < 6; c++) {
            String quote = "Counted claim " + n + "-" + c + " was made.";
            body.append(quote).append(' ');
            String claimant = random.nextInt(8) == 0 ? "un" : COUNTRIES[random.nextInt(COUNTRIES.length)].toLowerCase(Locale.ROOT);
            String subject = random.nextInt(10) == 0 ? "un" : COUNTRIES[random.nextInt(COUNTRIES.length)].toLowerCase(Locale.ROOT);
            Map<String, Object> claim = claim(claimant, subject, null, STANCES[random.nextInt(STANCES.length)],
                    CATEGORIES[random.nextInt(CATEGORIES.length)], quote);
            if (random.nextInt(6) != 0) { // some undated; dates over three years, month ends and starts among them
                claim.put("statedOn", LocalDate.of(2021, 1, 1).plusDays(random.nextInt(3 * 365)).toString());
            }
            claims.add(claim);
        }
        Map<String, Object> input = article(url, body.toString(), actors, claims);
        input.put("language", LANGUAGES[n % LANGUAGES.length]);
        return input;
    }

    /** Every filter the page offers, and then some; each answer against a count of the claims. */
    private void assertAllCountsEqualTheClaims(String when) throws SQLException {
        List<Row> rows = claims();
        List<Map<String, Object>> filters = new ArrayList<>();
        filters.add(Map.of());
        filters.add(Map.of("stance", List.of("ALLEGES")));
        filters.add(Map.of("stance", List.of("DENIES", "CONFIRMS")));
        filters.add(Map.of("stance", List.of("ALLEGES"), "category", List.of("ARMS_TRANSFER")));
        filters.add(Map.of("category", List.of("OTHER", "MILITARY_SUPPORT")));
        filters.add(Map.of("stance", List.of("ALLEGES"), "language", "id"));
        filters.add(Map.of("language", "fr"));
        filters.add(Map.of("stance", List.of("ALLEGES"), "statedFrom", "2022-01-01", "statedTo", "2022-12-31"));
        filters.add(Map.of("statedFrom", "2021-03-17", "statedTo", "2023-06-04")); // ragged both ends, years between
        filters.add(Map.of("statedFrom", "2022-02-01", "statedTo", "2022-05-31")); // whole months
        filters.add(Map.of("statedFrom", "2022-02-10", "statedTo", "2022-02-20")); // inside one month
        filters.add(Map.of("statedFrom", "2022-11-15")); // open end
        filters.add(Map.of("statedTo", "2022-03-03", "stance", List.of("ALLEGES"))); // open start
        filters.add(Map.of("stance", List.of("ALLEGES"), "category", List.of("SANCTIONS_VIOLATION"), "language", "en",
                "statedFrom", "2021-06-30", "statedTo", "2023-01-01"));
        filters.add(Map.of("subjectCountry", "KP", "stance", List.of("ALLEGES")));
        filters.add(Map.of("subjectCountry", "RUS", "claimantCountry", "US", "statedFrom", "2021-05-05"));
        filters.add(Map.of("claimantCountry", "GB", "language", "id", "statedTo", "2022-08-08"));
        for (Map<String, Object> filter : filters) {
            Predicate<Row> matches = matcher(filter);
            String where = when + ", filter " + filter;

            Map<String, List<Integer>> expectedTotals = new TreeMap<>();
            for (Row row : rows) {
                if (matches.test(row)) {
                    if (row.subject() != null) {
                        expectedTotals.computeIfAbsent(row.subject(), k -> new ArrayList<>(List.of(0, 0))).set(0,
                                expectedTotals.get(row.subject()).get(0) + 1);
                    }
                    if (row.claimant() != null) {
                        expectedTotals.computeIfAbsent(row.claimant(), k -> new ArrayList<>(List.of(0, 0))).set(1,
                                expectedTotals.get(row.claimant()).get(1) + 1);
                    }
                }
            }
            Map<String, List<Integer>> totals = new TreeMap<>();
            for (Map<String, Object> t : GraphQL.ok("claimTotals", "filter", filter).<Map<String, Object>> getList("claimTotals")) {
                Json total = Json.of(t);
                totals.put(total.getString("country.code"), List.of(total.getInt("asSubject"), total.getInt("asClaimant")));
            }
            assertEquals(expectedTotals, totals, "claimTotals " + where);

            Map<String, Integer> expectedPairs = count(rows, matches.and(r -> "ALLEGES".equals(r.stance()) && r.subject() != null
                    && r.claimant() != null), r -> r.claimant() + ">" + r.subject());
            Map<String, Integer> pairs = new TreeMap<>();
            for (Map<String, Object> p : GraphQL.ok("allegationMatrix", "filter", filter).<Map<String, Object>> getList("allegationMatrix")) {
                Json pair = Json.of(p);
                pairs.put(pair.getString("accuser.code") + ">" + pair.getString("accused.code"), pair.getInt("count"));
            }
            assertEquals(expectedPairs, pairs, "allegationMatrix " + where);

            Map<String, Integer> expectedMonths = count(rows, matches.and(r -> r.statedOn() != null),
                    r -> r.statedOn().toString().substring(0, 7));
            Map<String, Integer> months = new TreeMap<>();
            for (Map<String, Object> m : GraphQL.ok("claimsPerMonth", "filter", filter).<Map<String, Object>> getList("claimsPerMonth")) {
                months.put((String) m.get("month"), ((Number) m.get("count")).intValue());
            }
            assertEquals(expectedMonths, months, "claimsPerMonth " + where);
        }

        for (String code : COUNTRIES) { // a country's panel: its accusers and whom it accuses, all time
            Json country = GraphQL.ok("countryRelations", "code", code).at("country");
            Predicate<Row> allegations = r -> "ALLEGES".equals(r.stance()) && r.subject() != null && r.claimant() != null;
            assertEquals(count(rows, allegations.and(r -> code.equals(r.subject())), Row::claimant),
                    counts(country.getList("accusers")), when + ", accusers of " + code);
            assertEquals(count(rows, allegations.and(r -> code.equals(r.claimant())), Row::subject),
                    counts(country.getList("accused")), when + ", accused by " + code);
        }
    }

    private static Map<String, Integer> counts(List<Map<String, Object>> list) {
        Map<String, Integer> counts = new TreeMap<>();
        list.forEach(e -> counts.put(Json.of(e).getString("country.code"), Json.of(e).getInt("count")));
        return counts;
    }

    private static Map<String, Integer> count(List<Row> rows, Predicate<Row> matches, Function<Row, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.stream().filter(matches).forEach(r -> counts.merge(key.apply(r), 1, Integer::sum));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static Predicate<Row> matcher(Map<String, Object> filter) {
        Predicate<Row> p = r -> true;
        if (filter.containsKey("stance")) {
            List<String> stances = (List<String>) filter.get("stance");
            p = p.and(r -> stances.contains(r.stance()));
        }
        if (filter.containsKey("category")) {
            List<String> categories = (List<String>) filter.get("category");
            p = p.and(r -> categories.contains(r.category()));
        }
        if (filter.containsKey("language")) {
            p = p.and(r -> filter.get("language").equals(r.language()));
        }
        if (filter.containsKey("statedFrom")) {
            LocalDate from = LocalDate.parse((String) filter.get("statedFrom"));
            p = p.and(r -> r.statedOn() != null && !r.statedOn().isBefore(from));
        }
        if (filter.containsKey("statedTo")) {
            LocalDate to = LocalDate.parse((String) filter.get("statedTo"));
            p = p.and(r -> r.statedOn() != null && !r.statedOn().isAfter(to));
        }
        Map<String, String> alpha2 = Map.of("RUS", "RU");
        if (filter.containsKey("subjectCountry")) {
            String code = alpha2.getOrDefault((String) filter.get("subjectCountry"), (String) filter.get("subjectCountry"));
            p = p.and(r -> code.equals(r.subject()));
        }
        if (filter.containsKey("claimantCountry")) {
            String code = (String) filter.get("claimantCountry");
            p = p.and(r -> code.equals(r.claimant()));
        }
        return p;
    }

    private List<Row> claims() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select c.subject_country, c.claimant_country, c.stance,"
                        + " c.category, c.stated_on, a.language from claim c join article a on a.id = c.article_id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(trim(rs.getString(1)), trim(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6)));
            }
        }
        return rows;
    }

    private static String trim(String code) {
        return code == null ? null : code.trim();
    }

    private void sql(String statement, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, parameter);
            update.executeUpdate();
        }
    }

}
