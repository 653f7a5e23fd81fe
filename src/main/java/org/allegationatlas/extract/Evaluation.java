package org.allegationatlas.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.allegationatlas.claim.Stance;
import org.allegationatlas.country.Countries;
import org.allegationatlas.ingest.ActorInput;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.ClaimInput;

/**
 * Measures the extractor against annotations made by people, from the word lists alone (stored
 * actors are not used, so the seed's own curated aliases cannot help):
 * <ul>
 * <li>the seed article's curated claims, headline on its allegations' (claimant country, subject
 * country, stance), and on every claim's (claimant, subject, counterparty country, stance, category);</li>
 * <li>our own annotated articles (src/test/resources/extract/articles), the same two ways;</li>
 * <li>the PLOVER gold-standard sentences whose source and target are countries: is the source -> target
 * pair found among the countries of some claim's roles, in the order claimant, subject, counterparty/place?</li>
 * </ul>
 * A claim matches a curated one when their tuples are equal and their quotes overlap (the same
 * sentence); each curated claim matches once. Also the median extraction time per article.
 */
@ApplicationScoped
public class Evaluation {

    public static final Path DEFAULT_PLOVER = Path.of("../shared/eval/plover-gsr-part.json");
    public static final Path DEFAULT_ARTICLES = Path.of("src/test/resources/extract/articles");
    static final String SEED = "seed/000_671a98246944ff06.json";

    public static final double SEED_TARGET = 0.8;
    public static final double PLOVER_TARGET = 0.7;

    /** CAMEO actor codes that are not ISO alpha-3 but plainly name a country. */
    private static final Map<String, String> CAMEO_COUNTRIES = Map.of("JAP", "JP", "ITL", "IT", "ROM", "RO", "ZAR", "CD", "TMP", "TL");
    private static final int WARM_UP_ROUNDS = 20;
    private static final int TIMED_ROUNDS = 30;

    /** One line of the table; {@code pairsFound} only for PLOVER. */
    public record Row(String dataset, int n, int extracted, int matched, Double pairsFound) {

        public double precision() {
            return extracted == 0 ? 0 : (double) matched / extracted;
        }

        public double recall() {
            return n == 0 ? 0 : (double) matched / n;
        }
    }

    public record Report(List<Row> rows, double medianMillisPerArticle, int timedArticles, String ploverNote) {

        public Row row(String dataset) {
            return rows.stream().filter(r -> r.dataset().equals(dataset)).findFirst().orElse(null);
        }

        public boolean targetsMet() {
            Row seed = row(SEED_ALLEGATIONS);
            Row plover = row(PLOVER_PAIRS);
            boolean seedMet = seed != null && seed.precision() >= SEED_TARGET && seed.recall() >= SEED_TARGET;
            boolean ploverMet = plover == null || plover.pairsFound() >= PLOVER_TARGET;
            return seedMet && ploverMet;
        }
    }

    public static final String SEED_ALLEGATIONS = "seed: allegations (claimant, subject, stance)";
    public static final String SEED_CLAIMS = "seed: all claims (5-tuple)";
    public static final String OWN_ALLEGATIONS = "own articles: allegations (claimant, subject, stance)";
    public static final String OWN_CLAIMS = "own articles: all claims (5-tuple)";
    public static final String PLOVER_PAIRS = "PLOVER: source->target country pairs";
    public static final String PLOVER_CROSS_BORDER = "PLOVER: of which two different countries";

    @Inject
    Extractor extractor;
    @Inject
    Countries countries;

    /** For CDI. */
    Evaluation() {
    }

    /** An evaluation outside a container. */
    public static Evaluation standalone(Countries countries) {
        Evaluation evaluation = new Evaluation();
        evaluation.countries = countries;
        evaluation.extractor = Extractor.standalone(countries);
        return evaluation;
    }

    /** Prints the table for the default PLOVER path; 0 when the targets are met, 1 when not. */
    public int run(PrintStream out) {
        return run(out, DEFAULT_PLOVER);
    }

    /** Prints the table; 0 when the targets are met, 1 when not. */
    public int run(PrintStream out, Path ploverJson) {
        Report report = evaluate(ploverJson, DEFAULT_ARTICLES);
        print(report, out);
        return report.targetsMet() ? 0 : 1;
    }

    public Report evaluate(Path ploverJson, Path articlesDir) {
        List<Row> rows = new ArrayList<>();
        ArticleInput seed = readArticle(resource(SEED));
        List<ArticleInput> own = ownArticles(articlesDir);
        rows.add(score(SEED_ALLEGATIONS, List.of(seed), true));
        rows.add(score(SEED_CLAIMS, List.of(seed), false));
        if (!own.isEmpty()) {
            rows.add(score(OWN_ALLEGATIONS, own, true));
            rows.add(score(OWN_CLAIMS, own, false));
        }
        String ploverNote = null;
        if (ploverJson != null && Files.isRegularFile(ploverJson)) {
            rows.addAll(plover(ploverJson));
        } else {
            ploverNote = "PLOVER: " + ploverJson + " not found, skipped";
        }
        List<ArticleInput> timed = new ArrayList<>(own);
        timed.add(0, seed);
        return new Report(rows, medianMillis(timed), timed.size(), ploverNote);
    }

    public void print(Report report, PrintStream out) {
        out.println("Extraction quality (word lists only; stored actors not used)");
        out.printf(Locale.ROOT, "%-54s %5s %9s %9s %7s %11s%n", "dataset", "n", "extracted", "precision", "recall", "pairs found");
        for (Row r : report.rows()) {
            out.printf(Locale.ROOT, "%-54s %5d %9d %9.2f %7.2f %11s%n", r.dataset(), r.n(), r.extracted(), r.precision(), r.recall(),
                    r.pairsFound() == null ? "" : String.format(Locale.ROOT, "%.2f", r.pairsFound()));
        }
        if (report.ploverNote() != null) {
            out.println(report.ploverNote());
        }
        out.printf(Locale.ROOT, "Timing: median %.2f ms per article (%d articles, %d rounds after %d warm-up rounds)%n",
                report.medianMillisPerArticle(), report.timedArticles(), TIMED_ROUNDS, WARM_UP_ROUNDS);
        out.printf(Locale.ROOT, "Targets: seed allegations precision and recall >= %.2f, PLOVER pairs found >= %.2f: %s%n", SEED_TARGET,
                PLOVER_TARGET, report.targetsMet() ? "met" : "NOT met");
    }

    // ---- curated articles ----

    private Row score(String dataset, List<ArticleInput> articles, boolean allegationsOnly) {
        int n = 0;
        int extracted = 0;
        int matched = 0;
        for (ArticleInput curated : articles) {
            ArticleInput found = extractor.extractFromLexicon(raw(curated));
            List<Scored> gold = scored(curated, allegationsOnly);
            List<Scored> got = scored(found, allegationsOnly);
            n += gold.size();
            extracted += got.size();
            boolean[] used = new boolean[gold.size()];
            for (Scored s : got) {
                for (int i = 0; i < gold.size(); i++) {
                    if (!used[i] && gold.get(i).tuple().equals(s.tuple()) && gold.get(i).overlaps(s)) {
                        used[i] = true;
                        matched++;
                        break;
                    }
                }
            }
        }
        return new Row(dataset, n, extracted, matched, null);
    }

    /** A claim reduced to what is compared, with where its quote lies. */
    private record Scored(List<String> tuple, int start, int end) {
        boolean overlaps(Scored other) {
            return start < other.end && other.start < end;
        }
    }

    private List<Scored> scored(ArticleInput article, boolean allegationsOnly) {
        Map<String, String> countryOf = new HashMap<>();
        for (ActorInput a : article.actors()) {
            countryOf.put(a.key(), a.country() == null ? null : countries.find(a.country()).map(c -> c.code()).orElse(null));
        }
        List<Scored> scored = new ArrayList<>();
        for (ClaimInput c : article.claims()) {
            if (allegationsOnly && c.stance() != Stance.ALLEGES) {
                continue;
            }
            List<String> tuple = allegationsOnly
                    ? Arrays.asList(countryOf.get(c.claimant()), countryOf.get(c.subject()), c.stance().name())
                    : Arrays.asList(countryOf.get(c.claimant()), countryOf.get(c.subject()),
                            c.counterparty() == null ? null : countryOf.get(c.counterparty()), c.stance().name(), c.category().name());
            int start = c.quoteStart() != null ? c.quoteStart() : article.body().indexOf(c.quote());
            scored.add(new Scored(tuple, start, start + c.quote().length()));
        }
        return scored;
    }

    private static RawArticleInput raw(ArticleInput a) {
        return new RawArticleInput(a.url(), a.title(), a.publisher(), null, a.publishedOn(), a.dateline(), a.body());
    }

    // ---- PLOVER ----

    private List<Row> plover(Path path) {
        JsonArray records;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8); JsonReader json = Json.createReader(reader)) {
            records = json.readArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int sentences = 0;
        int found = 0;
        int crossSentences = 0;
        int crossFound = 0;
        int goldPairs = 0;
        int extractedPairs = 0;
        int matchedPairs = 0;
        for (JsonValue value : records) {
            JsonObject record = value.asJsonObject();
            Set<String> sources = ploverCountries(record.get("source"));
            Set<String> targets = ploverCountries(record.get("target"));
            if (sources.isEmpty() || targets.isEmpty()) {
                continue;
            }
            Set<List<String>> gold = new HashSet<>();
            for (String s : sources) {
                for (String t : targets) {
                    gold.add(List.of(s, t));
                }
            }
            ArticleInput extracted = extractor.extractFromLexicon(new RawArticleInput("urn:plover:" + record.getString("id"), null,
                    "news wire", "en", null, null, record.getString("text")));
            Set<List<String>> pairs = pairs(extracted);
            Set<List<String>> hits = new HashSet<>(pairs);
            hits.retainAll(gold);
            sentences++;
            found += hits.isEmpty() ? 0 : 1;
            goldPairs += gold.size();
            extractedPairs += pairs.size();
            matchedPairs += hits.size();
            if (gold.stream().anyMatch(p -> !p.get(0).equals(p.get(1)))) {
                crossSentences++;
                crossFound += hits.stream().anyMatch(p -> !p.get(0).equals(p.get(1))) ? 1 : 0;
            }
        }
        return List.of(
                new Row(PLOVER_PAIRS, goldPairs, extractedPairs, matchedPairs, sentences == 0 ? 0 : (double) found / sentences),
                new Row(PLOVER_CROSS_BORDER + " (n = sentences)", crossSentences, crossSentences, crossFound,
                        crossSentences == 0 ? 0 : (double) crossFound / crossSentences));
    }

    /** The ISO countries of a PLOVER source or target list; IGO, NGO and other non-country codes are left out. */
    private Set<String> ploverCountries(JsonValue actors) {
        Set<String> codes = new HashSet<>();
        if (actors == null || actors.getValueType() != JsonValue.ValueType.ARRAY) {
            return codes;
        }
        for (JsonValue a : actors.asJsonArray()) {
            String code = a.asJsonObject().getString("code", "");
            String alpha2 = CAMEO_COUNTRIES.getOrDefault(code, code.length() == 3 ? countries.find(code).map(c -> c.code()).orElse(null) : null);
            if (alpha2 != null) {
                codes.add(alpha2);
            }
        }
        return codes;
    }

    /** (earlier role's country, later role's country) for the roles claimant, subject, counterparty and place of each claim. */
    private static Set<List<String>> pairs(ArticleInput article) {
        Map<String, String> countryOf = new HashMap<>();
        article.actors().forEach(a -> countryOf.put(a.key(), a.country()));
        Set<List<String>> pairs = new HashSet<>();
        for (ClaimInput c : article.claims()) {
            String[] roles = { c.claimant(), c.subject(), c.counterparty(), c.place() };
            for (int i = 0; i < roles.length; i++) {
                for (int j = i + 1; j < roles.length; j++) {
                    if (roles[i] == null || roles[j] == null || roles[i].equals(roles[j]) || i == 2 && j == 3) {
                        continue;
                    }
                    String from = countryOf.get(roles[i]);
                    String to = countryOf.get(roles[j]);
                    if (from != null && to != null) {
                        pairs.add(List.of(from, to));
                    }
                }
            }
        }
        return pairs;
    }

    // ---- timing ----

    private double medianMillis(List<ArticleInput> articles) {
        List<RawArticleInput> raws = articles.stream().map(Evaluation::raw).toList();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            raws.forEach(extractor::extractFromLexicon);
        }
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            for (RawArticleInput raw : raws) {
                long start = System.nanoTime();
                extractor.extractFromLexicon(raw);
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        millis.sort(Double::compare);
        return millis.get(millis.size() / 2);
    }

    // ---- reading ----

    private static List<ArticleInput> ownArticles(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return readArticle(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArticleInput readArticle(String json) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(json, ArticleInput.class);
        } catch (Exception e) {
            throw new IllegalStateException("not an ArticleInput: " + e.getMessage(), e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Objects.requireNonNull(Evaluation.class.getClassLoader().getResourceAsStream(path), path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
