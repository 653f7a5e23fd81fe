package org.allegationatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.allegationatlas.PackagedApp;
import org.allegationatlas.RunningApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app's {@code import FILE}, killed with SIGKILL half-way: the batches it
 * committed stay, and running the same command again completes the import without duplicates.
 * The import counts its claims for the map once at its end: killed before that, the next start
 * counts them, so the map and the matrix always agree with the claims.
 */
class ImportIT {

    private static final int ARTICLES = 3000;

    @Test
    void killedImportKeepsItsBatchesAndCanBeRerun(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getProperty("atlas.db-kind", "h2")),
                "about the embedded H2 default: its data directory");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            lines.add(ImportTestData.line(run, i));
        }
        Path file = Files.write(dir.resolve("articles.jsonl"), lines);
        List<String> settings = List.of("-Datlas.data-dir=" + dir.toAbsolutePath(), "-Datlas.import.batch-size=50");

        Path firstOutput = dir.resolve("first.log");
        Process first = PackagedApp.start(firstOutput, settings, "import", file.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.readString(firstOutput).contains(" articles, ") && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100); // until the first progress report: some batches are committed
        }
        assertTrue(first.isAlive(), "the import should still be running when killed:\n" + Files.readString(firstOutput));
        first.destroyForcibly().waitFor();
        int kept = assertTheMapCountsTheClaims(dir, "after the import was killed", true);
        assertTrue(kept > 0 && kept < ARTICLES, "some batches were committed before the kill: " + kept);

        Path secondOutput = dir.resolve("second.log");
        Process second = PackagedApp.start(secondOutput, settings, "import", file.toString());
        assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the re-run finishes");
        String summary = Files.readString(secondOutput);
        assertEquals(0, second.exitValue(), summary);
        assertTrue(summary.contains("Imported 3,000 articles (6,000 claims) from 3,000 lines"), summary);
        // the import ends by compacting the H2 file, quietly; the third run below finds every article intact
        Matcher compacted = Pattern.compile("Compacted ([\\d,]+) MB to ([\\d,]+) MB").matcher(summary);
        assertTrue(compacted.find(), summary);
        assertTrue(Integer.parseInt(compacted.group(2).replace(",", "")) <= Integer.parseInt(compacted.group(1).replace(",", "")),
                summary);
        assertFalse(summary.contains("WARN") || Files.exists(dir.resolve("atlas.trace.db")), summary);
        assertTrue(summary.contains("Counted the claims for the map in"), summary);
        assertEquals(ARTICLES, assertTheMapCountsTheClaims(dir, "after the import was run again", false));

        Path thirdOutput = dir.resolve("third.log");
        Process third = PackagedApp.start(thirdOutput, settings, "import", file.toString());
        assertTrue(third.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, third.exitValue(), Files.readString(thirdOutput));
        assertTrue(Files.readString(thirdOutput).contains("Imported 3,000 articles"), Files.readString(thirdOutput));
    }

    /**
     * Starts the service on the imported database and compares what the map and who-accuses-whom show for the
     * import's two countries with the claims themselves; returns the number of Palau's allegations against Nauru.
     */
    private static int assertTheMapCountsTheClaims(Path dir, String when, boolean countedAtStart) throws Exception {
        try (RunningApp app = RunningApp.start(dir)) {
            assertEquals(countedAtStart, app.log().contains("counting the claims again"), app.log());
            JsonObject data = app.graphql(null, """
                    { against: claims(filter: { subjectCountry: "NR" }, first: 0) { totalCount }
                      alleged: claims(filter: { claimantCountry: "PW", subjectCountry: "NR", stance: [ALLEGES] }, first: 0) { totalCount }
                      claimTotals { country { code } asSubject }
                      allegationMatrix { accuser { code } accused { code } count } }""", null);
            int against = data.getJsonObject("against").getInt("totalCount");
            int alleged = data.getJsonObject("alleged").getInt("totalCount");
            assertEquals(against, data.getJsonArray("claimTotals").stream().map(JsonValue::asJsonObject)
                    .filter(t -> "NR".equals(t.getJsonObject("country").getString("code"))).mapToInt(t -> t.getInt("asSubject"))
                    .sum(), "the map's allegations against Nauru " + when + ": " + data);
            assertEquals(alleged, data.getJsonArray("allegationMatrix").stream().map(JsonValue::asJsonObject)
                    .filter(p -> "PW".equals(p.getJsonObject("accuser").getString("code"))
                            && "NR".equals(p.getJsonObject("accused").getString("code")))
                    .mapToInt(p -> p.getInt("count")).sum(), "who accuses whom, Palau and Nauru, " + when + ": " + data);
            return alleged;
        }
    }
}
