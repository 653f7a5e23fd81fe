package org.allegationatlas.news.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The page reader on the article-extraction benchmark, run by bench/read-pages.sh (test scope, not in the jar).
 * <p>
 * Reads every page of {@code DATA/ground-truth.json} ({@code html/<sha256>.html.gz}, no Content-Type header: the
 * benchmark has none), and writes {@code OUT/{dev,test,all}/} folders that {@code evaluate.py} runs in: the
 * split's ground truth, {@code output/atlas.json} and the anchors' outputs for the same pages.
 * <p>
 * <b>Split</b> (fixed before any tuning): a page is <b>dev</b> when its sha256 starts with 0-9 or a, <b>test</b>
 * when it starts with b-f (85 and 39 of the 124 pages). Tuning looks at dev only.
 * <p>
 * Also prints: publication dates against the hand-checked list {@code news/read/expected-dates.tsv} (dev pages),
 * and pages read per second (decode + parse + read, bytes already in memory, one thread; median of 3 rounds over
 * all pages after 2 warm-up rounds).
 */
public final class ReadPagesBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadPagesBenchmark() {
    }

    /** dev: sha256 starting 0-9 or a; test: b-f. */
    public static String split(String sha256) {
        char first = Character.toLowerCase(sha256.charAt(0));
        return first <= '9' || first == 'a' ? "dev" : "test";
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/eval/article-extraction");
        Path out = Path.of(args.length > 1 ? args[1] : "target/read-pages");
        JsonNode truth = JSON.readTree(data.resolve("ground-truth.json").toFile());
        Map<String, byte[]> pages = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        List<String> splits = List.of(System.getProperty("splits", "dev").split("[ ,]+"));
        Map<String, byte[]> allPages = new LinkedHashMap<>();
        for (Iterator<String> it = truth.fieldNames(); it.hasNext();) {
            String sha = it.next();
            urls.put(sha, truth.get(sha).get("url").asText());
            allPages.put(sha, gunzip(data.resolve("html").resolve(sha + ".html.gz")));
            if (splits.contains("all") || splits.contains(split(sha))) {
                pages.put(sha, allPages.get(sha)); // test pages are not even read unless asked for
            }
        }

        String perturbation = System.getProperty("perturb");
        if (perturbation != null) {
            pages = Perturbations.apply(perturbation, pages, truth, urls);
        }
        PageReader reader = PageReader.withFunctionWords();
        Map<String, ReadPage> read = new LinkedHashMap<>();
        pages.forEach((sha, bytes) -> read.put(sha, reader.read(bytes, null, urls.get(sha))));

        // test is written only when asked for (SPLITS="dev test all"): it is read once, at the end of a piece of work
        for (String split : splits) {
            writeSplit(data, out.resolve(split), truth, read, split);
        }
        writeDetails(out.resolve("pages.tsv"), read);
        printDates(read);
        if (!Boolean.getBoolean("noSpeed")) {
            printSpeed(reader, allPages, urls);
        }
    }

    private static void writeSplit(Path data, Path dir, JsonNode truth, Map<String, ReadPage> read, String split)
            throws IOException {
        Files.createDirectories(dir.resolve("output"));
        Files.copy(data.resolve("evaluate.py"), dir.resolve("evaluate.py"), StandardCopyOption.REPLACE_EXISTING);
        ObjectNode splitTruth = JSON.createObjectNode();
        ObjectNode ours = JSON.createObjectNode();
        read.forEach((sha, page) -> {
            if (split.equals("all") || split.equals(split(sha))) {
                splitTruth.set(sha, truth.get(sha));
                ours.putObject(sha).put("articleBody", page.body());
            }
        });
        JSON.writeValue(dir.resolve("ground-truth.json").toFile(), splitTruth);
        JSON.writeValue(dir.resolve("output/atlas.json").toFile(), ours);
        try (var anchors = Files.list(data.resolve("anchors"))) {
            for (Path anchor : anchors.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode whole = JSON.readTree(anchor.toFile()); // {"version": ..., "output": {sha: {...}}}
                JsonNode all = whole.has("output") ? whole.get("output") : whole;
                ObjectNode kept = JSON.createObjectNode();
                kept.set("version", whole.get("version"));
                ObjectNode output = kept.putObject("output");
                splitTruth.fieldNames().forEachRemaining(sha -> output.set(sha, all.get(sha)));
                JSON.writeValue(dir.resolve("output").resolve(anchor.getFileName().toString()).toFile(), kept);
            }
        }
    }

    private static void writeDetails(Path file, Map<String, ReadPage> read) throws IOException {
        StringBuilder tsv = new StringBuilder("sha256\tsplit\tpublishedOn\tlanguage\tpublisher\ttitle\tcanonicalUrl\n");
        read.forEach((sha, p) -> tsv.append(String.join("\t", sha, split(sha), String.valueOf(p.publishedOn()),
                String.valueOf(p.language()), String.valueOf(p.publisher()), String.valueOf(p.title()),
                String.valueOf(p.canonicalUrl()))).append('\n'));
        Files.writeString(file, tsv);
    }

    /** The hand-checked dates (see the file's header): how many of those stated were found, and found right. */
    private static void printDates(Map<String, ReadPage> read) throws IOException {
        List<String> wrong = new ArrayList<>();
        int stated = 0;
        int right = 0;
        int noneRight = 0;
        int none = 0;
        try (InputStream in = ReadPagesBenchmark.class.getResourceAsStream("/news/read/expected-dates.tsv")) {
            if (in == null) {
                System.out.println("dates: no expected-dates.tsv");
                return;
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                String prefix = cells[0];
                String expected = cells[1];
                ReadPage page = read.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                        .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no page " + prefix));
                LocalDate found = page.publishedOn();
                if (expected.equals("none")) {
                    none++;
                    noneRight += found == null ? 1 : 0;
                    continue;
                }
                stated++;
                if (LocalDate.parse(expected).equals(found)) {
                    right++;
                } else {
                    wrong.add(prefix + " expected " + expected + " found " + found);
                }
            }
        }
        System.out.printf(Locale.ROOT, "dates: %d of %d pages that state one found right (%.1f %%); %d of %d without one left empty%n",
                right, stated, 100.0 * right / Math.max(1, stated), noneRight, none);
        wrong.forEach(w -> System.out.println("  date wrong: " + w));
    }

    /**
     * Pages per second of wall time and of the thread's CPU time (the machine is shared: CPU time says what one
     * core does when other processes take turns on it).
     */
    private static void printSpeed(PageReader reader, Map<String, byte[]> pages, Map<String, String> urls) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long sink = 0;
            for (Map.Entry<String, byte[]> e : pages.entrySet()) {
                sink += reader.read(e.getValue(), null, urls.get(e.getKey())).body().length();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            if (round >= 2 && sink > 0) {
                wall.add(pages.size() / seconds);
                cpu.add(pages.size() / cpuSeconds);
            }
        }
        System.out.printf(Locale.ROOT, "speed: %.0f pages/s of CPU time %s, %.0f pages/s of wall time %s (median of 3 rounds of %d pages, after 2 warm-up rounds)%n",
                median(cpu), rounded(cpu), median(wall), rounded(wall), pages.size());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList();
    }

    public static byte[] gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
