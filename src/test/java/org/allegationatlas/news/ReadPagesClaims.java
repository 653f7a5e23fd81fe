package org.allegationatlas.news;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.allegationatlas.country.Countries;
import org.allegationatlas.extract.Extractor;
import org.allegationatlas.extract.RawArticleInput;
import org.allegationatlas.ingest.ActorInput;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.ClaimInput;
import org.allegationatlas.news.read.PageReader;
import org.allegationatlas.news.read.ReadPage;
import org.allegationatlas.news.read.ReadPagesBenchmark;

/**
 * What the reader's mistakes do to what users get, the stored claims (bench/read-pages-claims.sh; test scope): for
 * each page of the article-extraction benchmark, the claims {@code fetchArticle} would store from the reader's body
 * against those from the body a person marked on the page, both with the page's metadata as read
 * ({@link NewsIngest#raw}) and the extractor's word lists alone. A claim is the same when its claimant, subject,
 * category, stance and quoted sentence are; "same roles" leaves the sentence out (the same claim quoted from a
 * sentence the reader joined or cut differently).
 * <p>
 * The pages' split is the reader's (sha256 0-9, a: dev; b-f: test); {@code -Dsplits=dev} by default, and each page
 * whose claims differ is listed for the dev split only; {@code -Ddump=dev} (or test) prints every claim stored from the
 * marked body of that split's pages, with its confidence, stance and explanation.
 */
public final class ReadPagesClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadPagesClaims() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/eval/article-extraction");
        List<String> splits = List.of(System.getProperty("splits", "dev").split("[ ,]+"));
        JsonNode truth = JSON.readTree(data.resolve("ground-truth.json").toFile());
        PageReader reader = PageReader.withFunctionWords();
        Extractor extractor = Extractor.standalone(new Countries());
        Map<String, Tally> tallies = new HashMap<>();
        for (Iterator<String> it = truth.fieldNames(); it.hasNext();) {
            String sha = it.next();
            String split = ReadPagesBenchmark.split(sha);
            if (!splits.contains(split)) {
                continue; // a split not asked for is not even read
            }
            String url = truth.get(sha).get("url").asText();
            ReadPage page = reader.read(ReadPagesBenchmark.gunzip(data.resolve("html").resolve(sha + ".html.gz")), null, url);
            RawArticleInput read = NewsIngest.raw(page, url, NewsIngest.Source.PAGE);
            RawArticleInput marked = new RawArticleInput(read.url(), read.title(), read.publisher(), read.language(),
                    read.publishedOn(), read.dateline(), truth.get(sha).get("articleBody").asText());
            List<String> fromRead = storedClaims(extractor, read);
            List<String> fromMarked = storedClaims(extractor, marked);
            tallies.computeIfAbsent(split, s -> new Tally()).add(sha, fromMarked, fromRead, split.equals("dev"));
            if (split.equals(System.getProperty("dump"))) {
                extractor.extractFromLexicon(marked).storable().claims().forEach(c -> System.out.println("DUMP " + sha.substring(0, 10) + " "
                        + c.confidence() + " " + c.stance() + " " + c.quote().replaceAll("\\s+", " ") + "\n    category: " + c.category() + "\n    " + c.explanation()));
            }
        }
        for (String split : splits) {
            Tally t = tallies.get(split);
            if (t != null) {
                t.print(split);
            }
        }
    }

    /** The claims extractArticle would store, each as "claimant | subject | category | stance | quote". */
    private static List<String> storedClaims(Extractor extractor, RawArticleInput raw) {
        if (raw.body() == null || raw.body().isBlank()) {
            return List.of();
        }
        ArticleInput stored = extractor.extractFromLexicon(raw).storable();
        Map<String, String> names = new HashMap<>();
        for (ActorInput actor : stored.actors()) {
            names.put(actor.key(), actor.name() + " (" + actor.kind() + (actor.country() == null ? "" : " " + actor.country()) + ")");
        }
        List<String> claims = new ArrayList<>();
        for (ClaimInput c : stored.claims()) {
            claims.add(String.join(" | ", names.get(c.claimant()), names.get(c.subject()), String.valueOf(c.category()),
                    String.valueOf(c.stance()), c.quote().replaceAll("\\s+", " ").strip()));
        }
        return claims;
    }

    /** Without the quoted sentence. */
    private static String roles(String claim) {
        return claim.substring(0, claim.lastIndexOf(" | "));
    }

    private static final class Tally {
        int pages;
        int pagesWithClaims;
        int pagesAlike;
        int marked;
        int read;
        int same;
        int sameRoles;
        final List<String> details = new ArrayList<>();

        void add(String sha, List<String> fromMarked, List<String> fromRead, boolean listDetails) {
            pages++;
            pagesWithClaims += fromMarked.isEmpty() && fromRead.isEmpty() ? 0 : 1;
            marked += fromMarked.size();
            read += fromRead.size();
            int sameHere = common(fromMarked, fromRead);
            same += sameHere;
            sameRoles += common(fromMarked.stream().map(ReadPagesClaims::roles).toList(),
                    fromRead.stream().map(ReadPagesClaims::roles).toList());
            boolean alike = sameHere == fromMarked.size() && sameHere == fromRead.size();
            pagesAlike += alike ? 1 : 0;
            if (!alike && listDetails) {
                List<String> lost = new ArrayList<>(fromMarked);
                fromRead.forEach(lost::remove);
                List<String> added = new ArrayList<>(fromRead);
                fromMarked.forEach(added::remove);
                StringBuilder d = new StringBuilder(sha.substring(0, 10));
                lost.forEach(c -> d.append("\n   lost:  ").append(c));
                added.forEach(c -> d.append("\n   added: ").append(c));
                details.add(d.toString());
            }
        }

        /** How many claims the two lists share, each counted as often as both hold it. */
        private static int common(List<String> a, List<String> b) {
            List<String> rest = new ArrayList<>(b);
            int n = 0;
            for (String claim : a) {
                if (rest.remove(claim)) {
                    n++;
                }
            }
            return n;
        }

        void print(String split) {
            System.out.printf(Locale.ROOT, "== %s: %d pages, %d with a stored claim from either body, %d of them alike%n", split,
                    pages, pagesWithClaims, pagesAlike - (pages - pagesWithClaims));
            System.out.printf(Locale.ROOT,
                    "claims stored from the marked body %d, from the reader's %d; the same %d (%.1f %% of the marked body's, %.1f %% of the reader's); "
                            + "the same roles %d (%.1f %%, %.1f %%)%n",
                    marked, read, same, 100.0 * same / Math.max(1, marked), 100.0 * same / Math.max(1, read), sameRoles,
                    100.0 * sameRoles / Math.max(1, marked), 100.0 * sameRoles / Math.max(1, read));
            details.forEach(System.out::println);
        }
    }
}
