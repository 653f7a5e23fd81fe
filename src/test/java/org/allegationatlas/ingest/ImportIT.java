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

import org.allegationatlas.PackagedApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app's {@code import FILE}, killed with SIGKILL half-way: the batches it
 * committed stay, and running the same command again completes the import without duplicates.
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

        Path thirdOutput = dir.resolve("third.log");
        Process third = PackagedApp.start(thirdOutput, settings, "import", file.toString());
        assertTrue(third.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, third.exitValue(), Files.readString(thirdOutput));
        assertTrue(Files.readString(thirdOutput).contains("Imported 3,000 articles"), Files.readString(thirdOutput));
    }
}
