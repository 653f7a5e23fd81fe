package org.allegationatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The claim indexes a command-line import into a fresh database defers (DeferredIndexes), on PostgreSQL and on H2:
 * recorded before they are dropped, built again from the record at the next start however the import ended (here as a
 * kill would leave them: dropped, recorded, never built), and left alone in a populated database. On H2 those that
 * back a foreign key stay.
 */
@QuarkusTest
class DeferredIndexesTest {

    @Inject
    DeferredIndexes indexes;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    BulkImport bulkImport;
    @Inject
    ImportCommand importCommand;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** V1's ten claim indexes but claim_article; on H2 also but the three others its foreign keys use. */
    private int deferrable() {
        return postgresql() ? 9 : 6;
    }

    /** V7's count tables' indexes but their primary keys. */
    private static final Set<String> COUNT_INDEXES = Set.of("country_claim_counts_read", "country_claim_counts_country",
            "country_pair_counts_read", "country_pair_counts_subject", "country_pair_counts_claimant");

    private boolean postgresql() {
        return "postgresql".equals(dbKind);
    }

    @AfterEach
    void indexesBack() {
        indexes.buildRecorded(); // a failed test must not leave the other tests without them
    }

    @Test
    void deferredIndexesAreRecordedAndBuiltAgainFromTheRecord() throws Exception {
        Set<String> before = claimIndexes();
        assertTrue(before.contains("claim_against") && before.contains("claim_stated") && before.contains("claim_article"), before.toString());

        Set<String> deferred = lowerCase(indexes.deferIfAtMost(DeferredIndexes.FEW_CLAIMS));
        Set<String> left = claimIndexes();
        assertTrue(deferred.contains("claim_against") && deferred.contains("claim_claimant"), deferred.toString());
        assertTrue(left.contains("claim_article"), "the import reads through it: " + left);
        deferred.forEach(name -> assertFalse(left.contains(name), name + " was dropped: " + left));
        assertEquals(deferred, recorded(), "each dropped index recorded");
        assertEquals(deferrable(), deferred.size(), deferred.toString());
        if (!postgresql()) {
            assertTrue(left.containsAll(Set.of("claim_counterparty", "claim_place", "claim_responds_to")), "H2's foreign keys use them: " + left);
        }

        // as the start after a killed import: what is recorded is built again, and the record cleared
        indexes.atStart(null);
        assertEquals(before, claimIndexes());
        assertTrue(recorded().isEmpty());
        assertTrue(indexes.buildRecorded().isEmpty(), "nothing left to build");
    }

    @Test
    void theCountTablesIndexesButTheirPrimaryKeysAreDeferredAndBuiltAgainFromTheRecord() throws Exception {
        Set<String> before = countIndexes();
        assertTrue(before.containsAll(COUNT_INDEXES), before.toString());

        Set<String> deferred = lowerCase(indexes.deferCountIndexesIfAtMost(Integer.MAX_VALUE));
        assertEquals(COUNT_INDEXES, deferred);
        Set<String> left = countIndexes();
        deferred.forEach(name -> assertFalse(left.contains(name), name + " was dropped: " + left));
        assertEquals(2, left.size(), "the primary keys stay, through which a tally adds to a row: " + left);
        assertEquals(deferred, recorded(), "each dropped index recorded");

        // as the start after an import killed while it added its tally
        indexes.atStart(null);
        assertEquals(before, countIndexes());
        assertTrue(recorded().isEmpty());
    }

    @Test
    void theClaimsIndexesAreBuiltWhileTheCountTablesWaitForTheTally() throws Exception {
        // the embedded import's order: the count tables' indexes deferred, the claims' built while the tally goes in
        Set<String> claimsBefore = claimIndexes();
        Set<String> countsBefore = countIndexes();
        Set<String> claims = lowerCase(indexes.deferIfAtMost(Integer.MAX_VALUE));
        List<String> counts = indexes.deferCountIndexesIfAtMost(Integer.MAX_VALUE);

        assertEquals(claims, lowerCase(indexes.buildRecordedBut(counts)));
        assertEquals(claimsBefore, claimIndexes());
        assertEquals(COUNT_INDEXES, recorded(), "the count tables' indexes still wait, recorded");
        Set<String> countsLeft = countIndexes();
        COUNT_INDEXES.forEach(name -> assertFalse(countsLeft.contains(name), name));

        assertEquals(COUNT_INDEXES, lowerCase(indexes.buildRecorded()));
        assertEquals(countsBefore, countIndexes());
        assertTrue(recorded().isEmpty());
    }

    @Test
    void countTablesWithManyRowsKeepTheirIndexes() throws Exception {
        assumeTrue(countRows() > 0, "some count rows");
        Set<String> before = countIndexes();
        assertEquals(List.of(), indexes.deferCountIndexesIfAtMost(0));
        assertEquals(before, countIndexes());
        assertTrue(recorded().isEmpty());
    }

    @Test
    void theCommandLineImportIntoAFreshDatabaseBuildsTheIndexesItDeferredAtItsEnd(@TempDir Path dir) throws Exception {
        assumeTrue(claims() <= DeferredIndexes.FEW_CLAIMS, "a database with few claims, as a fresh one holds");
        Set<String> before = claimIndexes();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("articles.jsonl");
        Files.write(file, List.of(ImportTestData.line(run, 1), ImportTestData.line(run, 2)));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(0, importCommand.run(file, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("Built the claims' " + deferrable() + " deferred indexes"), output);
        assertTrue(output.contains("Imported 2 articles (4 claims)"), output);
        assertEquals(before, claimIndexes(), "every index back at the import's end");
        if (!postgresql() && countRows() <= DeferredIndexes.FEW_COUNT_ROWS) {
            // the embedded database's import counts at its end, into count tables whose indexes wait for it
            assertTrue(output.contains("Built the counts' " + COUNT_INDEXES.size() + " deferred indexes"), output);
            assertTrue(countIndexes().containsAll(COUNT_INDEXES), countIndexes().toString());
        }
        assertTrue(recorded().isEmpty());
    }

    @Test
    void anImportBuildsAtItsEndWhatAnImportKilledBesideItDeferred(@TempDir Path dir) throws Exception {
        // two imports at once: the first deferred the indexes, the second found none to defer; the first is killed
        Set<String> before = claimIndexes();
        assertEquals(deferrable(), indexes.deferIfAtMost(Integer.MAX_VALUE).size(), "the killed import's deferral");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("articles.jsonl");
        Files.write(file, List.of(ImportTestData.line(run, 1)));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(0, importCommand.run(file, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("Built the claims' " + deferrable() + " deferred indexes"), output);
        assertEquals(before, claimIndexes(), "every index back at the import's end");
        assertTrue(recorded().isEmpty());
    }

    @Test
    void aRecordWhoseIndexIsThereIsHarmless() throws Exception {
        // e.g. written by hand, or a start that built the index while another start was building the same
        Set<String> before = claimIndexes();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into deferred_index (name, definition) values ('claim_stated',"
                    + " 'CREATE INDEX IF NOT EXISTS claim_stated ON claim (stated_on DESC NULLS LAST, id DESC)')");
        }
        assertEquals(List.of("claim_stated"), indexes.buildRecorded());
        assertEquals(before, claimIndexes());
        assertTrue(recorded().isEmpty());
    }

    @Test
    void aPopulatedDatabaseKeepsItsIndexes() throws Exception {
        BulkImport.Session session = bulkImport.start(new BulkImport.Listener() {
        });
        session.accept(ImportTestData.line(UUID.randomUUID().toString().substring(0, 8), 1));
        assertEquals(0, session.finish().badLines());
        Set<String> before = claimIndexes();
        assertEquals(List.of(), indexes.deferIfAtMost(0));
        assertEquals(before, claimIndexes());
        assertTrue(recorded().isEmpty());
    }

    private long countRows() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select (select count(*) from country_claim_counts)"
                        + " + (select count(*) from country_pair_counts)")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long claims() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from claim")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The claim table's index names, lower case, from the JDBC driver's catalog. */
    private Set<String> claimIndexes() throws SQLException {
        return indexesOf("claim");
    }

    /** Both count tables' index names, lower case. */
    private Set<String> countIndexes() throws SQLException {
        Set<String> names = indexesOf("country_claim_counts");
        names.addAll(indexesOf("country_pair_counts"));
        return names;
    }

    private Set<String> indexesOf(String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getIndexInfo(null, null,
                        postgresql() ? table : table.toUpperCase(Locale.ROOT), false, false)) {
            while (rows.next()) {
                if (rows.getString("INDEX_NAME") != null) {
                    names.add(rows.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static Set<String> lowerCase(List<String> names) {
        Set<String> lower = new TreeSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return lower;
    }

    private Set<String> recorded() throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select name from deferred_index")) {
            while (rows.next()) {
                names.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
