package org.allegationatlas.claim;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The counts of V7 for the claims a bulk import stored, kept in memory as it stores them, so that the import
 * that has the embedded database to itself writes them once at its end instead of counting every claim again
 * from the tables (ClaimCountsRefill.countAgain reads each claim and its article's row three times: 142 s of a
 * 200,000-article import). Each count row's key is packed into a long and counted in an open-addressing
 * long-to-long table: 16 bytes a row where boxed keys in a HashMap took about 80, and the rows are bounded by
 * the periods, countries, categories and languages, not by the number of claims. A claim this packing cannot
 * hold (a year outside 0-9999, more than 1,023 languages) makes the tally unusable: the import then counts
 * again from the tables as before.
 */
public final class ClaimTally {

    private static final String[] SPANS = { "A", "M", "Y" }; // in the order SQL sorts them
    private static final String[] STANCES = Arrays.stream(Stance.values()).map(Enum::name).sorted().toArray(String[]::new);
    private static final String[] CATEGORIES = Arrays.stream(ClaimCategory.values()).map(Enum::name).sorted().toArray(String[]::new);
    private static final int MAX_LANGUAGES = 1 << 10;

    private final LongCounts countries = new LongCounts();
    private final LongCounts pairs = new LongCounts();
    private final List<String> languages = new ArrayList<>();
    private boolean usable = true;

    /** One stored claim, as its article's language and its own fields count it. */
    public void add(Stance stance, ClaimCategory category, LocalDate statedOn, String subjectCountry, String claimantCountry,
            String language) {
        count(stance, category, statedOn, subjectCountry, claimantCountry, language, 1);
    }

    /** One deleted claim (of an article the import replaced), as it was counted: its counts go. */
    public void remove(Stance stance, ClaimCategory category, LocalDate statedOn, String subjectCountry, String claimantCountry,
            String language) {
        count(stance, category, statedOn, subjectCountry, claimantCountry, language, -1);
    }

    private void count(Stance stance, ClaimCategory category, LocalDate statedOn, String subjectCountry, String claimantCountry,
            String language, long delta) {
        if (!usable) {
            return;
        }
        int subject = country(subjectCountry);
        int claimant = country(claimantCountry);
        int lang = language(language);
        if (subject < 0 || claimant < 0 || lang < 0 || (statedOn != null && (statedOn.getYear() < 0 || statedOn.getYear() > 9999))) {
            usable = false;
            return;
        }
        long stanceCode = Arrays.binarySearch(STANCES, stance.name());
        long categoryCode = Arrays.binarySearch(CATEGORIES, category.name());
        for (ClaimPeriods.Span span : ClaimPeriods.spansOf(statedOn)) {
            // span 57-58, stance 54-56, period 34-53; countries: role 33, country 23-32; pairs: claimant 24-33,
            // subject 14-23; both: category 10-13, language 0-9
            long head = ((long) Arrays.asList(SPANS).indexOf(span.code()) + 1) << 57 | stanceCode << 54 | (long) span.period() << 34;
            long tail = categoryCode << 10 | lang;
            countries.add(head | (long) claimant << 23 | tail, delta); // role C (bit 33 clear)
            countries.add(head | 1L << 33 | (long) subject << 23 | tail, delta); // role S
            if (subjectCountry != null && claimantCountry != null) {
                pairs.add(head | (long) claimant << 24 | (long) subject << 14 | tail, delta);
            }
        }
    }

    /** Whether every claim added could be counted here. */
    public boolean usable() {
        return usable;
    }

    /** Count rows so far, both tables. */
    public int rows() {
        return countries.size() + pairs.size();
    }

    /**
     * Adds the tally to the count tables: inserts the rows they do not hold yet and adds to those they hold with the
     * statements of H2's trigger. {@code held} are the key columns (as {@link #columns}) of every row they hold, or
     * null when they hold too many to read: then every row goes through the trigger's MERGE. Inserting pays: a fresh
     * database holds the seed article's few rows, and a MERGE per row made the tally of 200,000 articles ~47 s.
     */
    void writeTo(Connection connection, Set<List<String>> heldCountries, Set<List<String>> heldPairs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into country_claim_counts (span, stance, period,"
                + " role, country, category, language, claims) values (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement bump = connection.prepareStatement(ClaimCountsTrigger.BUMP_COUNTRY)) {
            write(insert, bump, heldCountries, countries, true);
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into country_pair_counts (span, stance, period,"
                + " claimant_country, subject_country, category, language, claims) values (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement bump = connection.prepareStatement(ClaimCountsTrigger.BUMP_PAIR)) {
            write(insert, bump, heldPairs, pairs, false);
        }
    }

    /**
     * PostgreSQL: adds the tally to the count tables, beside other writers that count into the same rows; a row that
     * falls to 0 (its claims deleted) goes, as V8's triggers delete it. The rows go to the server by COPY into a
     * temporary table of the session, then into each count table with one upsert: at a million rows, JDBC batches of
     * upserts took 31 s, most of it the statements' own round trips and planning.
     */
    public void addTo(Connection connection) throws SQLException {
        addTo(connection, "country_claim_counts", "role, country", countries, true);
        addTo(connection, "country_pair_counts", "claimant_country, subject_country", pairs, false);
    }

    private void addTo(Connection connection, String table, String parties, LongCounts counts, boolean byRole) throws SQLException {
        String staged = table + "_added";
        String key = "span, stance, period, " + parties + ", category, language";
        try (Statement statement = connection.createStatement()) {
            // kept by the session, emptied by each transaction's end and before each use (a batch may add twice)
            statement.execute("create temporary table if not exists " + staged + " (like " + table + ") on commit delete rows");
            statement.execute("truncate " + staged);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + staged + " (" + key + ", claims) from stdin");
            try {
                StringBuilder rows = new StringBuilder(1 << 16);
                long[] keys = counts.keys();
                Arrays.sort(keys); // the primary key's order: its index grows at its end
                for (long k : keys) {
                    long count = counts.get(k);
                    if (count == 0) {
                        continue;
                    }
                    String[] columns = columns(k, byRole);
                    for (String column : columns) {
                        rows.append(copyText(column)).append('\t');
                    }
                    rows.append(count).append('\n');
                    if (rows.length() > 60_000) {
                        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        rows.setLength(0);
                    }
                }
                byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            // Only rows at 0 go: a row may rightly be below 0 until another import ends, when this one (or a server)
            // replaced articles which that import stored and counts at its end (V8's triggers add the same way). The
            // rows that fell to 0, positive or negative delta alike, are marked in the staged table (0 is never staged).
            String same = Arrays.stream(key.split(", ")).map(c -> "t." + c + " = d." + c).collect(Collectors.joining(" and "));
            statement.executeUpdate("with added as (insert into " + table + " as t (" + key + ", claims) select " + key
                    + ", claims from " + staged + " order by " + key + " on conflict (" + key + ") do update set claims = t.claims"
                    + " + excluded.claims returning " + key + ", claims) update " + staged + " d set claims = 0 from added t"
                    + " where t.claims = 0 and " + same);
            statement.executeUpdate("delete from " + table + " t using " + staged + " d where d.claims = 0 and " + same
                    + " and t.claims = 0");
        }
    }

    /** A count row's key columns, in the order of the tables' keys. */
    private String[] columns(long key, boolean byRole) {
        String span = SPANS[(int) (key >>> 57) - 1];
        String stance = STANCES[(int) (key >>> 54 & 7)];
        String period = Integer.toString((int) (key >>> 34 & ((1L << 20) - 1)));
        String first = byRole ? ((key >>> 33 & 1) == 0 ? "C" : "S") : code((int) (key >>> 24 & 1023));
        String second = byRole ? code((int) (key >>> 23 & 1023)) : code((int) (key >>> 14 & 1023));
        return new String[] { span, stance, period, first, second, CATEGORIES[(int) (key >>> 10 & 15)], languages.get((int) (key & 1023)) };
    }

    /** COPY's text format: backslash, tab and line ends escaped (a language is the caller's text). */
    private static String copyText(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private void write(PreparedStatement insert, PreparedStatement bump, Set<List<String>> held, LongCounts counts,
            boolean byRole) throws SQLException {
        long[] keys = counts.keys();
        Arrays.sort(keys); // the primary key's order: its index grows at its end
        int[] pending = new int[2];
        for (long key : keys) {
            long count = counts.get(key);
            if (count == 0) {
                continue;
            }
            String[] columns = columns(key, byRole);
            boolean add = held == null || held.contains(List.of(columns));
            PreparedStatement statement = add ? bump : insert;
            for (int i = 0; i < columns.length; i++) {
                if (i == 2) {
                    statement.setInt(3, Integer.parseInt(columns[2])); // the period
                } else {
                    statement.setString(i + 1, columns[i]);
                }
            }
            statement.setLong(8, count);
            statement.addBatch();
            if (++pending[add ? 1 : 0] == 1000) {
                statement.executeBatch();
                pending[add ? 1 : 0] = 0;
            }
        }
        if (pending[0] > 0) {
            insert.executeBatch();
        }
        if (pending[1] > 0) {
            bump.executeBatch();
        }
    }

    /** 0 for none, else 1 + the letters' place among AA..ZZ; -1 if not two capital letters. */
    private static int country(String code) {
        if (code == null || code.isEmpty()) {
            return 0;
        }
        String c = code.trim();
        if (c.length() != 2 || c.charAt(0) < 'A' || c.charAt(0) > 'Z' || c.charAt(1) < 'A' || c.charAt(1) > 'Z') {
            return -1;
        }
        return 1 + (c.charAt(0) - 'A') * 26 + (c.charAt(1) - 'A');
    }

    private static String code(int country) {
        return country == 0 ? "" : new String(new char[] { (char) ('A' + (country - 1) / 26), (char) ('A' + (country - 1) % 26) });
    }

    private int language(String language) {
        int at = languages.indexOf(language);
        if (at < 0) {
            if (languages.size() == MAX_LANGUAGES) {
                return -1;
            }
            languages.add(language);
            at = languages.size() - 1;
        }
        return at;
    }

    /** Counts by a non-zero long key: open addressing, linear probing, doubling at half full. */
    static final class LongCounts {
        private long[] keys = new long[1 << 12];
        private long[] values = new long[1 << 12];
        private int size;

        void add(long key, long delta) {
            int at = slot(keys, key);
            if (keys[at] == 0) {
                keys[at] = key;
                if (++size > keys.length / 2) {
                    grow();
                    at = slot(keys, key);
                }
            }
            values[at] += delta;
        }

        long get(long key) {
            int at = slot(keys, key);
            return keys[at] == key ? values[at] : 0;
        }

        int size() {
            return size;
        }

        long[] keys() {
            long[] all = new long[size];
            int n = 0;
            for (long key : keys) {
                if (key != 0) {
                    all[n++] = key;
                }
            }
            return all;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int at = slot(keys, oldKeys[i]);
                    keys[at] = oldKeys[i];
                    values[at] = oldValues[i];
                }
            }
        }

        private static int slot(long[] keys, long key) {
            int mask = keys.length - 1;
            int at = (int) (mix(key) & mask);
            while (keys[at] != 0 && keys[at] != key) {
                at = (at + 1) & mask;
            }
            return at;
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }
    }
}
