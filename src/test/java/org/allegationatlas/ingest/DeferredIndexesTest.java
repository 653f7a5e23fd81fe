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
 * The claim indexes a command-line import into a fresh PostgreSQL database defers (DeferredIndexes): dropped and
 * recorded in one transaction, built again from the record at the next start however the import ended (here as a
 * kill would leave them: dropped, recorded, never built), and left alone in a populated database and on H2.
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

    @AfterEach
    void indexesBack() {
        indexes.buildRecorded(); // a failed test must not leave the other tests without them
    }

    @Test
    void deferredIndexesAreRecordedAndBuiltAgainFromTheRecord() throws Exception {
        assumeTrue("postgresql".equals(dbKind), "PostgreSQL only (on H2, see below)");
        Set<String> before = claimIndexes();
        assertTrue(before.contains("claim_against") && before.contains("claim_stated") && before.contains("claim_article"), before.toString());

        List<String> deferred = indexes.deferIfAtMost(DeferredIndexes.FEW_CLAIMS);
        Set<String> left = claimIndexes();
        assertTrue(deferred.contains("claim_against") && deferred.contains("claim_claimant"), deferred.toString());
        assertTrue(left.contains("claim_article"), "the import reads through it: " + left);
        deferred.forEach(name -> assertFalse(left.contains(name), name + " was dropped: " + left));
        assertEquals(new TreeSet<>(deferred), recorded(), "each dropped index recorded");
        assertEquals(9, deferred.size(), "V1's claim indexes but claim_article: " + deferred);

        // as the start after a killed import: what is recorded is built again, and the record cleared
        indexes.atStart(null);
        assertEquals(before, claimIndexes());
        assertTrue(recorded().isEmpty());
        assertTrue(indexes.buildRecorded().isEmpty(), "nothing left to build");
    }

    @Test
    void theCommandLineImportIntoAFreshDatabaseBuildsTheIndexesItDeferredAtItsEnd(@TempDir Path dir) throws Exception {
        assumeTrue("postgresql".equals(dbKind), "PostgreSQL only");
        assumeTrue(claims() <= DeferredIndexes.FEW_CLAIMS, "a database with few claims, as a fresh one holds");
        Set<String> before = claimIndexes();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("articles.jsonl");
        Files.write(file, List.of(ImportTestData.line(run, 1), ImportTestData.line(run, 2)));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(0, importCommand.run(file, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("Built the claims' 9 deferred indexes"), output);
        assertTrue(output.contains("Imported 2 articles (4 claims)"), output);
        assertEquals(before, claimIndexes(), "every index back at the import's end");
        assertTrue(recorded().isEmpty());
    }

    @Test
    void anImportBuildsAtItsEndWhatAnImportKilledBesideItDeferred(@TempDir Path dir) throws Exception {
        // two imports at once: the first deferred the indexes, the second found none to defer; the first is killed
        assumeTrue("postgresql".equals(dbKind), "PostgreSQL only");
        Set<String> before = claimIndexes();
        assertEquals(9, indexes.deferIfAtMost(Integer.MAX_VALUE).size(), "the killed import's deferral");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("articles.jsonl");
        Files.write(file, List.of(ImportTestData.line(run, 1)));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(0, importCommand.run(file, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("Built the claims' 9 deferred indexes"), output);
        assertEquals(before, claimIndexes(), "every index back at the import's end");
        assertTrue(recorded().isEmpty());
    }

    @Test
    void aRecordWhoseIndexIsThereIsHarmless() throws Exception {
        // e.g. written by hand, or a start that built the index while another start was building the same
        assumeTrue("postgresql".equals(dbKind));
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
        assumeTrue("postgresql".equals(dbKind));
        BulkImport.Session session = bulkImport.start(new BulkImport.Listener() {
        });
        session.accept(ImportTestData.line(UUID.randomUUID().toString().substring(0, 8), 1));
        assertEquals(0, session.finish().badLines());
        Set<String> before = claimIndexes();
        assertEquals(List.of(), indexes.deferIfAtMost(0));
        assertEquals(before, claimIndexes());
        assertTrue(recorded().isEmpty());
    }

    @Test
    void theEmbeddedDatabaseKeepsItsIndexes() throws Exception {
        // tried: H2 built them again more slowly than it kept them up to date
        assumeTrue("h2".equals(dbKind));
        Set<String> before = claimIndexes();
        assertEquals(List.of(), indexes.deferIfFresh());
        assertEquals(before, claimIndexes());
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
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getIndexInfo(null, null, "postgresql".equals(dbKind) ? "claim" : "CLAIM",
                        false, false)) {
            while (rows.next()) {
                if (rows.getString("INDEX_NAME") != null) {
                    names.add(rows.getString("INDEX_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return names;
    }

    private Set<String> recorded() throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select name from deferred_index")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
