package org.allegationatlas.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.allegationatlas.claim.ClaimCountsRefill;
import org.allegationatlas.claim.ClaimTally;
import org.allegationatlas.claim.UncountedImports;
import org.allegationatlas.ingest.BulkImport.LineError;
import org.allegationatlas.ingest.BulkImport.Summary;

/**
 * {@code import FILE}: streams a JSON Lines file into the database, showing progress
 * (articles, rate, ETA) on the terminal and a summary at the end. It counts the claims for the map once at
 * its end rather than row by row: with the embedded database to itself, by adding what it tallied as it stored
 * them ({@link ClaimTally}), or after replacing articles by counting every claim again (ClaimCountsRefill). On
 * PostgreSQL, whose servers may write meanwhile, by adding its tally of its own claims ({@link UncountedImports}).
 * Into a fresh database it builds the claim table's secondary indexes once at its end, and the count tables' once it
 * has counted ({@link DeferredIndexes}); the embedded database's tally goes in meanwhile, on a thread of its own.
 */
@ApplicationScoped
public class ImportCommand {

    @Inject
    BulkImport bulkImport;

    @Inject
    EmbeddedCompaction compaction;

    @Inject
    ClaimCountsRefill counts;

    @Inject
    DeferredIndexes indexes;

    @Inject
    UncountedImports uncounted;

    public int run(Path file, PrintStream out) throws IOException {
        if (!Files.isReadable(file)) {
            out.println("import: cannot read " + file);
            return 2;
        }
        long size = Files.size(file);
        AtomicLong bytesRead = new AtomicLong();
        boolean terminal = System.console() != null;
        long[] lastShown = { 0 };
        boolean exclusive = compaction.exclusive();
        boolean countAtEnd = exclusive;
        UncountedImports.Running running = !exclusive && uncounted.applies() ? uncounted.begin() : null;
        BulkImport.Listener listener = new BulkImport.Listener() {
            @Override
            public void badLine(LineError error) {
                out.printf("%sline %d: %s%n", terminal ? "\r\033[K" : "", error.line(), error.message());
            }

            @Override
            public void batchDone(Summary soFar) {
                long now = System.nanoTime();
                if (now - lastShown[0] < (terminal ? 500_000_000L : 2_000_000_000L)) {
                    return;
                }
                lastShown[0] = now;
                double rate = soFar.articles() / Math.max(soFar.seconds(), 1e-9);
                double done = size == 0 ? 1 : (double) bytesRead.get() / size;
                long eta = done <= 0 ? 0 : Math.round(soFar.seconds() * (1 - done) / done);
                out.printf("%s%,d articles, %,d claims, %,.0f articles/s, %3.0f%%, ETA %d:%02d%s",
                        terminal ? "\r\033[K" : "", soFar.articles(), soFar.claims(), rate, done * 100, eta / 60, eta % 60,
                        terminal ? "" : System.lineSeparator());
            }
        };
        // into an embedded file of its own in smaller transactions (BulkImport.EMBEDDED_BATCH_SIZE)
        BulkImport.Session session = exclusive ? bulkImport.startEmbedded(listener, new ClaimTally())
                : bulkImport.start(listener, running != null ? new ClaimTally() : null);
        indexes.deferIfFresh();
        if (countAtEnd) {
            counts.defer();
        }
        Summary summary;
        try (InputStream in = new CountingInput(Files.newInputStream(file), bytesRead);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                session.accept(line);
            }
            summary = session.finish();
        } finally {
            session.close(); // a batch still being stored (the file could not be read on): counted in first
            // the embedded database's own tally reads no claim: it goes into the count tables (their indexes deferred
            // first, as H2 makes one schema change at a time) on a thread of its own while the claims' indexes are
            // built, each of which H2 builds on one core
            boolean addTally = countAtEnd && session.tallied();
            List<String> countIndexes = addTally ? indexes.deferCountIndexesIfFew() : List.of();
            FutureTask<Double> counting = addTally ? startedOnItsOwnThread(() -> timed(() -> counts.add(session.tally()))) : null;
            // before counting again, which reads the claims by their date: what this import deferred, or what
            // another import deferred before it was killed beside this one (which then found none to defer)
            try {
                long startBuilding = System.nanoTime();
                List<String> built = indexes.buildRecordedBut(countIndexes);
                if (!built.isEmpty()) {
                    out.printf("%sBuilt the claims' %d deferred indexes in %.1f s%n", terminal ? "\r\033[K" : "", built.size(),
                            (System.nanoTime() - startBuilding) / 1e9);
                }
            } finally {
                if (counting != null) { // its transaction ends either way: waited for, not left running unseen
                    out.printf("%sCounted the claims for the map in %.1f s%n", terminal ? "\r\033[K" : "", awaited(counting));
                }
            }
            if (countAtEnd) {
                if (counting == null) {
                    countIndexes = indexes.deferCountIndexesIfFew();
                    double seconds = timed(counts::countAgain);
                    out.printf("%sCounted the claims for the map in %.1f s%n", terminal ? "\r\033[K" : "", seconds);
                }
                if (!countIndexes.isEmpty()) {
                    long startCountIndexes = System.nanoTime();
                    List<String> built = indexes.buildRecorded();
                    out.printf("%sBuilt the counts' %d deferred indexes in %.1f s%n", terminal ? "\r\033[K" : "", built.size(),
                            (System.nanoTime() - startCountIndexes) / 1e9);
                }
            }
            if (running != null) {
                try (running) {
                    long start = System.nanoTime();
                    UncountedImports.Outcome outcome = running.finish(session.tally());
                    out.printf("%s%s in %.1f s%n", terminal ? "\r\033[K" : "", switch (outcome) {
                    case ADDED, NOTHING -> "Counted the claims for the map";
                    case COUNTED_AGAIN -> "Counted every claim again for the map";
                    case LEFT_TO_RUNNING_IMPORT -> "Left the claims' counts to the import still running beside this one";
                    }, (System.nanoTime() - start) / 1e9);
                }
            }
        }
        out.printf("%sImported %s%n", terminal ? "\r\033[K" : "", summary.describe());
        compaction.compactAndClose(out);
        return summary.badLines() == 0 ? 0 : 1;
    }

    /** Seconds that {@code work} took. */
    private static double timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static <T> FutureTask<T> startedOnItsOwnThread(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        new Thread(task, "import-counting").start();
        return task;
    }

    /** What {@code task} returned, once it has; what it threw. */
    private static <T> T awaited(FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Counts the bytes read, for the ETA. */
    private static final class CountingInput extends java.io.FilterInputStream {
        private final AtomicLong count;

        CountingInput(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
