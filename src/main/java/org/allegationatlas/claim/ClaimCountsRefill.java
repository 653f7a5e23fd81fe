package org.allegationatlas.claim;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.allegationatlas.common.data.ConnectionSettings;
import org.allegationatlas.common.data.DataVersion;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Counts every claim again into the counts of V7, for a bulk import that deferred them (V9): row by row,
 * the triggers made the import of the embedded database 2.4 times slower than counting once at its end.
 * The months and the years are counted a month and a year of claims at a time, read through the claims'
 * date index with each claim's article language looked up (so that no database plans a scan of every
 * article per month), and all time from the years plus the undated claims: every statement stays short and
 * memory flat at a million claims (the statement timeout, meant for callers' reads, is lifted here). Deferred
 * stays set until the last statement, so an import or a count killed on the way is counted again at the next start,
 * before the app serves anything.
 */
@ApplicationScoped
public class ClaimCountsRefill {

    private static final Logger LOG = Logger.getLogger(ClaimCountsRefill.class);

    /** One span's rows from the claims ({@code %s}: the period's expression, then the claims' condition). */
    private static final String COUNTRY_ROWS_FROM_CLAIMS = """
            insert into country_claim_counts (span, stance, period, role, country, category, language, claims)
            select span, stance, period, role, country, category, language, count(*) from (
                select cast(? as char(1)) as span, c.stance, %s as period, r.role,
                       coalesce(case r.role when 'S' then c.subject_country else c.claimant_country end, '') as country,
                       c.category, (select a.language from article a where a.id = c.article_id) as language
                from claim c
                cross join (select 'S' as role union all select 'C') r
                where %s
            ) counted
            group by span, stance, period, role, country, category, language""";
    private static final String PAIR_ROWS_FROM_CLAIMS = """
            insert into country_pair_counts (span, stance, period, claimant_country, subject_country, category, language, claims)
            select span, stance, period, claimant_country, subject_country, category, language, count(*) from (
                select cast(? as char(1)) as span, c.stance, %s as period, c.claimant_country, c.subject_country, c.category,
                       (select a.language from article a where a.id = c.article_id) as language
                from claim c
                where %s and c.claimant_country is not null and c.subject_country is not null
            ) counted
            group by span, stance, period, claimant_country, subject_country, category, language""";
    private static final String MONTH = "extract(year from c.stated_on) * 100 + extract(month from c.stated_on)";
    private static final String YEAR = "extract(year from c.stated_on)";
    private static final String IN_RANGE = "c.stated_on >= ? and c.stated_on < ?";

    /** All time: the years' rows and the undated claims (one row per claim). */
    private static final String COUNTRY_ALL_TIME = """
            insert into country_claim_counts (span, stance, period, role, country, category, language, claims)
            select 'A', stance, 0, role, country, category, language, sum(claims) from (
                select stance, role, country, category, language, claims from country_claim_counts where span = 'Y'
                union all
                select c.stance, r.role, coalesce(case r.role when 'S' then c.subject_country else c.claimant_country end, ''),
                       c.category, (select a.language from article a where a.id = c.article_id), 1
                from claim c
                cross join (select 'S' as role union all select 'C') r
                where c.stated_on is null
            ) counted
            group by stance, role, country, category, language""";
    private static final String PAIR_ALL_TIME = """
            insert into country_pair_counts (span, stance, period, claimant_country, subject_country, category, language, claims)
            select 'A', stance, 0, claimant_country, subject_country, category, language, sum(claims) from (
                select stance, claimant_country, subject_country, category, language, claims from country_pair_counts where span = 'Y'
                union all
                select c.stance, c.claimant_country, c.subject_country, c.category,
                       (select a.language from article a where a.id = c.article_id), 1
                from claim c
                where c.stated_on is null and c.claimant_country is not null and c.subject_country is not null
            ) counted
            group by stance, claimant_country, subject_country, category, language""";

    /**
     * Up to this many count rows per table (a fresh database's seed article holds a few dozen) are read before a
     * tally is added, so that its other rows are inserted, not merged.
     */
    static final int FEW_HELD_ROWS = 100_000;

    @Inject
    AgroalDataSource dataSource;

    /** Whether the counts wait for {@link #countAgain()}: an import deferred them and has not finished. */
    public boolean deferred() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select deferred from claim_counts_state where id = 1")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read whether the claim counts are deferred: " + e.getMessage(), e);
        }
    }

    /**
     * From now on the triggers leave the counts alone, until {@link #countAgain()}. Only for a writer that has
     * the database to itself (the command-line import of the embedded database): the map is wrong meanwhile.
     */
    public void defer() {
        setDeferred(true);
    }

    /** Counts every claim again (see the class) and lets the triggers keep the counts from then on. */
    public void countAgain() {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // however long a busy machine or a large database makes it: the timeout is for callers' reads
            ConnectionSettings.liftStatementTimeout(connection);
            // PostgreSQL may have other writers (the servers): one transaction that holds the write lock, so that
            // none stores a claim between a month counted and the end (H2's import has the file to itself)
            boolean shared = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
            if (shared) {
                connection.setAutoCommit(false);
                statement.executeQuery("select id from ingest_lock where id = 1 for update").close();
            }
            countAgainIn(connection);
            if (shared) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the claims again: " + e.getMessage(), e);
        }
        // the import prints its own line; a start that counts again says so in the log (atStart)
        LOG.debugf("Counted the claims for the map, who-accuses-whom and the country panels in %.1f s",
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Counts every claim again on the caller's connection and in its transaction: where others may write, the
     * caller holds the write lock (ingest_lock's row) until it commits. Moves the data version.
     */
    public void countAgainIn(Connection connection) throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            setDeferred(connection, true); // no trigger counts while the tables are rebuilt
            statement.executeUpdate("delete from country_claim_counts");
            statement.executeUpdate("delete from country_pair_counts");
            YearMonth[] range = datedRange(connection);
            if (range != null) {
                for (YearMonth month = range[0]; !month.isAfter(range[1]); month = month.plusMonths(1)) {
                    fromClaims(connection, "M", MONTH, month.atDay(1), month.plusMonths(1).atDay(1));
                }
                LOG.debugf("Counted the months in %.1f s", (System.nanoTime() - start) / 1e9);
                for (int year = range[0].getYear(); year <= range[1].getYear(); year++) {
                    fromClaims(connection, "Y", YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
                }
                LOG.debugf("Counted the years in %.1f s", (System.nanoTime() - start) / 1e9);
            }
            statement.executeUpdate(COUNTRY_ALL_TIME);
            statement.executeUpdate(PAIR_ALL_TIME);
            setDeferred(connection, false);
            statement.executeUpdate(DataVersion.BUMP); // no cache may keep counts from before
        }
    }

    /**
     * Adds what an import that had the database to itself counted as it stored its claims ({@link ClaimTally}), and
     * lets the triggers count again: in one transaction, so that a kill leaves the counts deferred (and counted again
     * at the next start) or complete, never half added.
     */
    public void add(ClaimTally tally) {
        CountsTransaction.run(dataSource, "Cannot add the import's claim counts", connection -> {
            try (Statement statement = connection.createStatement()) {
                tally.writeTo(connection, held(connection, "select span, stance, period, role, country, category, language"
                        + " from country_claim_counts"), held(connection, "select span, stance, period, claimant_country,"
                        + " subject_country, category, language from country_pair_counts"));
                setDeferred(connection, false);
                statement.executeUpdate(DataVersion.BUMP);
            }
            return null;
        });
    }

    /**
     * The key columns of the count rows {@code select} reads (as text, in the tables' key order), or null if there are
     * more than {@link #FEW_HELD_ROWS}.
     */
    private static Set<List<String>> held(Connection connection, String select) throws SQLException {
        Set<List<String>> held = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(select + " fetch first " + (FEW_HELD_ROWS + 1) + " rows only")) {
            while (rows.next()) {
                if (held.size() == FEW_HELD_ROWS) {
                    return null;
                }
                String[] key = new String[7];
                for (int i = 0; i < key.length; i++) {
                    key[i] = i == 2 ? Integer.toString(rows.getInt(3)) : rows.getString(i + 1);
                }
                held.add(List.of(key));
            }
        }
        return held;
    }

    /** An import killed while it deferred the counts left them wrong: count again before anything is served. */
    void atStart(@Observes StartupEvent start) {
        if (deferred()) {
            LOG.info("An import that was stopped left the claim counts unfinished: counting the claims again");
            countAgain();
            LOG.info("The claim counts are complete again");
        }
    }

    private void setDeferred(boolean deferred) {
        try (Connection connection = dataSource.getConnection()) {
            setDeferred(connection, deferred);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change whether the claim counts are deferred: " + e.getMessage(), e);
        }
    }

    private static void setDeferred(Connection connection, boolean deferred) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update claim_counts_state set deferred = ? where id = 1")) {
            update.setBoolean(1, deferred);
            update.executeUpdate();
        }
    }

    /** The first and last month with a dated claim, or null. */
    private static YearMonth[] datedRange(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select min(stated_on), max(stated_on) from claim")) {
            rs.next();
            Date first = rs.getDate(1);
            Date last = rs.getDate(2);
            return first == null ? null : new YearMonth[] { YearMonth.from(first.toLocalDate()), YearMonth.from(last.toLocalDate()) };
        }
    }

    /** A span's rows from the claims dated in [from, to). */
    private static void fromClaims(Connection connection, String span, String period, LocalDate from, LocalDate to)
            throws SQLException {
        for (String sql : new String[] { COUNTRY_ROWS_FROM_CLAIMS, PAIR_ROWS_FROM_CLAIMS }) {
            try (PreparedStatement insert = connection.prepareStatement(sql.formatted(period, IN_RANGE))) {
                insert.setString(1, span);
                insert.setObject(2, from);
                insert.setObject(3, to);
                insert.executeUpdate();
            }
        }
    }
}
