package org.allegationatlas.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.allegationatlas.country.Countries;
import org.allegationatlas.ingest.ArticleInput;

/**
 * Extraction's cost, printed by bench/extract-bench.sh: the heap the dictionaries and models hold
 * once loaded (used heap after full GCs, before and after loading), and the time per article after
 * warm-up, wall clock and CPU time of the extracting thread (the seed and the four annotated articles, each extracted ROUNDS times; median and 90th
 * percentile over all runs).
 */
public final class ExtractionBenchmark {

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Countries countries = new Countries();
        long before = usedAfterGc(memory);
        Extractor extractor = Extractor.standalone(countries);
        List<RawArticleInput> articles = new ArrayList<>();
        for (String name : new String[] { "seed/000_671a98246944ff06.json", "extract/articles/en-nk-workers.json",
                "extract/articles/en-us-iran-houthis.json", "extract/articles/id-korsel-rudal.json",
                "extract/articles/id-ukraina-belarus.json" }) {
            ArticleInput a = Evaluation.readArticle(Evaluation.resource(name));
            articles.add(new RawArticleInput(a.url(), a.title(), a.publisher(), null, a.publishedOn(), a.dateline(), a.body()));
        }
        long loadStart = System.nanoTime();
        extractor.extractFromLexicon(articles.get(0)); // loads dictionaries and models
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long loaded = usedAfterGc(memory);
        for (int r = 0; r < 50; r++) {
            articles.forEach(extractor::extractFromLexicon);
        }
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        var threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (RawArticleInput a : articles) {
                long cpu = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                extractor.extractFromLexicon(a);
                millis.add((System.nanoTime() - t) / 1e6);
                cpuMillis.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
            }
        }
        millis.sort(Double::compare);
        cpuMillis.sort(Double::compare);
        System.out.printf(Locale.ROOT, "load: %.1f s; heap held by dictionaries and models: %.1f MB (used after GC %.1f -> %.1f MB)%n",
                loadSeconds, (loaded - before) / 1e6, before / 1e6, loaded / 1e6);
        System.out.printf(Locale.ROOT, "per article after warm-up: median %.2f ms, p90 %.2f ms (%d articles x %d rounds)%n",
                millis.get(millis.size() / 2), millis.get(millis.size() * 9 / 10), articles.size(), rounds);
        // CPU time of the extracting thread: what an article costs when the machine is shared
        System.out.printf(Locale.ROOT, "CPU time per article: median %.2f ms, p90 %.2f ms%n", cpuMillis.get(cpuMillis.size() / 2),
                cpuMillis.get(cpuMillis.size() * 9 / 10));
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
