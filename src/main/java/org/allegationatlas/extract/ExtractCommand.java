package org.allegationatlas.extract;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import org.allegationatlas.common.ApiException;
import org.allegationatlas.ingest.IngestService;

/**
 * {@code extract FILE [URL [PUBLISHED_ON]]}: prints the ArticleInput JSON that extractArticle
 * would store for a plain-text article, for a curator to review, edit and send with ingestArticle.
 */
@ApplicationScoped
public class ExtractCommand {

    @Inject
    Extractor extractor;
    @Inject
    IngestService ingest;

    public int run(Path file, String url, String publishedOn, PrintStream out, PrintStream err) throws IOException {
        if (!Files.isReadable(file)) {
            err.println("extract: cannot read " + file);
            return 2;
        }
        try {
            LocalDate published = publishedOn == null ? null : LocalDate.parse(publishedOn);
            RawArticleInput raw = new RawArticleInput(url == null || url.isBlank() ? file.toAbsolutePath().toUri().toString() : url,
                    null, null, null, published, null, Files.readString(file));
            var article = extractor.extract(raw).storable();
            ingest.check(article); // what is printed must be accepted by ingestArticle as it is
            try (Jsonb json = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
                out.println(json.toJson(article));
            }
            return 0;
        } catch (DateTimeParseException e) {
            err.println("extract: \"" + publishedOn + "\" is not a date; use YYYY-MM-DD");
        } catch (ApiException e) {
            err.println("extract: " + e.getMessage());
        } catch (Exception e) {
            err.println("extract: " + e.getMessage());
        }
        return 1;
    }
}
