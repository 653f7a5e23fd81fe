package org.allegationatlas.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.json.JsonObject;

import org.allegationatlas.RunningApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app upgrades an embedded database of an older release by a plain start, all or nothing: it keeps a
 * copy before the first migration and removes it once all succeeded; a start after an upgrade that did not finish
 * (killed half-way, or failed: H2 had already committed part of a migration) puts the copy back and upgrades again.
 */
class UpgradeIT {

    private static final int CLAIMS = 3000;
    private static final String QUESTION = "{ claims(first: 1) { totalCount } claimTotals { asSubject } }";

    @BeforeEach
    void embeddedOnly() {
        Assumptions.assumeTrue("h2".equals(System.getProperty("atlas.db-kind", "h2")), "about the embedded H2 database's file");
    }

    @Test
    void aDatabaseFromBeforeV7IsUpgradedByAPlainStartKeepingACopyUntilItSucceeded(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        OldDatabase.create(data, CLAIMS, "6");
        try (RunningApp app = RunningApp.start(data)) {
            String log = app.log();
            assertTrue(log.contains("Upgrading the database: keeping a copy of it first"), log);
            assertEveryClaimCounted(app.graphql(null, QUESTION, null));
        }
        assertFalse(Files.exists(data.resolve(UpgradeBackup.IN_PROGRESS)), "the copy is removed once the upgrade succeeded");
    }

    @Test
    void aStartAfterAnUpgradeThatDidNotFinishPutsTheDatabaseBackAndUpgradesAgain(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        OldDatabase.create(data, CLAIMS, "6");
        // the copy an interrupted upgrade left, then what H2 had committed of V7 when it stopped: one of its tables
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(data.resolve(UpgradeBackup.IN_PROGRESS)))) {
            zip.putNextEntry(new ZipEntry("atlas.mv.db"));
            Files.copy(data.resolve("atlas.mv.db"), zip);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath() + "/atlas", "", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create table country_claim_counts (span char(1))");
        }
        try (RunningApp app = RunningApp.start(data)) {
            String log = app.log();
            assertTrue(log.contains("An upgrade of the database did not finish: putting back the database as it was before it"), log);
            assertEveryClaimCounted(app.graphql(null, QUESTION, null));
        }
        assertFalse(Files.exists(data.resolve(UpgradeBackup.IN_PROGRESS)), "put back once, then removed");
        try (var kept = Files.list(data)) {
            assertTrue(kept.anyMatch(p -> p.getFileName().toString().startsWith("atlas.mv.db.before-restore-")),
                    "the half-upgraded file is kept beside it");
        }
    }

    /** Every generated claim (and the seed's) is there, and the map counts each one that has a subject country. */
    private static void assertEveryClaimCounted(JsonObject data) {
        int claims = data.getJsonObject("claims").getInt("totalCount");
        int counted = data.getJsonArray("claimTotals").getValuesAs(JsonObject.class).stream().mapToInt(t -> t.getInt("asSubject")).sum();
        assertTrue(claims >= CLAIMS, () -> "claims: " + claims);
        assertEquals(claims, counted, "every claim counted on the map after the upgrade");
    }
}
