package org.allegationatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.allegationatlas.ProtectedApp;
import org.allegationatlas.http.BadInputs.Category;
import org.allegationatlas.http.BadInputs.ImportLines;
import org.allegationatlas.http.BadInputs.Input;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Generated bad input, against the app with protection on: mutated and random GraphQL documents,
 * variables of wrong types, broken JSON bodies, odd content types (uploads among them), bad
 * import lines and odd headers. For every one: no 5xx, no INTERNAL error, every GraphQL error
 * coded and free of internals, the next valid request answered correctly, no file left behind
 * (no {@code file-uploads/} under the working directory, nothing new in the data directory, nor
 * in the packaged app's temporary directory); an editor's import stores exactly its good lines.
 * <p>
 * Seeded: {@code -Datlas.bad-input.seed=N} (default fixed, so CI runs the same inputs every time),
 * {@code -Datlas.bad-input.count=N} inputs of each kind, {@code -Datlas.bad-input.only=variables#17}
 * for one input, {@code -Datlas.bad-input.seconds=N} for the time budget. A failure prints the
 * request as a curl command (long bodies are written to {@code target/bad-input/}).
 * <p>
 * A JUnit test factory, not a jqwik property: jqwik's engine does not run JUnit Jupiter
 * extensions, so a jqwik property in a {@code @QuarkusTest} class never gets the app started.
 */
@QuarkusTest
@TestProfile(ProtectedApp.class)
class GeneratedBadInputTest {

    static final long SEED = Long.getLong("atlas.bad-input.seed", 20261130L);
    static final int PER_CATEGORY = Integer.getInteger("atlas.bad-input.count", 100);
    static final String ONLY = System.getProperty("atlas.bad-input.only", "");
    static final long BUDGET_NANOS = Long.getLong("atlas.bad-input.seconds", 60L) * 1_000_000_000L;

    private final Map<String, Integer> tried = new TreeMap<>();
    private final Map<String, Integer> failures = new TreeMap<>();
    private int skipped;
    private long started;

    @TestFactory
    Stream<DynamicTest> noBadInputHurtsTheService() {
        String run = "gen" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        BadInputs inputs = new BadInputs(run);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < PER_CATEGORY; i++) {
            for (Category category : Category.values()) {
                String name = category.label() + "#" + i;
                if (!ONLY.isEmpty() && !ONLY.equals(name)) {
                    continue;
                }
                long inputSeed = SEED * 1_000_003L + category.ordinal() * 1_000_000_007L + i;
                tests.add(DynamicTest.dynamicTest(name, () -> tryOne(name, inputs.next(category, new Random(inputSeed)))));
            }
        }
        tests.add(DynamicTest.dynamicTest("clean up and report", () -> cleanUpAndReport(run)));
        return tests.stream();
    }

    private void tryOne(String name, Input input) throws Exception {
        if (started == 0) {
            started = System.nanoTime();
        } else if (System.nanoTime() - started > BUDGET_NANOS) {
            skipped++;
            Assumptions.abort("the time budget of " + BUDGET_NANOS / 1_000_000_000L + " s is spent");
        }
        tried.merge(input.category().label(), 1, Integer::sum);
        Set<String> filesBefore = files();
        List<String> problems = new ArrayList<>();
        RawRequest.Answer response = null;
        try {
            response = input.request().send(root());
        } catch (IOException e) {
            problems.add("no answer: " + e);
        }
        String text = response == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
        if (response != null) {
            check(input, response, text, problems);
        }
        String next = nextValidRequest();
        if (next != null) {
            problems.add("the next valid request was not answered correctly: " + next);
        }
        Set<String> left = new TreeSet<>(files());
        left.removeAll(filesBefore);
        if (!left.isEmpty()) {
            problems.add("files left behind: " + left);
        }
        if (!problems.isEmpty()) {
            for (String problem : problems) {
                // grouped by what was sent and what went wrong, without the details
                failures.merge(input.category().label() + " / " + input.kind() + ": " + problem.split(":")[0], 1, Integer::sum);
            }
            Path bodyFile = Path.of("target", "bad-input", name.replace('#', '-') + ".body").toAbsolutePath();
            if (input.request().body() != null) {
                Files.createDirectories(bodyFile.getParent());
                Files.write(bodyFile, input.request().body());
            }
            fail(name + " (" + input.kind() + ", seed " + SEED + "): " + String.join("; ", problems) + "\n  request: "
                    + input.request().curl(root(), bodyFile.toString()) + "\n  answer: HTTP "
                    + (response == null ? "-" : response.status()) + " " + excerpt(text));
        }
    }

    private void check(Input input, RawRequest.Answer response, String text, List<String> problems) {
        int status = response.status();
        if (status >= 500) {
            problems.add("HTTP " + status);
        }
        Json json = null;
        String contentType = response.header("Content-Type");
        if (contentType.contains("json") && !text.isBlank()) {
            try {
                json = Json.parse(text);
            } catch (RuntimeException e) {
                problems.add("an answer of " + contentType + " that is not JSON");
            }
        }
        if (json != null && json.root() instanceof Map && json.get("errors") instanceof List && !isImportSummary(json)) {
            if (text.contains("\"INTERNAL\"")) {
                problems.add("an INTERNAL error");
            }
            try {
                GraphQL.assertNoLeak(json);
            } catch (AssertionError e) {
                problems.add("an error without code or showing internals: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        if (input.category() == Category.HEADERS && json != null && json.get("data.country") != null
                && !"North Korea".equals(json.getString("data.country.name"))) {
            problems.add("a wrong answer to a valid query");
        }
        if (input.lines() != null && input.lines().refusedWith() == 0) {
            checkImport(input.lines(), status, json, problems);
        } else if (input.lines() != null) {
            if (status != input.lines().refusedWith()) {
                problems.add("HTTP " + status + " where " + input.lines().refusedWith() + " refuses the import");
            }
            List<String> stored = storedUrls(input.lines().marker());
            if (!stored.isEmpty()) {
                problems.add("an import that must be refused stored " + stored.size() + " articles");
            }
        }
    }

    /** An editor's import with the right content type: every good line stored, no line that must be refused. */
    private void checkImport(ImportLines lines, int status, Json summary, List<String> problems) {
        if (status != 200 && !(lines.huge() && status == 413)) {
            problems.add("an import answered HTTP " + status + " instead of its summary");
            return;
        }
        List<String> stored = storedUrls(lines.marker());
        Set<String> missing = new TreeSet<>(lines.goodUrls());
        missing.removeAll(stored);
        if (status == 200 && !missing.isEmpty()) {
            problems.add("good lines not stored: " + missing.size() + " of " + lines.goodUrls().size());
        }
        Set<String> unexpected = new HashSet<>(stored);
        unexpected.removeAll(lines.goodUrls());
        unexpected.removeAll(lines.eitherUrls());
        if (!unexpected.isEmpty()) {
            problems.add("bad lines stored: " + unexpected.size());
        }
        if (status == 200 && summary != null && summary.get("badLines") instanceof Number reported
                && (reported.intValue() < lines.bad() || reported.intValue() > lines.bad() + lines.eitherUrls().size())) {
            problems.add("bad lines reported " + reported + ", sent " + lines.bad());
        }
    }

    private static boolean isImportSummary(Json json) {
        return json.get("badLines") != null;
    }

    /** Null when a valid query from a reader is answered as it should be; else what was wrong. */
    private String nextValidRequest() {
        try {
            RawRequest.Answer response = RawRequest.post("/graphql",
                    BadInputs.json(Map.of("query", BadInputs.VALID_QUERY)).getBytes(StandardCharsets.UTF_8), "Content-Type",
                    "application/json", "Authorization", "Bearer " + ProtectedApp.READER_TOKEN).send(root());
            String text = new String(response.body(), StandardCharsets.UTF_8);
            if (response.status() != 200) {
                return "HTTP " + response.status() + " " + excerpt(text);
            }
            Json json = Json.parse(text);
            if (json.get("errors") != null || !"North Korea".equals(json.getString("data.country.name"))) {
                return excerpt(text);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return e.toString();
        }
    }

    /** The urls stored for one import, read by the editor. */
    private List<String> storedUrls(String marker) {
        String query = "query($text: String) { articles(first: 100, filter: { text: $text }) { edges { node { url } } } }";
        Map<String, Object> variables = Map.of("text", marker);
        String body = BadInputs.json(Map.of("query", query, "variables", variables));
        try {
            RawRequest.Answer response = RawRequest.post("/graphql", body.getBytes(StandardCharsets.UTF_8), "Content-Type",
                    "application/json", "Authorization", "Bearer " + ProtectedApp.EDITOR_TOKEN, "Cache-Control", "no-cache")
                    .send(root());
            Json json = Json.parse(new String(response.body(), StandardCharsets.UTF_8));
            List<String> urls = json.getList("data.articles.edges.node.url");
            return urls == null ? List.of() : urls.stream().filter(u -> u.contains("/" + marker + "/")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cleanUpAndReport(String run) throws Exception {
        int total = tried.values().stream().mapToInt(Integer::intValue).sum();
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("Generated bad input (%s, seed %d): %d inputs tried %s in %.1f s, %d skipped for time; %d problems%s%n",
                ProtectedApp.packaged() ? "packaged app" : "JVM", SEED, total, tried, (System.nanoTime() - started) / 1e9, skipped,
                failed, failures.isEmpty() ? "" : " " + failures);
        for (int round = 0; round < 100; round++) {
            String query = "query($text: String) { articles(first: 100, filter: { text: $text }) { edges { node { id } } } }";
            String body = BadInputs.json(Map.of("query", query, "variables", Map.of("text", run)));
            RawRequest.Answer answer = RawRequest.post("/graphql", body.getBytes(StandardCharsets.UTF_8), "Content-Type",
                    "application/json", "Authorization", "Bearer " + ProtectedApp.EDITOR_TOKEN, "Cache-Control", "no-cache")
                    .send(root());
            List<String> ids = Json.parse(new String(answer.body(), StandardCharsets.UTF_8)).getList("data.articles.edges.node.id");
            if (ids == null || ids.isEmpty()) {
                break;
            }
            for (String id : ids) {
                String delete = BadInputs.json(Map.of("query", "mutation($id: ID!) { deleteArticle(id: $id) }", "variables",
                        Map.of("id", id)));
                RawRequest.post("/graphql", delete.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                        "Authorization", "Bearer " + ProtectedApp.EDITOR_TOKEN).send(root());
            }
        }
        assertEquals(List.of(), storedUrls(run), "the generated imports must be deleted again");
    }

    /**
     * What the app could have left on disk: the working directory's entries (and anything under
     * file-uploads/), the data directory, and the packaged app's temporary directory.
     */
    private static Set<String> files() {
        Set<String> files = new TreeSet<>();
        Path workingDirectory = Path.of("").toAbsolutePath();
        try (Stream<Path> top = Files.list(workingDirectory)) {
            top.forEach(p -> files.add("./" + p.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        walk(workingDirectory.resolve("file-uploads"), files);
        walk(ProtectedApp.dataDir(), files);
        if (ProtectedApp.packaged()) {
            walk(ProtectedApp.tmpDir(), files);
        }
        return files;
    }

    private static void walk(Path root, Set<String> into) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.forEach(p -> into.add(p.toString()));
        } catch (IOException e) {
            // a file that went away while listed: listed again after the next request
        }
    }

    private static URI root() {
        return URI.create(RestAssured.baseURI.replaceFirst("/+$", "") + ":" + RestAssured.port + "/");
    }

    private static String excerpt(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + " characters)";
    }
}
