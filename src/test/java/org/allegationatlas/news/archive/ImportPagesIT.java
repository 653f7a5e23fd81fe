package org.allegationatlas.news.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.allegationatlas.PackagedApp;
import org.allegationatlas.news.TestSite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * The packaged app's {@code import-pages}: a folder holding a small WARC web archive (gzipped, as CC-NEWS is) and saved
 * pages ({@code .html.gz}, {@code .html}); each article stored once with its claims, the rest skipped or failed with
 * a reason; run again, everything is skipped. ({@code read-page}: ReadPageCommandTest.)
 */
class ImportPagesIT {

    @Test
    void aWarcAndSavedPagesAreStoredOnceEach(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getProperty("atlas.db-kind", "h2")), "about the embedded H2 default: its data directory");
        try (TestSite site = new TestSite()) { // for its page writer and its run's own text
            importAndRead(dir, site);
        }
    }

    private static void importAndRead(Path dir, TestSite site) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        try (WarcWriter warc = new WarcWriter(FileChannel.open(input.resolve("news.warc.gz"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            warc.write(response("https://news.example/world/shells", 200, "text/html; charset=utf-8",
                    site.page(null, "US accuses North Korea", site.story("shells", true))));
            warc.write(response("https://news.example/world/rain", 200, "text/html",
                    site.page("https://news.example/story/rain", "Rain", site.story("rain", false))));
            warc.write(response("https://news.example/logo.png", 200, "image/png", "PNG"));
            warc.write(response("https://news.example/old", 301, "text/html", "<a href=\"/new\">moved</a>"));
            // the first story again, syndicated at another address: the same text
            warc.write(response("https://mirror.example/shells", 200, "text/html",
                    site.page(null, "US accuses North Korea (mirror)", site.story("shells", true))));
        }
        Path saved = Files.createDirectories(input.resolve("saved"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(saved.resolve("markets.html.gz")))) {
            out.write(site.page("https://news.example/story/markets", "Markets", site.story("markets", false))
                    .getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(saved.resolve("menu.html"), "<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>");
        Files.writeString(saved.resolve("notes.txt"), "not a page");
        List<String> settings = List.of("-Datlas.data-dir=" + dir.resolve("data").toAbsolutePath());

        String first = command(dir, "first", settings, "import-pages", input.toString());
        assertTrue(first.contains("Read 5 pages from 3 files"), first);
        assertTrue(first.contains(": 3 stored ("), first);
        assertTrue(first.contains("1 skipped (stored already), 1 failed (1 no article text)"), first);
        assertTrue(first.contains("2 archive records were not HTML pages"), first);
        assertTrue(first.contains("menu.html: no article text was found on the page"), first);

        String second = command(dir, "second", settings, "import-pages", input.toString());
        assertTrue(second.contains("0 stored (0 claims), 4 skipped (stored already), 1 failed"), second);

        Map<String, JsonObject> stored = exported(dir, settings);
        JsonObject shells = stored.get("https://news.example/world/shells");
        assertEquals(String.join("\n\n", site.story("shells", true)), shells.getString("body"));
        assertEquals("Test Post", shells.getString("publisher"));
        assertEquals("2024-05-02", shells.getString("publishedOn"));
        assertFalse(shells.getJsonArray("claims").isEmpty(), "the allegation is stored with the article: " + shells);
        assertTrue(stored.containsKey("https://news.example/story/rain"), "under its canonical address: " + stored.keySet());
        assertTrue(stored.containsKey("https://news.example/story/markets"), "a saved page under its canonical address");
        assertFalse(stored.containsKey("https://mirror.example/shells"), "the same text is not stored twice");
    }

    private static WarcResponse response(String url, int status, String contentType, String body) throws Exception {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Moved")
                .body(MediaType.parse(contentType), body.getBytes(StandardCharsets.UTF_8)).build();
        return new WarcResponse.Builder(url).body(http).build();
    }

    private static String command(Path dir, String name, List<String> settings, String... arguments) throws Exception {
        Path output = dir.resolve(name + ".log");
        Process process = PackagedApp.start(output, settings, arguments);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), name + " finishes");
        String text = Files.readString(output);
        assertEquals(0, process.exitValue(), text);
        return text;
    }

    private static Map<String, JsonObject> exported(Path dir, List<String> settings) throws Exception {
        Path file = dir.resolve("export.jsonl");
        command(dir, "export", settings, "export", file.toString());
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                .map(l -> Json.createReader(new StringReader(l)).readObject())
                .collect(Collectors.toMap(a -> a.getString("url"), Function.identity()));
    }
}
