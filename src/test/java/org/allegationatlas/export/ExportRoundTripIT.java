package org.allegationatlas.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.allegationatlas.PackagedApp;
import org.allegationatlas.RunningApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export, then import into an empty database: every answer is the same (ids aside). The source
 * holds what makes a round trip hard: the seed, claims of both origins with their confidence and explanation,
 * answers (respondsTo), a quote that occurs twice in its body, month precision, counterparty and
 * place, aliases an actor gathered over two articles, an article without claims, a replaced
 * article, and actors that no claim names any more. {@code GET /export} and {@code export FILE}
 * write the same bytes; the copy is made by {@code POST /import}; reading an export needs a
 * reader token when reads do.
 */
class ExportRoundTripIT {

    private static final String EDITOR = "roundtrip-editor";
    private static final String READER = "roundtrip-reader";
    private static final String INGEST = "mutation($input: ArticleInput!) { ingestArticle(input: $input) { id } }";

    @Test
    void anExportImportedIntoAnEmptyDatabaseAnswersEveryQueryAlike(@TempDir Path sourceDir, @TempDir Path targetDir) throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getProperty("atlas.db-kind", "h2")),
                "two embedded databases side by side (CI runs the same path on PostgreSQL)");
        String tokens = "-Datlas.auth.tokens=editor:" + EDITOR + ",reader:" + READER;

        byte[] exported;
        try (RunningApp source = RunningApp.start(sourceDir, tokens)) {
            fillWithHardCases(source);
            HttpResponse<String> export = RunningApp.get(source.base() + "/export", null);
            assertEquals(200, export.statusCode(), export.body());
            assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
            exported = export.body().getBytes(StandardCharsets.UTF_8);
            assertEquals(5, export.body().lines().count(), "one line per article: the seed and four more (one was deleted)\n" + export.body());
            source.stop();
        }

        Path file = sourceDir.resolve("export.jsonl");
        Process cli = PackagedApp.start(sourceDir.resolve("export-cli.log"),
                List.of("-Datlas.data-dir=" + sourceDir.toAbsolutePath(), "-Dquarkus.datasource.jdbc.acquisition-timeout=60s"), "export",
                file.toString());
        assertTrue(cli.waitFor(120, TimeUnit.SECONDS));
        String cliOutput = Files.readString(sourceDir.resolve("export-cli.log"));
        assertEquals(0, cli.exitValue(), cliOutput);
        assertTrue(cliOutput.contains("Exported 5 articles"), cliOutput);
        assertArrayEquals(exported, Files.readAllBytes(file), "export FILE writes what GET /export sends");

        try (RunningApp source = RunningApp.start(sourceDir, tokens);
                RunningApp target = RunningApp.start(targetDir, tokens, "-Datlas.auth.read-requires-token=true")) {
            HttpResponse<String> imported = target.post("/import", "application/x-ndjson", EDITOR, exported);
            assertEquals(200, imported.statusCode(), imported.body());
            JsonObject summary = Json.createReader(new StringReader(imported.body())).readObject();
            assertEquals(5, summary.getInt("articles"), imported.body());
            assertEquals(0, summary.getInt("badLines"), imported.body());

            assertEquals(401, RunningApp.get(target.base() + "/export", null).statusCode(), "reads need a token there");
            assertEquals(200, RunningApp.get(target.base() + "/export", READER).statusCode());

            ByteArrayOutputStream report = new ByteArrayOutputStream();
            List<AnswerComparison.Outcome> outcomes = new AnswerComparison(queries(), source.base(), null, target.base(), READER)
                    .compareAll(new PrintStream(report, true, StandardCharsets.UTF_8));
            String shown = report.toString(StandardCharsets.UTF_8);
            assertTrue(outcomes.stream().allMatch(AnswerComparison.Outcome::same), shown);
            assertEquals(28, outcomes.stream().filter(o -> o.operation().equals("ClaimPages")).findFirst().orElseThrow().items(),
                    "the comparison saw every claim (22 of the seed, 6 more): " + shown);

            // and not because both are empty in the same way: the hard cases are there
            JsonObject rifles = target.graphql(READER, "{ claims(filter: { text: \"rifles\" }) { edges { node { origin confidence explanation"
                    + " statedOnPrecision counterparty { name } } } } }", null).getJsonObject("claims").getJsonArray("edges")
                    .getJsonObject(0).getJsonObject("node");
            assertEquals("EXTRACTED", rifles.getString("origin"));
            assertEquals(0.4125, rifles.getJsonNumber("confidence").doubleValue());
            assertEquals("MONTH", rifles.getString("statedOnPrecision"));
            assertTrue(rifles.getString("explanation").startsWith("said: Nauru"), rifles.toString());
            assertEquals(1, target.graphql(READER, "{ actors(search: \"Marshall Islands Coast\") { totalCount } }", null)
                    .getJsonObject("actors").getInt("totalCount"), "an actor no claim names any more is kept");
        }
    }

    private static void fillWithHardCases(RunningApp app) throws Exception {
        String twice = "Fiji accused Tuvalu of hiding boats.";
        String body = twice + " Officials in Suva said: " + twice + " Tuvalu denied it. Later, Tuvalu confirmed one boat"
                + " in Funafuti. Nauru said Palau sold rifles to Tuvalu in March.";
        ingest(app, article("https://test.invalid/roundtrip/pacific", "en", body, "2023-04-05", List.of(
                actor("fj", "Fiji", "STATE", "FJ", null, alias("Republic of Fiji", "en")),
                actor("tv", "Tuvalu", "STATE", "TUV", null),
                actor("suva", "Government of Fiji", "GOVERNMENT_BODY", "FJ", "Spokesperson", alias("Pemerintah Fiji", "id")),
                actor("funafuti", "Funafuti", "TERRITORY", "TV", null),
                actor("nr", "Nauru", "STATE", "NR", null),
                actor("pw", "Palau", "STATE", "PW", null),
                actor("ki", "Kiribati Fisheries Ministry", "GOVERNMENT_BODY", "KI", null)), List.of(
                claim("a", "suva", "tv", "ALLEGES", "CONCEALMENT", twice, body.lastIndexOf(twice), "2023-04-05", null),
                with(claim("d", "tv", "tv", "DENIES", "CONCEALMENT", "Tuvalu denied it.", null, null, null), "respondsTo", "a"),
                with(with(with(with(claim("c", "tv", "tv", "CONFIRMS", "CONCEALMENT", "Tuvalu confirmed one boat in Funafuti",
                        null, "2023-04-06", null), "respondsTo", "a"), "place", "funafuti"), "origin", "EXTRACTED"),
                        "confidence", 0.73),
                with(with(with(with(claim("s", "nr", "pw", "ALLEGES", "ARMS_TRANSFER", "Palau sold rifles to Tuvalu", null,
                        "2023-03-01", "MONTH"), "counterparty", "tv"), "origin", "EXTRACTED"), "confidence", 0.4125),
                        "explanation", "said: Nauru (subject of the sentence) alleges; sold ... to: counterparty"))));

        String indonesian = "Pejabat Fiji menuduh Tuvalu menyembunyikan kapal – kata Menteri Luar Negeri Fiji. Émile dari Nauru membantah.";
        ingest(app, article("https://test.invalid/roundtrip/pasifik", "id", indonesian, null, List.of(
                actor("fj", "Fiji", "STATE", "FJ", null, alias("Fiji", "id"), alias("Republik Fiji", "id")),
                actor("tv", "Tuvalu", "STATE", "TV", null)), List.of(
                claim(null, "fj", "tv", "ALLEGES", "OTHER", "Pejabat Fiji menuduh Tuvalu menyembunyikan kapal", null, null, null))));

        ingest(app, article("https://test.invalid/roundtrip/quiet", "en", "Nothing was alleged today.", null, List.of(), List.of()));

        String replaced = "https://test.invalid/roundtrip/replaced";
        ingest(app, article(replaced, "en", "Samoa accused Tonga of overfishing.", "2021-01-01", List.of(
                actor("ws", "Samoa", "STATE", "WS", null), actor("to", "Tonga", "STATE", "TO", null)), List.of(
                claim(null, "ws", "to", "ALLEGES", "OTHER", "Samoa accused Tonga of overfishing.", null, "2021-01-01", null))));
        ingest(app, article(replaced, "en", "Tonga accused Samoa of overfishing.", "2021-02-02", List.of(
                actor("ws", "Samoa", "STATE", "WS", null), actor("to", "Tonga", "STATE", "TO", null)), List.of(
                claim(null, "to", "ws", "ALLEGES", "OTHER", "Tonga accused Samoa of overfishing.", null, "2021-02-02", null))));

        String gone = ingest(app, article("https://test.invalid/roundtrip/deleted", "en", "The Marshall Islands Coast Guard accused Palau.",
                null, List.of(actor("mh", "Marshall Islands Coast Guard", "GOVERNMENT_BODY", "MH", null),
                        actor("pw", "Palau", "STATE", "PW", null)), List.of(
                claim(null, "mh", "pw", "ALLEGES", "OTHER", "The Marshall Islands Coast Guard accused Palau.", null, null, null))));
        app.graphql(EDITOR, "mutation($id: ID!) { deleteArticle(id: $id) }", Map.of("id", gone));
    }

    private static String ingest(RunningApp app, Map<String, Object> input) throws Exception {
        return app.graphql(EDITOR, INGEST, Map.of("input", input)).getJsonObject("ingestArticle").getString("id");
    }

    private static Map<String, Object> article(String url, String language, String body, String publishedOn,
            List<Map<String, Object>> actors, List<Map<String, Object>> claims) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("url", url);
        article.put("title", url.endsWith("quiet") ? null : "Round trip: " + url.substring(url.lastIndexOf('/') + 1));
        article.put("publisher", "Test Wire");
        article.put("language", language);
        article.put("publishedOn", publishedOn);
        article.put("dateline", language.equals("id") ? "JAKARTA" : null);
        article.put("body", body);
        article.put("actors", actors);
        article.put("claims", claims);
        return article;
    }

    private static Map<String, Object> actor(String key, String name, String kind, String country, String title,
            Map<String, Object>... aliases) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("key", key);
        actor.put("name", name);
        actor.put("kind", kind);
        actor.put("country", country);
        actor.put("title", title);
        actor.put("aliases", List.of(aliases));
        return actor;
    }

    private static Map<String, Object> alias(String name, String language) {
        Map<String, Object> alias = new LinkedHashMap<>();
        alias.put("name", name);
        alias.put("language", language);
        return alias;
    }

    private static Map<String, Object> claim(String key, String claimant, String subject, String stance, String category,
            String quote, Integer quoteStart, String statedOn, String precision) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("key", key);
        claim.put("claimant", claimant);
        claim.put("subject", subject);
        claim.put("stance", stance);
        claim.put("category", category);
        claim.put("summary", "Round trip: " + quote);
        claim.put("quote", quote);
        claim.put("quoteStart", quoteStart);
        claim.put("statedOn", statedOn);
        if (precision != null) {
            claim.put("statedOnPrecision", precision);
        }
        return claim;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        map.put(key, value);
        return map;
    }

    private static String queries() throws Exception {
        try (InputStream in = ExportRoundTripIT.class.getClassLoader().getResourceAsStream("roundtrip/answers.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
