package org.allegationatlas.news.archive;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.allegationatlas.claim.ClaimCountsRefill;
import org.allegationatlas.common.ApiException;
import org.allegationatlas.ingest.EmbeddedCompaction;
import org.allegationatlas.news.NewsIngest;
import org.allegationatlas.news.NewsIngest.Outcome;
import org.allegationatlas.news.NewsIngest.Prepared;
import org.allegationatlas.news.NewsIngest.Source;
import org.allegationatlas.news.NewsIngest.Stored;
import org.allegationatlas.news.PageFailure;
import org.allegationatlas.news.fetch.FetchSettings;
import org.allegationatlas.news.read.ReadPage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code import-pages PATH}: stores the articles of saved pages and web archives (see {@link SavedPages}) by the
 * path a fetched page takes — read, extract, store, the same article never twice — in batches of
 * {@code atlas.import.batch-size} articles per transaction, showing progress and ending with a summary: pages
 * read, stored, skipped (stored already), failed with their reasons. Pages are read and extracted on
 * {@code atlas.import.threads} threads. Memory stays flat: the archive is read record by record, a few pages per
 * thread are in the works at a time, and a batch holds only its articles' text and claims. Killed half-way, the
 * batches committed stay, and running it again skips them.
 */
@ApplicationScoped
public class ImportPagesCommand {

    private static final Logger LOG = Logger.getLogger(ImportPagesCommand.class);
    private static final int BATCH_TIMEOUT_SECONDS = 24 * 3600; // an import is not bounded by a request's deadline

    @Inject
    NewsIngest news;
    @Inject
    FetchSettings fetchSettings;
    @Inject
    EmbeddedCompaction compaction;
    @Inject
    ClaimCountsRefill counts;
    @ConfigProperty(name = "atlas.import.batch-size", defaultValue = "500")
    int batchSize;
    /** Threads that read and extract pages; the processors the JVM sees by default. */
    @ConfigProperty(name = "atlas.import.threads")
    Optional<Integer> threads;

    public int run(Path path, PrintStream out) throws IOException {
        if (!Files.exists(path) || !Files.isReadable(path)) {
            out.println("import-pages: cannot read " + path);
            return 2;
        }
        if (!Files.isDirectory(path) && !SavedPages.readable(path)) {
            out.println("import-pages: " + path + " is not an .html, .htm, .html.gz, .warc or .warc.gz file");
            return 2;
        }
        List<Path> files = SavedPages.files(path);
        boolean terminal = System.console() != null;
        int workerCount = threads.orElse(Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, workerCount), r -> {
            Thread thread = new Thread(r, "import-pages");
            thread.setDaemon(true);
            return thread;
        });
        Run run = new Run(out, terminal, workers, Math.max(1, workerCount));
        boolean countAtEnd = compaction.exclusive();
        if (countAtEnd) {
            counts.defer(); // the map's counts once at the end, as import does
        }
        try {
            SavedPages pages = new SavedPages(fetchSettings.maxPageSize().asLongValue());
            for (Path file : files) {
                pages.read(file, run);
            }
            run.drain();
        } finally {
            workers.shutdownNow();
            if (countAtEnd) {
                long start = System.nanoTime();
                counts.countAgain();
                out.printf("%sCounted the claims for the map in %.1f s%n", run.eol(), (System.nanoTime() - start) / 1e9);
            }
        }
        out.printf("%s%s%n", run.eol(), run.summary(files.size()));
        compaction.compactAndClose(out);
        return run.unreadable == 0 ? 0 : 1;
    }

    /** One import: its counts, its batch, its progress lines. */
    private final class Run implements SavedPages.Visitor {
        final PrintStream out;
        final boolean terminal;
        final long started = System.nanoTime();
        final List<Prepared> batch = new ArrayList<>();
        final List<String> batchSources = new ArrayList<>();
        final Set<String> batchUrls = new HashSet<>();
        final Set<String> batchBodies = new HashSet<>();
        final Map<String, Long> failures = new TreeMap<>();
        final ExecutorService workers;
        final int window;
        final ArrayDeque<Future<Done>> inFlight = new ArrayDeque<>();
        long pages;
        long stored;
        long claims;
        long skipped;
        long failed;
        long ignored;
        long notExtracted;
        long unreadable;
        long lastShown;

        Run(PrintStream out, boolean terminal, ExecutorService workers, int threads) {
            this.out = out;
            this.terminal = terminal;
            this.workers = workers;
            this.window = 4 * threads;
        }

        String eol() {
            return terminal ? "\r\033[K" : "";
        }

        /** What reading and extracting a page gave: an article to store, one known already (null), or a failure. */
        private record Done(String source, Prepared prepared, String reason, String message) {
        }

        /**
         * Pages are read and extracted on {@code atlas.import.threads} threads (the CPU's work), at most a few ahead of
         * the one storing them in the archive's order (so memory stays bounded); batches are stored on this thread.
         */
        @Override
        public void page(SavedPage saved) {
            pages++;
            inFlight.add(workers.submit(() -> work(saved)));
            while (inFlight.size() >= window) {
                take(inFlight.poll());
            }
        }

        void drain() {
            while (!inFlight.isEmpty()) {
                take(inFlight.poll());
            }
            flush();
        }

        private Done work(SavedPage saved) {
            try {
                ReadPage page = news.reader().read(saved.body(), saved.contentType(), saved.url());
                // a saved file has no address of its own: the page's canonical one names it, whatever its site
                return new Done(saved.source(), news.prepareUnlessKnown(page, saved.url(), !saved.captured(), Source.PAGE, List.of()),
                        null, null);
            } catch (PageFailure e) {
                boolean none = e.code().equals(PageFailure.NO_ARTICLE);
                return new Done(saved.source(), null, none ? "no article text" : e.code(),
                        none ? "no article text was found on the page" : e.getMessage());
            } catch (ApiException e) {
                return new Done(saved.source(), null, "not storable", e.getMessage());
            } catch (RuntimeException e) {
                String incident = UUID.randomUUID().toString();
                LOG.errorf(e, "import-pages: %s could not be read (incident %s)", saved.source(), incident);
                return new Done(saved.source(), null, "not readable", "could not be read (incident " + incident + "; the log has the details)");
            }
        }

        private void take(Future<Done> next) {
            Done done;
            try {
                done = next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import-pages was interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            Prepared prepared = done.prepared();
            if (done.reason() != null) {
                fail(done.source(), done.reason(), done.message());
            } else if (prepared == null || prepared.urls().stream().anyMatch(batchUrls::contains)
                    || batchBodies.contains(prepared.bodyHash())) {
                skipped++; // stored already, or earlier in this batch
            } else {
                if (!prepared.extracted()) {
                    notExtracted++;
                    out.printf("%s%s: the extractor failed on it (see the log): stored with its text alone%n", eol(), done.source());
                }
                batch.add(prepared);
                batchSources.add(done.source());
                batchUrls.addAll(prepared.urls());
                batchBodies.add(prepared.bodyHash());
                if (batch.size() >= batchSize) {
                    flush();
                }
            }
            progress();
        }

        @Override
        public void ignored(String source, String why) {
            ignored++;
        }

        @Override
        public void unreadable(String source, String why) {
            unreadable++;
            out.printf("%s%s: unreadable: %s%n", eol(), source, why);
        }

        void fail(String source, String reason, String message) {
            failed++;
            failures.merge(reason, 1L, Long::sum);
            out.printf("%s%s: %s%n", eol(), source, message);
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                List<Stored> results = QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS)
                        .call(() -> batch.stream().map(news::storeNew).toList());
                results.forEach(this::count);
            } catch (RuntimeException batchFailed) {
                // something only the database could see: one by one, to keep the rest
                for (int i = 0; i < batch.size(); i++) {
                    Prepared prepared = batch.get(i);
                    try {
                        count(QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS).call(() -> news.storeNew(prepared)));
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "import-pages: %s could not be stored", batchSources.get(i));
                        fail(batchSources.get(i), "not storable", "could not be stored: " + e.getMessage());
                    }
                }
            }
            batch.clear();
            batchSources.clear();
            batchUrls.clear();
            batchBodies.clear();
        }

        void count(Stored result) {
            if (result.outcome() == Outcome.STORED) {
                stored++;
                claims += result.claims();
            } else {
                skipped++;
            }
        }

        void progress() {
            long now = System.nanoTime();
            if (now - lastShown < (terminal ? 500_000_000L : 2_000_000_000L)) {
                return;
            }
            lastShown = now;
            out.printf("%s%,d pages read: %,d stored, %,d skipped, %,d failed, %,d waiting to be stored; %,.1f pages/s%s", eol(),
                    pages, stored, skipped, failed, batch.size(), pages / seconds(), terminal ? "" : System.lineSeparator());
        }

        double seconds() {
            return Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        }

        String summary(int files) {
            StringBuilder text = new StringBuilder(String.format(
                    "Read %,d pages from %,d file%s in %.1f s (%,.1f pages/s): %,d stored (%,d claims), %,d skipped (stored already), %,d failed",
                    pages, files, files == 1 ? "" : "s", seconds(), pages / seconds(), stored, claims, skipped, failed));
            if (!failures.isEmpty()) {
                text.append(" (");
                failures.forEach((reason, n) -> text.append(text.charAt(text.length() - 1) == '(' ? "" : ", ").append(String.format("%,d %s", n, reason)));
                text.append(')');
            }
            if (notExtracted > 0) {
                text.append(String.format("; %,d stored with their text alone: the extractor failed on them (the log has why;"
                        + " run reextract once it is fixed)", notExtracted));
            }
            if (ignored > 0) {
                text.append(String.format("; %,d archive records were not HTML pages", ignored));
            }
            if (unreadable > 0) {
                text.append(String.format("; %,d files or records could not be read", unreadable));
            }
            return text.toString();
        }
    }
}
