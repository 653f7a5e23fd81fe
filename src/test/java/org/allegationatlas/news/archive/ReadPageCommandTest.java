package org.allegationatlas.news.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.allegationatlas.news.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;

/** {@code read-page FILE [--url URL]}: one saved page's reading, as JSON. */
@QuarkusTest
class ReadPageCommandTest {

    @Inject
    ReadPageCommand command;

    @Test
    void aSavedPageIsPrintedAsItReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("markets.html.gz");
        try (TestSite site = new TestSite(); OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(site.page("https://news.example/story/markets", "Markets", site.story("markets", false)).getBytes(StandardCharsets.UTF_8));
            out.close();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();

            int exit = command.run(file, "https://news.example/markets?utm=x", new PrintStream(printed, true, StandardCharsets.UTF_8),
                    new PrintStream(errors, true, StandardCharsets.UTF_8));

            assertEquals(0, exit, errors.toString(StandardCharsets.UTF_8));
            JsonObject page = Json.createReader(new StringReader(printed.toString(StandardCharsets.UTF_8))).readObject();
            assertEquals("https://news.example/markets?utm=x", page.getString("url"));
            assertEquals("https://news.example/story/markets", page.getString("canonicalUrl"));
            assertEquals("Markets", page.getString("title"));
            assertEquals("Test Post", page.getString("publisher"));
            assertEquals("2024-05-02", page.getString("publishedOn"));
            assertEquals("en", page.getString("language"));
            assertEquals(String.join("\n\n", site.story("markets", false)), page.getString("body"));
        }
    }

    @Test
    void aMissingFileOrABadUrlIsSaidSo(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        assertEquals(2, command.run(dir.resolve("none.html"), null, System.out, err));
        Path page = Files.writeString(dir.resolve("p.html"), "<p>x</p>");
        assertEquals(2, command.run(page, "file:///etc/passwd", System.out, err));
        String said = errors.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("cannot read") && said.contains("is not an http(s) address"), said);
    }
}
