package org.allegationatlas.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.allegationatlas.PackagedApp;
import org.allegationatlas.RunningApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of the embedded database made while it serves ({@code POST /backup}, editors only),
 * restored after later writes: with {@code restore FILE} once the service is stopped (refused
 * while it runs), and by dropping {@code restore.zip} into the data directory before a start. The
 * restored service answers as the database did at the backup, and its answers follow the writes
 * made after the restore.
 */
class BackupRestoreIT {

    private static final String EDITOR = "backup-editor";
    private static final String READER = "backup-reader";
    // with the map's and the matrix's counts, kept at write time in tables of their own (V7): restored with the rest
    private static final String QUESTION = "{ articles(first: 100) { totalCount edges { node { url claims { summary } } } }"
            + " claimTotals(filter: { stance: [ALLEGES] }) { country { code } asSubject asClaimant }"
            + " allegationMatrix { accuser { code } accused { code } count } }";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aBackupMadeWhileServingRestoresToTheStateItCopied(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getProperty("atlas.db-kind", "h2")), "about the embedded H2 database");
        String[] settings = { "-Datlas.auth.tokens=editor:" + EDITOR + ",reader:" + READER };
        Path backup = dir.resolve("atlas-backup.zip");
        String atBackup;

        try (RunningApp app = RunningApp.start(dir, settings)) {
            ingest(app, "https://test.invalid/backup/before", "Fiji accused Tuvalu of hiding boats.");
            atBackup = ask(app);
            assertEquals(atBackup, ask(app), "asked again: the cached answer");

            Path refusal = dir.resolve("refusal.json");
            assertEquals(401, backup(app, null, refusal).statusCode(), "anonymous callers get no copy of the database");
            assertEquals(403, backup(app, READER, refusal).statusCode(), "nor do readers");
            HttpResponse<Path> made = backup(app, EDITOR, backup);
            assertEquals(200, made.statusCode());
            assertEquals("application/zip", made.headers().firstValue("Content-Type").orElse(""));
            assertTrue(Files.size(backup) > 10_000, "a zip holding the database");
            assertTrue(made.headers().firstValue("X-Atlas-Data-Version").isPresent());

            ingest(app, "https://test.invalid/backup/after", "Tuvalu accused Fiji of hiding boats.");
            assertNotEquals(atBackup, ask(app), "a write after the backup");

            Path refusedLog = dir.resolve("restore-refused.log");
            Process refused = PackagedApp.start(refusedLog, List.of("-Datlas.data-dir=" + dir), "restore", backup.toString());
            assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, refused.exitValue(), Files.readString(refusedLog));
            assertTrue(Files.readString(refusedLog).contains("is in use: stop the service first"), Files.readString(refusedLog));
            assertNotEquals(atBackup, ask(app), "a refused restore changes nothing");
            app.stop();
        }
        assertTrue(leftovers(dir).isEmpty(), "no copy is left behind: " + leftovers(dir));

        Path restoreLog = dir.resolve("restore.log");
        Process restore = PackagedApp.start(restoreLog, List.of("-Datlas.data-dir=" + dir), "restore", backup.toString());
        assertTrue(restore.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, restore.exitValue(), Files.readString(restoreLog));
        assertTrue(Files.readString(restoreLog).contains("the database it replaced is kept as atlas.mv.db.before-restore-"),
                Files.readString(restoreLog));

        try (RunningApp app = RunningApp.start(dir, settings)) {
            assertEquals(atBackup, ask(app), "the restored database answers as it did when the backup was made");
            ingest(app, "https://test.invalid/backup/restored", "Nauru accused Palau of hiding boats.");
            String afterWrite = ask(app);
            assertTrue(afterWrite.contains("/backup/restored") && !afterWrite.contains("/backup/after"), afterWrite);
            // one allegation at the backup (the one after it is gone with the restore), and the new one
            assertTrue(afterWrite.contains("{\"accuser\":{\"code\":\"FJ\"},\"accused\":{\"code\":\"TV\"},\"count\":2}"),
                    "the counts follow the restore, then the write: " + afterWrite);
            app.stop();
        }

        // in a container: copy the backup into the data directory as restore.zip and restart
        Files.copy(backup, dir.resolve(DatabaseRestore.ON_START));
        try (RunningApp app = RunningApp.start(dir, settings)) {
            assertEquals(atBackup, ask(app), "restored at the start");
            assertTrue(app.log().contains("restoring it before the start"), app.log());
        }
        assertFalse(Files.exists(dir.resolve(DatabaseRestore.ON_START)), "restored once, not at every start");
    }

    private static String ask(RunningApp app) throws Exception {
        return app.graphql(READER, QUESTION, null).toString();
    }

    private static void ingest(RunningApp app, String url, String sentence) throws Exception {
        Map<String, Object> input = Map.of("url", url, "language", "en", "body", sentence, "actors", List.of(
                Map.of("key", "a", "name", "Fiji", "kind", "STATE", "country", "FJ"),
                Map.of("key", "b", "name", "Tuvalu", "kind", "STATE", "country", "TV")), "claims", List.of(
                Map.of("claimant", "a", "subject", "b", "stance", "ALLEGES", "category", "OTHER", "summary", sentence,
                        "quote", sentence)));
        app.graphql(EDITOR, "mutation($input: ArticleInput!) { ingestArticle(input: $input) { id } }", Map.of("input", input));
    }

    private static HttpResponse<Path> backup(RunningApp app, String token, Path into) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.base() + "/backup")).timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofFile(into));
    }

    private static List<Path> leftovers(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".backup-")).toList();
        }
    }
}
