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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.claim.Stance;
import org.allegationatlas.country.Countries;
import org.allegationatlas.ingest.ActorInput;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.ClaimInput;

/**
 * Measures the extractor against readings made by people, from its dictionaries and models alone
 * (stored actors are not used, so the seed's own curated aliases cannot help), each data set's dev
 * and test splits apart (tuning looks at dev only):
 * <ul>
 * <li>the seed article's curated allegations, (claimant country, subject country, stance) precision and
 * recall, and every claim's 5-tuple; our own annotated articles, the same;</li>
 * <li>annotated sentences (src/test/resources/extract/eval/sentences-{en,id}.tsv): "fully found" when some
 * extracted claim has the gold claimant country, subject country and stance; for two different countries
 * also "pair found" as for PLOVER;</li>
 * <li>real Indonesian news sentences of idner-news-2k (news-id.tsv), sent with a language and a publisher: "fully
 * right" when some stored claim whose claimant is not an outlet has the gold claimant country, subject country and
 * stance;</li>
 * <li>sentences written for each class of failure issue 10 names (generalisation.tsv, dev only): "fully
 * found" as above, and the country of an adjective ("anti-Russian") not taken as the counterparty;</li>
 * <li>the PLOVER gold-standard sentences whose source and target are two different countries (read from
 * ../shared/eval, not copied): a matching pair is a claim with the source as claimant and the target as
 * subject or counterparty, or the source as subject and the target as counterparty.</li>
 * </ul>
 * Also the median extraction time per article after warm-up.
 */
public final class Evaluation {

    public static final Path SHARED = Path.of(System.getProperty("atlas.shared-dir", "../shared"));
    public static final Path PLOVER = SHARED.resolve("eval/plover-gsr-part.json");
    static final String SEED = "seed/000_671a98246944ff06.json";
    static final String ARTICLES = "extract/articles/";
    static final String EVAL = "extract/eval/";

    /** CAMEO actor codes that are not ISO alpha-3 but plainly name a country. */
    private static final Map<String, String> CAMEO_COUNTRIES = Map.of("JAP", "JP", "ITL", "IT", "ROM", "RO", "ZAR", "CD", "TMP", "TL");
    private static final int WARM_UP_ROUNDS = 20;
    private static final int TIMED_ROUNDS = 30;

    /** One line of the table: {@code found} of {@code n} for a rate; {@code extracted} for precision. */
    public record Row(String dataset, String split, int n, int extracted, int found, String measure) {

        public double rate() {
            return n == 0 ? 0 : (double) found / n;
        }

        public double precision() {
            return extracted == 0 ? 0 : (double) found / extracted;
        }

        String key() {
            return dataset + " / " + split;
        }
    }

    public record Report(Map<String, Row> rows, double medianMillisPerArticle, int timedArticles, List<String> notes,
            List<String> misses) {

        public Row row(String dataset, String split) {
            return rows.get(dataset + " / " + split);
        }
    }

    public static final String SEED_ALLEGATIONS = "seed article: allegations (claimant, subject country, stance)";
    public static final String SEED_CLAIMS = "seed article: all claims (5-tuple)";
    public static final String OWN_ALLEGATIONS = "own articles: allegations";
    public static final String OWN_CLAIMS = "own articles: all claims (5-tuple)";
    public static final String EN_FULL = "English sentences: fully found";
    public static final String EN_PAIR = "English sentences: pair found (two countries)";
    public static final String ID_FULL = "Indonesian sentences: fully found";
    public static final String ID_PAIR = "Indonesian sentences: pair found (two countries)";
    public static final String PLOVER_PAIR = "PLOVER: matching pair (two countries)";
    /** Prefix of the rows of generalisation.tsv, one per failure class and one for all. */
    public static final String FAILURE_CLASSES = "failure classes, EN+ID: ";
    /** What extractArticle stores (claims with a claimant) for PLOVER sentences sent with a publisher, as issue 21 measures. */
    public static final String PLOVER_STORED = "PLOVER stored (publisher given): matching pair";
    public static final String PLOVER_STORED_STATEMENTS = "PLOVER stored: statements (accuse, reject, demand, threaten)";
    public static final String PLOVER_STORED_ACTS = "PLOVER stored: other events (reported acts ...)";
    public static final String PLOVER_STORED_PER_SENTENCE = "PLOVER stored: claims per sentence (mean)";
    public static final String ID_ACCUSATIONS = "Indonesian accusation sentences: fully found (stored)";
    /** news-id.tsv: real Indonesian news sentences (idner-news-2k), fully right in what extractArticle stores. */
    public static final String ID_NEWS = "Indonesian news sentences (real): fully right (stored)";
    public static final String ID_NEWS_ACCUSATIONS = "Indonesian news sentences (real): accusations, fully right";
    /** The publisher real Indonesian news sentences are sent with. */
    static final String ID_NEWS_PUBLISHER = "Antara";
    public static final String SEED_PUBLISHER = "seed article: publisher's claims (MEDIA, subject country, stance)";
    /** Prefix of the rows of generalisation-21.tsv (issue 21's failure classes), one per class and one for all. */
    public static final String STORED_CLASSES = "issue 21 classes, EN+ID, stored pair: ";
    /** PLOVER events that report a statement (issue 21's "statement sentences"); the others report acts. */
    static final Set<String> STATEMENT_EVENTS = Set.of("DISAPPROVE", "REJECT", "DEMAND", "THREATEN");
    /** The publisher PLOVER sentences are sent with (news-wire sentences), as the issue's outside run does. */
    static final String PLOVER_PUBLISHER = "Reuters";

    private final Extractor extractor;
    private final Countries countries;

    public Evaluation(Extractor extractor, Countries countries) {
        this.extractor = extractor;
        this.countries = countries;
    }

    public static Evaluation standalone() {
        Countries countries = new Countries();
        return new Evaluation(Extractor.standalone(countries), countries);
    }

    /** Prints the table: ./mvnw -B -q test -Dtest=ExtractionQualityTest (or run this main on the test classpath). */
    /**
     * Prints the table. {@code --misses}: also the dev sentences not fully found; {@code --dev}: the dev rows only,
     * for tuning without seeing the test figures.
     */
    public static void main(String[] args) {
        List<String> options = List.of(args);
        Evaluation evaluation = standalone();
        Report report = evaluation.evaluate(options.contains("--misses"));
        if (options.contains("--dev")) {
            report.rows().values().removeIf(row -> !row.split().equals("dev"));
        }
        evaluation.print(report, System.out);
    }

    public Report evaluate(boolean listMisses) {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        ArticleInput seed = readArticle(resource(SEED));
        List<ArticleInput> own = Stream.of("en-nk-workers", "en-us-iran-houthis", "id-korsel-rudal", "id-ukraina-belarus")
                .map(name -> readArticle(resource(ARTICLES + name + ".json"))).toList();
        put(rows, score(SEED_ALLEGATIONS, "dev", List.of(seed), true));
        put(rows, score(SEED_CLAIMS, "dev", List.of(seed), false));
        put(rows, publisherClaims(seed));
        put(rows, score(OWN_ALLEGATIONS, "test", own, true));
        put(rows, score(OWN_CLAIMS, "test", own, false));
        for (String split : new String[] { "dev", "test" }) {
            sentences("sentences-en.tsv", split, EN_FULL, EN_PAIR, rows, listMisses ? misses : null);
            sentences("sentences-id.tsv", split, ID_FULL, ID_PAIR, rows, listMisses ? misses : null);
        }
        for (String split : new String[] { "dev", "test" }) {
            indonesianNews(split, rows, listMisses ? misses : null);
        }
        failureClasses(rows, listMisses ? misses : null);
        storedClasses(rows, listMisses ? misses : null);
        if (Files.isRegularFile(PLOVER)) {
            plover(rows, listMisses ? misses : null);
        } else {
            notes.add("PLOVER: " + PLOVER.toAbsolutePath() + " not found, skipped (set -Datlas.shared-dir)");
        }
        List<ArticleInput> timed = new ArrayList<>(own);
        timed.add(0, seed);
        return new Report(rows, medianMillis(timed), timed.size(), notes, misses);
    }

    private static void put(Map<String, Row> rows, Row row) {
        rows.put(row.key(), row);
    }

    public void print(Report report, PrintStream out) {
        out.println("Extraction quality (dictionaries and models only; stored actors not used)");
        out.printf(Locale.ROOT, "%-64s %-5s %5s %9s %6s %9s%n", "dataset", "split", "n", "extracted", "found", "rate/P");
        for (Row r : report.rows().values()) {
            String figure = r.measure().equals("PR")
                    ? String.format(Locale.ROOT, "P %.2f R %.2f", r.precision(), r.rate())
                    : String.format(Locale.ROOT, "%.2f", r.rate());
            out.printf(Locale.ROOT, "%-64s %-5s %5d %9s %6d %s%n", r.dataset(), r.split(), r.n(),
                    r.measure().equals("PR") ? String.valueOf(r.extracted()) : "", r.found(), figure);
        }
        report.notes().forEach(out::println);
        out.printf(Locale.ROOT, "Timing: median %.2f ms per article (%d articles, %d rounds after %d warm-up rounds)%n",
                report.medianMillisPerArticle(), report.timedArticles(), TIMED_ROUNDS, WARM_UP_ROUNDS);
        report.misses().forEach(out::println);
    }

    // ---- curated articles: precision and recall ----

    private Row score(String dataset, String split, List<ArticleInput> articles, boolean allegationsOnly) {
        int n = 0;
        int extracted = 0;
        int matched = 0;
        for (ArticleInput curated : articles) {
            ArticleInput found = extractor.extractFromLexicon(raw(curated)).article();
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
        return new Row(dataset, split, n, extracted, matched, "PR");
    }

    private record Scored(List<String> tuple, int start, int end) {
        boolean overlaps(Scored other) {
            return start < other.end && other.start < end;
        }
    }

    private List<Scored> scored(ArticleInput article, boolean allegationsOnly) {
        Map<String, String> countryOf = countries(article);
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

    private Map<String, String> countries(ArticleInput article) {
        Map<String, String> countryOf = new HashMap<>();
        for (ActorInput a : article.actors()) {
            countryOf.put(a.key(), a.country() == null ? null : countries.find(a.country()).map(c -> c.code()).orElse(null));
        }
        return countryOf;
    }

    private static RawArticleInput raw(ArticleInput a) {
        return new RawArticleInput(a.url(), a.title(), a.publisher(), null, a.publishedOn(), a.dateline(), a.body());
    }

    // ---- annotated sentences ----

    private void sentences(String file, String split, String fullName, String pairName, Map<String, Row> rows, List<String> misses) {
        int n = 0;
        int full = 0;
        int pairN = 0;
        int pairs = 0;
        int accusations = 0;
        int accusationsFound = 0;
        for (String line : resource(EVAL + file).split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            if (!c[1].equals(split)) {
                continue;
            }
            Set<String> claimants = Set.of(c[3].split("\\|"));
            Set<String> subjects = Set.of(c[4].split("\\|"));
            ArticleInput got = extractor.extractFromLexicon(new RawArticleInput("urn:eval:" + c[0], null, null, null, null, null, c[6]))
                    .article();
            Map<String, String> countryOf = countries(got);
            boolean fully = false;
            for (ClaimInput claim : got.claims()) {
                fully |= claimants.contains(String.valueOf(countryOf.get(claim.claimant())))
                        && subjects.contains(String.valueOf(countryOf.get(claim.subject()))) && claim.stance().name().equals(c[5]);
            }
            n++;
            full += fully ? 1 : 0;
            if (c[5].equals("ALLEGES")) {
                accusations++;
                accusationsFound += fully ? 1 : 0;
            }
            Set<List<String>> gold = new HashSet<>();
            for (String s : claimants) {
                for (String t : subjects) {
                    if (!s.equals(t)) {
                        gold.add(List.of(s, t));
                    }
                }
            }
            if (!gold.isEmpty()) {
                pairN++;
                pairs += matchingPairs(got, false).stream().anyMatch(gold::contains) ? 1 : 0;
            }
            if (misses != null && !fully && split.equals("dev")) {
                misses.add("MISS " + c[0] + " want " + c[3] + "->" + c[4] + " " + c[5] + ": " + c[6] + "\n    got " + describe(got));
            }
        }
        put(rows, new Row(fullName, split, n, 0, full, "rate"));
        put(rows, new Row(pairName, split, pairN, 0, pairs, "rate"));
        if (fullName.equals(ID_FULL)) {
            // "fully found" needs the gold claimant: only claims with a claimant count, i.e. what extractArticle stores
            put(rows, new Row(ID_ACCUSATIONS, split, accusations, 0, accusationsFound, "rate"));
        }
    }

    /**
     * news-id.tsv (real Indonesian news sentences) sent as extractArticle is, with language and a publisher: fully
     * right when some stored claim whose claimant is not an outlet has the gold claimant country, subject country and
     * stance ("*": any stance).
     */
    private void indonesianNews(String split, Map<String, Row> rows, List<String> misses) {
        int n = 0;
        int full = 0;
        int accusations = 0;
        int accusationsFull = 0;
        for (String line : resource(EVAL + "news-id.tsv").split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            if (!c[1].equals(split)) {
                continue;
            }
            Set<String> claimants = Set.of(c[4].split("\\|"));
            Set<String> subjects = Set.of(c[5].split("\\|"));
            ArticleInput got = extractor.extractFromLexicon(new RawArticleInput("urn:eval:" + c[0], null, ID_NEWS_PUBLISHER, "id", null,
                    null, c[7])).storable();
            Map<String, String> countryOf = countries(got);
            Set<String> media = new HashSet<>();
            got.actors().stream().filter(a -> a.kind() == ActorKind.MEDIA).forEach(a -> media.add(a.key()));
            boolean fully = false;
            for (ClaimInput claim : got.claims()) {
                fully |= !media.contains(claim.claimant()) && claimants.contains(String.valueOf(countryOf.get(claim.claimant())))
                        && subjects.contains(String.valueOf(countryOf.get(claim.subject())))
                        && (c[6].equals("*") || claim.stance().name().equals(c[6]));
            }
            n++;
            full += fully ? 1 : 0;
            if (c[3].equals("accuse")) {
                accusations++;
                accusationsFull += fully ? 1 : 0;
            }
            if (misses != null && !fully && split.equals("dev")) {
                misses.add("MISS " + c[0] + " (" + c[3] + ") want " + c[4] + "->" + c[5] + " " + c[6] + ": " + c[7] + "\n    stored "
                        + describe(got));
            }
        }
        put(rows, new Row(ID_NEWS, split, n, 0, full, "rate"));
        put(rows, new Row(ID_NEWS_ACCUSATIONS, split, accusations, 0, accusationsFull, "rate"));
    }

    /**
     * The curated seed claims the publisher makes in its own voice (claimant named as the article's publisher): found
     * when an extracted claim of a MEDIA claimant has the same subject country and stance, over the same words.
     */
    private Row publisherClaims(ArticleInput curated) {
        ArticleInput found = extractor.extractFromLexicon(raw(curated)).storable();
        Map<String, String> curatedCountry = countries(curated);
        Map<String, String> foundCountry = countries(found);
        Set<String> media = new HashSet<>();
        for (ActorInput a : found.actors()) {
            if (a.kind() == ActorKind.MEDIA) {
                media.add(a.key());
            }
        }
        Set<String> publisherKeys = new HashSet<>();
        for (ActorInput a : curated.actors()) {
            if (a.name().equalsIgnoreCase(curated.publisher())) {
                publisherKeys.add(a.key());
            }
        }
        int n = 0;
        int matched = 0;
        int extracted = (int) found.claims().stream().filter(c -> media.contains(c.claimant())).count();
        for (ClaimInput gold : curated.claims()) {
            if (!publisherKeys.contains(gold.claimant())) {
                continue;
            }
            n++;
            int start = curated.body().indexOf(gold.quote());
            Scored want = new Scored(List.of(), start, start + gold.quote().length());
            boolean hit = false;
            for (ClaimInput c : found.claims()) {
                Scored got = new Scored(List.of(), c.quoteStart(), c.quoteStart() + c.quote().length());
                hit |= media.contains(c.claimant()) && c.stance() == gold.stance()
                        && Objects.equals(foundCountry.get(c.subject()), curatedCountry.get(gold.subject())) && want.overlaps(got);
            }
            matched += hit ? 1 : 0;
        }
        return new Row(SEED_PUBLISHER, "dev", n, extracted, matched, "PR");
    }

    /**
     * generalisation-21.tsv (issue 21's failure classes, dev only), on what extractArticle stores: a claim with a
     * claimant gives the (source, target) pair as PLOVER counts it, with the gold stance when one is given; "*" as
     * the source: any claimant but the publisher (a group of no country), then with the target as subject.
     */
    private void storedClasses(Map<String, Row> rows, List<String> misses) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String line : resource(EVAL + "generalisation-21.tsv").split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            String publisher = c[4].equals("-") ? null : c[4];
            ArticleInput got = extractor.extractFromLexicon(new RawArticleInput("urn:eval:" + c[0], null, publisher, c[3], null, null,
                    c[8])).storable();
            Map<String, String> countryOf = countries(got);
            Set<String> media = new HashSet<>();
            got.actors().stream().filter(a -> a.kind() == ActorKind.MEDIA).forEach(a -> media.add(a.key()));
            boolean hit = false;
            for (ClaimInput claim : got.claims()) {
                if (!c[7].equals("-") && !claim.stance().name().equals(c[7])) {
                    continue;
                }
                String claimant = media.contains(claim.claimant()) ? null : countryOf.get(claim.claimant());
                String subject = countryOf.get(claim.subject());
                String counterparty = claim.counterparty() == null ? null : countryOf.get(claim.counterparty());
                if (c[5].equals("*")) {
                    hit |= !media.contains(claim.claimant()) && c[6].equals(subject);
                } else {
                    hit |= c[5].equals(claimant) && (c[6].equals(subject) || c[6].equals(counterparty))
                            || c[5].equals(subject) && c[6].equals(counterparty);
                }
            }
            for (String key : new String[] { c[2], "all" }) {
                int[] count = counts.computeIfAbsent(key, k -> new int[3]);
                count[0]++;
                count[1] += hit ? 1 : 0;
                count[2] += got.claims().size();
            }
            if (misses != null && !hit) {
                misses.add("MISS " + c[0] + " (" + c[2] + ") want " + c[5] + "->" + c[6] + " " + c[7] + ": " + c[8]
                        + "\n    stored " + describe(got));
            }
        }
        counts.forEach((key, count) -> put(rows, new Row(STORED_CLASSES + key, "dev", count[0], 0, count[1], "rate")));
        int[] all = counts.getOrDefault("all", new int[3]);
        put(rows, new Row(STORED_CLASSES + "claims per sentence (mean)", "dev", all[0], 0, all[2], "rate"));
    }

    /** generalisation.tsv: fully found per failure class (all dev); the counterparty may not be the adjective's country. */
    private void failureClasses(Map<String, Row> rows, List<String> misses) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String line : resource(EVAL + "generalisation.tsv").split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            ArticleInput got = extractor.extractFromLexicon(new RawArticleInput("urn:eval:" + c[0], null, null, null, null, null, c[7]))
                    .article();
            Map<String, String> countryOf = countries(got);
            boolean fully = false;
            for (ClaimInput claim : got.claims()) {
                fully |= c[3].equals(countryOf.get(claim.claimant())) && c[4].equals(countryOf.get(claim.subject()))
                        && claim.stance().name().equals(c[5]) && !c[6].equals(countryOf.get(claim.counterparty()));
            }
            for (String key : new String[] { c[2], "all" }) {
                int[] count = counts.computeIfAbsent(key, k -> new int[2]);
                count[0]++;
                count[1] += fully ? 1 : 0;
            }
            if (misses != null && !fully) {
                misses.add("MISS " + c[0] + " (" + c[2] + ") want " + c[3] + "->" + c[4] + " " + c[5]
                        + (c[6].equals("-") ? "" : ", counterparty not " + c[6]) + ": " + c[7] + "\n    got " + describe(got));
            }
        }
        counts.forEach((key, count) -> put(rows, new Row(FAILURE_CLASSES + key, "dev", count[0], 0, count[1], "rate")));
    }

    private String describe(ArticleInput got) {
        Map<String, String> countryOf = countries(got);
        Map<String, ActorInput> actors = new HashMap<>();
        got.actors().forEach(a -> actors.put(a.key(), a));
        List<String> parts = new ArrayList<>();
        for (ClaimInput c : got.claims()) {
            ActorInput claimant = c.claimant() == null ? null : actors.get(c.claimant());
            // a claimant of no country, or an outlet, by name: "Reuters(MEDIA)->SY->TR"
            String speaker = claimant == null || claimant.country() != null && claimant.kind() != ActorKind.MEDIA
                    ? String.valueOf(countryOf.get(c.claimant()))
                    : claimant.name() + "(" + claimant.kind() + (claimant.country() == null ? "" : " " + claimant.country()) + ")";
            parts.add(speaker + "->" + countryOf.get(c.subject())
                    + (c.counterparty() == null ? "" : "->" + countryOf.get(c.counterparty())) + " " + c.stance());
        }
        return parts.toString();
    }

    // ---- PLOVER ----

    private void plover(Map<String, Row> rows, List<String> misses) {
        Map<String, String> split = new HashMap<>();
        for (String line : resource(EVAL + "plover-split.tsv").split("\\R")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] c = line.split("\t");
                split.put(c[0], c[1]);
            }
        }
        JsonArray records;
        try (Reader reader = Files.newBufferedReader(PLOVER, StandardCharsets.UTF_8); JsonReader json = Json.createReader(reader)) {
            records = json.readArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, int[]> counts = new HashMap<>();
        for (JsonValue value : records) {
            JsonObject record = value.asJsonObject();
            Set<String> sources = ploverCountries(record.get("source"));
            Set<String> targets = ploverCountries(record.get("target"));
            Set<List<String>> gold = new HashSet<>();
            for (String s : sources) {
                for (String t : targets) {
                    if (!s.equals(t)) {
                        gold.add(List.of(s, t));
                    }
                }
            }
            if (gold.isEmpty()) {
                continue;
            }
            String id = record.getString("id");
            ArticleInput extracted = extractor.extractFromLexicon(new RawArticleInput("urn:plover:" + id, null, null, "en", null, null,
                    record.getString("text"))).article();
            boolean hit = matchingPairs(extracted, false).stream().anyMatch(gold::contains);
            String part = split.getOrDefault(id, "dev");
            int[] c = counts.computeIfAbsent(part, k -> new int[2]);
            c[0]++;
            c[1] += hit ? 1 : 0;
            if (misses != null && !hit && "dev".equals(split.get(id))) {
                misses.add("PLOVER MISS " + id + " want " + gold + ": " + record.getString("text") + "\n    got " + describe(extracted));
            }
            // what extractArticle stores for the sentence sent with a publisher and a language
            ArticleInput stored = extractor.extractFromLexicon(new RawArticleInput("urn:plover:" + id, null, PLOVER_PUBLISHER, "en", null,
                    null, record.getString("text"))).storable();
            boolean storedHit = matchingPairs(stored, true).stream().anyMatch(gold::contains);
            String kind = STATEMENT_EVENTS.contains(record.getString("event", "")) ? "statements" : "acts";
            for (String key : new String[] { part + "/stored", part + "/" + kind }) {
                int[] k = counts.computeIfAbsent(key, x -> new int[3]);
                k[0]++;
                k[1] += storedHit ? 1 : 0;
                k[2] += stored.claims().size();
            }
            if (misses != null && !storedHit && "dev".equals(split.get(id))) {
                misses.add("PLOVER STORED MISS " + id + " (" + record.getString("event", "") + ") want " + gold + ": "
                        + record.getString("text") + "\n    stored " + describe(stored));
            }
        }
        for (String s : new String[] { "dev", "test" }) {
            int[] c = counts.getOrDefault(s, new int[2]);
            put(rows, new Row(PLOVER_PAIR, s, c[0], 0, c[1], "rate"));
        }
        for (String s : new String[] { "dev", "test" }) {
            int[] all = counts.getOrDefault(s + "/stored", new int[3]);
            put(rows, new Row(PLOVER_STORED, s, all[0], 0, all[1], "rate"));
            int[] statements = counts.getOrDefault(s + "/statements", new int[3]);
            put(rows, new Row(PLOVER_STORED_STATEMENTS, s, statements[0], 0, statements[1], "rate"));
            int[] acts = counts.getOrDefault(s + "/acts", new int[3]);
            put(rows, new Row(PLOVER_STORED_ACTS, s, acts[0], 0, acts[1], "rate"));
            put(rows, new Row(PLOVER_STORED_PER_SENTENCE, s, all[0], 0, all[2], "rate"));
        }
    }

    /**
     * (source, target) pairs a claim supports: claimant -> subject or counterparty; subject -> counterparty. With
     * {@code outletNoParty}, a news outlet's own country is no party to what it reports (Reuters' claimant -> X is no pair).
     */
    private Set<List<String>> matchingPairs(ArticleInput article, boolean outletNoParty) {
        Map<String, String> countryOf = countries(article);
        Set<String> media = new HashSet<>();
        article.actors().stream().filter(a -> a.kind() == ActorKind.MEDIA).forEach(a -> media.add(a.key()));
        Set<List<String>> pairs = new HashSet<>();
        for (ClaimInput c : article.claims()) {
            String claimant = c.claimant() == null || outletNoParty && media.contains(c.claimant()) ? null : countryOf.get(c.claimant());
            String subject = countryOf.get(c.subject());
            String counterparty = c.counterparty() == null ? null : countryOf.get(c.counterparty());
            addPair(pairs, claimant, subject);
            addPair(pairs, claimant, counterparty);
            addPair(pairs, subject, counterparty);
        }
        return pairs;
    }

    private static void addPair(Set<List<String>> pairs, String from, String to) {
        if (from != null && to != null) {
            pairs.add(List.of(from, to));
        }
    }

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

    static ArticleInput readArticle(String json) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(json, ArticleInput.class);
        } catch (Exception e) {
            throw new IllegalStateException("not an ArticleInput: " + e.getMessage(), e);
        }
    }

    static String resource(String path) {
        try (InputStream in = Objects.requireNonNull(Evaluation.class.getClassLoader().getResourceAsStream(path), path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
