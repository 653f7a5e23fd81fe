package org.allegationatlas;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.allegationatlas.claim.ClaimCountsRefill;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.Arc;

/**
 * Generates a large database in seconds, beside whatever the tests stored: {@link #ARTICLES} articles of
 * {@link #CLAIMS_PER_ARTICLE} claims each, between the state actors of {@link #COUNTRIES} countries, written
 * with plain SQL (insert ... select over a cross join of digits: H2 and PostgreSQL alike) on a connection of
 * its own, outside the pool. Ids start at {@link #FIRST_ID}, far above the ones the app allocates, so that
 * {@link #delete} finds them again. Like the command-line import, it defers the claim counts while it writes and
 * counts every claim again at its end: row by row, the counting triggers took most of a minute.
 * <p>
 * On H2 the test classes that use it share {@link #H2_URL}, a database no other test uses: the data is made by the
 * first of them and kept for the next (12 s to make, 7 s to delete). On PostgreSQL every test shares one database:
 * each class makes the data and deletes it after.
 */
public final class LargeDatabase {

    /** The embedded database of the test profiles that use these claims (atlas.jdbc-url.h2). */
    public static final String H2_URL = "jdbc:h2:mem:atlas-large;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";
    public static final long FIRST_ID = 1_000_000_000L;
    public static final int ARTICLES = 10;
    public static final int CLAIMS_PER_ARTICLE = 10_000;
    public static final int CLAIMS = ARTICLES * CLAIMS_PER_ARTICLE;
    public static final int COUNTRIES = 200;
    /** Each generated claim's quote, which is also each generated article's whole body. */
    public static final String QUOTE = "A generated state accused another generated state of a generated deed.";

    private LargeDatabase() {
    }

    /** The country codes whose state actors the generated claims are between, in order. */
    public static List<String> countries() {
        return Arrays.stream(Locale.getISOCountries()).limit(COUNTRIES).toList();
    }

    public static long articleId(int index) {
        return FIRST_ID + index;
    }

    public static void create() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet made = statement.executeQuery("select count(*) from article where id = " + articleId(0))) {
                made.next();
                if (made.getLong(1) > 0) {
                    return; // made by a test class before this one, on the database they share (H2_URL)
                }
            }
            deferCounts(statement);
            try (PreparedStatement actor = connection.prepareStatement(
                    "insert into actor (id, name, normalized_name, kind, country_code) values (?, ?, ?, 'STATE', ?)")) {
                List<String> codes = countries();
                for (int i = 0; i < codes.size(); i++) {
                    actor.setLong(1, FIRST_ID + i);
                    actor.setString(2, "Generated state " + i);
                    actor.setString(3, "generated state " + i);
                    actor.setString(4, codes.get(i));
                    actor.addBatch();
                }
                actor.executeBatch();
            }
            statement.executeUpdate("insert into article (id, url, language, body, ingested_at) select " + FIRST_ID
                    + " + g.n, 'https://test.invalid/large/' || g.n, 'en', '" + QUOTE + "', current_timestamp from "
                    + numbers(0, ARTICLES) + " g");
            // claim n: article n mod ARTICLES, claimant state n mod COUNTRIES, subject state (7n + 1) mod COUNTRIES
            inChunks(statement, (from, to) -> "insert into claim (id, article_id, claimant_id, subject_id, claimant_country,"
                    + " subject_country, stance, category, summary, quote, quote_start, quote_end, origin)"
                    + " select " + FIRST_ID + " + g.n, " + FIRST_ID + " + mod(g.n, " + ARTICLES + "), claimant.id, subject.id,"
                    + " claimant.country_code, subject.country_code, 'ALLEGES', 'OTHER', 'Generated allegation ' || g.n, '"
                    + QUOTE + "', 0, " + QUOTE.length() + ", 'CURATED' from " + numbers(from, to) + " g"
                    + " join actor claimant on claimant.id = " + FIRST_ID + " + mod(g.n, " + COUNTRIES + ")"
                    + " join actor subject on subject.id = " + FIRST_ID + " + mod(7 * g.n + 1, " + COUNTRIES + ")");
        }
        countAgain();
    }

    public static void delete() throws SQLException {
        if (H2_URL.equals(jdbcUrl())) {
            return; // kept for the next class on the database of their own
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            deferCounts(statement);
            inChunks(statement, (from, to) -> "delete from claim where id >= " + (FIRST_ID + from) + " and id < " + (FIRST_ID + to));
            statement.executeUpdate("delete from article where id >= " + FIRST_ID);
            statement.executeUpdate("delete from actor where id >= " + FIRST_ID);
        }
        countAgain();
    }

    private interface Chunk {
        String sql(long from, long to);
    }

    /**
     * Runs the statement for claims 0 to CLAIMS in chunks, each committed: smaller ones where a chunk runs into the
     * app's statement timeout (H2's is a database setting, which binds this connection too).
     */
    private static void inChunks(Statement statement, Chunk chunk) throws SQLException {
        int size = 20_000;
        for (long from = 0; from < CLAIMS;) {
            long to = Math.min(CLAIMS, from + size);
            try {
                statement.executeUpdate(chunk.sql(from, to));
                from = to;
            } catch (SQLException e) {
                if (!"57014".equals(e.getSQLState()) || size <= 10) {
                    throw e;
                }
                size /= 2;
            }
        }
    }

    /** A derived table (to be given an alias) of the numbers from..to-1 as column n, from a cross join of digits. */
    private static String numbers(long from, long to) {
        String digits = "(values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9))";
        StringBuilder sum = new StringBuilder(String.valueOf(from));
        StringBuilder tables = new StringBuilder();
        long place = 1;
        for (int d = 0; place < to - from; d++, place *= 10) {
            sum.append(" + ").append(place).append(" * d").append(d).append(".n");
            tables.append(d == 0 ? "" : ", ").append(digits).append(" as d").append(d).append("(n)");
        }
        if (tables.length() == 0) {
            tables.append(digits).append(" as d0(n)");
        }
        return "(select n from (select " + sum + " as n from " + tables + ") numbers where n < " + to + ")";
    }

    /** The embedded database's triggers leave the counts alone until {@link #countAgain}. */
    private static void deferCounts(Statement statement) throws SQLException {
        statement.executeUpdate("update claim_counts_state set deferred = true where id = 1");
    }

    /** The app's own recount, which also tells its caches that the data changed behind its back. */
    private static void countAgain() {
        Arc.container().instance(ClaimCountsRefill.class).get().countAgain();
    }

    private static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(jdbcUrl(),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(""),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
