package org.allegationatlas.claim;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.h2.api.Trigger;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * H2's half of V8 (PostgreSQL's is PL/pgSQL): keeps {@code country_claim_counts} and
 * {@code country_pair_counts} (V7) equal to counts of the claims, in the transaction that changes them.
 * On claim: after a row is inserted, updated or deleted, its counts move (language from its article).
 * On article: before a row is deleted, its claims' counts go (the claims the delete cascades to then
 * find no article and leave the counts alone); when its language changes, its claims' counts move.
 * While a bulk import has deferred the counts (V9, {@link ClaimCountsRefill}) it leaves them alone.
 * H2 instantiates this class by name, stored in the database (so it must not move).
 */
@RegisterForReflection
public class ClaimCountsTrigger implements Trigger {

    static final String BUMP_COUNTRY = "merge into country_claim_counts t using (values (cast(? as char(1)),"
            + " cast(? as varchar(16)), cast(? as integer), cast(? as char(1)), cast(? as varchar(2)), cast(? as varchar(32)),"
            + " cast(? as varchar(35)), cast(? as bigint))) v (span, stance, period, role, country, category, language, claims)"
            + " on t.span = v.span and t.stance = v.stance and t.period = v.period and t.role = v.role and t.country = v.country"
            + " and t.category = v.category and t.language = v.language"
            + " when matched and t.claims + v.claims = 0 then delete"
            + " when matched then update set claims = t.claims + v.claims"
            + " when not matched then insert values (v.span, v.stance, v.period, v.role, v.country, v.category, v.language, v.claims)";
    static final String BUMP_PAIR = "merge into country_pair_counts t using (values (cast(? as char(1)),"
            + " cast(? as varchar(16)), cast(? as integer), cast(? as varchar(2)), cast(? as varchar(2)), cast(? as varchar(32)),"
            + " cast(? as varchar(35)), cast(? as bigint))) v (span, stance, period, claimant_country, subject_country, category,"
            + " language, claims)"
            + " on t.span = v.span and t.stance = v.stance and t.period = v.period and t.claimant_country = v.claimant_country"
            + " and t.subject_country = v.subject_country and t.category = v.category and t.language = v.language"
            + " when matched and t.claims + v.claims = 0 then delete"
            + " when matched then update set claims = t.claims + v.claims"
            + " when not matched then insert values (v.span, v.stance, v.period, v.claimant_country, v.subject_country,"
            + " v.category, v.language, v.claims)";
    private static final String CLAIMS_OF_ARTICLE = "select subject_country, claimant_country, stance, category, stated_on"
            + " from claim where article_id = ?";

    private boolean onArticle;
    private final Map<String, Integer> columns = new HashMap<>();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        onArticle = "ARTICLE".equalsIgnoreCase(tableName);
        DatabaseMetaData meta = conn.getMetaData();
        try (ResultSet rs = meta.getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("ORDINAL_POSITION") - 1);
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (countsDeferred(conn)) {
            return;
        }
        if (onArticle) {
            Object oldLanguage = get(oldRow, "language");
            if (newRow == null) {
                countArticle(conn, get(oldRow, "id"), (String) oldLanguage, -1);
            } else if (!Objects.equals(oldLanguage, get(newRow, "language"))) {
                countArticle(conn, get(oldRow, "id"), (String) oldLanguage, -1);
                countArticle(conn, get(newRow, "id"), (String) get(newRow, "language"), 1);
            }
            return;
        }
        if (oldRow != null && newRow != null && sameCounts(oldRow, newRow)) {
            return; // a summary, quote or link changed: no count moves
        }
        if (oldRow != null) {
            String language = languageOf(conn, get(oldRow, "article_id"));
            if (language != null) { // null: the article is being deleted, and its trigger took its claims' counts
                count(conn, claimOf(oldRow), language, -1);
            }
        }
        if (newRow != null) {
            count(conn, claimOf(newRow), languageOf(conn, get(newRow, "article_id")), 1);
        }
    }

    private record Counted(String subject, String claimant, String stance, String category, LocalDate statedOn) {
    }

    private Counted claimOf(Object[] row) {
        return new Counted(code(get(row, "subject_country")), code(get(row, "claimant_country")), (String) get(row, "stance"),
                (String) get(row, "category"), date(get(row, "stated_on")));
    }

    private boolean sameCounts(Object[] oldRow, Object[] newRow) {
        for (String column : new String[] { "article_id", "subject_country", "claimant_country", "stance", "category", "stated_on" }) {
            if (!Objects.equals(get(oldRow, column), get(newRow, column))) {
                return false;
            }
        }
        return true;
    }

    private static void countArticle(Connection conn, Object articleId, String language, int delta) throws SQLException {
        try (PreparedStatement claims = conn.prepareStatement(CLAIMS_OF_ARTICLE)) {
            claims.setObject(1, articleId);
            try (ResultSet rs = claims.executeQuery()) {
                while (rs.next()) {
                    count(conn, new Counted(code(rs.getString(1)), code(rs.getString(2)), rs.getString(3), rs.getString(4),
                            date(rs.getObject(5))), language, delta);
                }
            }
        }
    }

    /** Moves one claim's counts by {@code delta} at each of its spans. */
    private static void count(Connection conn, Counted claim, String language, int delta) throws SQLException {
        try (PreparedStatement country = conn.prepareStatement(BUMP_COUNTRY);
                PreparedStatement pair = conn.prepareStatement(BUMP_PAIR)) {
            for (ClaimPeriods.Span span : ClaimPeriods.spansOf(claim.statedOn())) {
                for (String role : new String[] { "S", "C" }) {
                    String code = "S".equals(role) ? claim.subject() : claim.claimant();
                    bind(country, span, claim.stance(), role, code == null ? "" : code, claim.category(), language, delta);
                    country.addBatch();
                }
                if (claim.subject() != null && claim.claimant() != null) {
                    bind(pair, span, claim.stance(), claim.claimant(), claim.subject(), claim.category(), language, delta);
                    pair.addBatch();
                }
            }
            country.executeBatch();
            pair.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, ClaimPeriods.Span span, String stance, String first, String second,
            String category, String language, int delta) throws SQLException {
        statement.setString(1, span.code());
        statement.setString(2, stance);
        statement.setInt(3, span.period());
        statement.setString(4, first);
        statement.setString(5, second);
        statement.setString(6, category);
        statement.setString(7, language);
        statement.setLong(8, delta);
    }

    private static boolean countsDeferred(Connection conn) throws SQLException {
        try (PreparedStatement statement = conn.prepareStatement("select deferred from claim_counts_state where id = 1");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String languageOf(Connection conn, Object articleId) throws SQLException {
        try (PreparedStatement statement = conn.prepareStatement("select language from article where id = ?")) {
            statement.setObject(1, articleId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private Object get(Object[] row, String column) {
        return row[columns.get(column)];
    }

    private static String code(Object value) {
        return value == null ? null : value.toString().trim();
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }
}
