package org.allegationatlas.news.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import org.allegationatlas.news.NewsIngest;
import org.allegationatlas.news.read.ReadPage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code read-page FILE [--url URL]}: prints how the service reads a saved page ({@code .html}, or gzipped), as
 * JSON: url, canonicalUrl, title, publisher, publishedOn, language, body. {@code --url} is the address the page was
 * saved from (it resolves its relative links and dates in its path); the file's own address otherwise.
 */
@ApplicationScoped
@RegisterForReflection(targets = ReadPage.class) // written by JSON-B
public class ReadPageCommand {

    @Inject
    NewsIngest news;

    public int run(Path file, String url, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("read-page: cannot read " + file);
            return 2;
        }
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            err.println("read-page: --url " + url + " is not an http(s) address");
            return 2;
        }
        try (InputStream in = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file);
                Jsonb json = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
            ReadPage page = news.reader().read(in.readAllBytes(), null, url != null ? url : file.toAbsolutePath().toUri().toString());
            out.println(json.toJson(page));
            return 0;
        } catch (IOException e) {
            err.println("read-page: " + file + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("read-page: " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
