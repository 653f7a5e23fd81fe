package org.allegationatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code import FILE} on the command line: a summary, bad lines by number, exit code 1 when some were bad. */
@QuarkusMainTest
class ImportCommandTest {

    @Test
    void importsAFileAndReportsItsBadLines(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("articles.jsonl");
        Files.write(file, List.of(ImportTestData.line(run, 1), "not json", ImportTestData.line(run, 2)));

        LaunchResult result = launcher.launch("import", file.toString());
        assertEquals(1, result.exitCode(), result.getOutput());
        assertTrue(result.getOutput().contains("line 2: not an ArticleInput in JSON"), result.getOutput());
        assertTrue(result.getOutput().contains("Imported 2 articles (4 claims) from 3 lines"), result.getOutput());
    }

    @Test
    void aLineThatBreaksTheContractIsReportedByItsField(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("articles.jsonl");
        Files.write(file, List.of(ImportTestData.line(run, 1),
                "{\"url\": \"https://test.invalid/import/" + run + "/no-language\", \"body\": \"b\", \"actors\": [], \"claims\": []}",
                "{\"url\": 5}"));

        LaunchResult result = launcher.launch("import", file.toString());
        assertEquals(1, result.exitCode(), result.getOutput());
        assertTrue(result.getOutput().contains("line 2: input.language: must not be"), result.getOutput());
        assertTrue(result.getOutput().contains("line 3: input."), result.getOutput());
        assertFalse(result.getOutput().contains("could not be read"), result.getOutput());
        assertTrue(result.getOutput().contains("Imported 1 articles (2 claims) from 3 lines"), result.getOutput());
    }

    @Test
    void unreadableFileIsReported(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("import", "/nonexistent/articles.jsonl");
        assertEquals(2, result.exitCode());
        assertTrue(result.getOutput().contains("cannot read /nonexistent/articles.jsonl"), result.getOutput());
    }

    @Test
    void unknownCommandPrintsUsage(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("frobnicate");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("usage:"), result.getErrorOutput());
    }
}
