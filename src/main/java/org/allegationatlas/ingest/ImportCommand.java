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
 * has counted ({@link DeferredIndexes}).
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
            // before counting again, which reads the claims by their date: what this import deferred, or what another
            // import deferred before it was killed beside this one (which then found none to defer)
            long startBuilding = System.nanoTime();
            List<String> built = indexes.buildRecorded();
            if (!built.isEmpty()) {
                out.printf("%sBuilt the claims' %d deferred indexes in %.1f s%n", terminal ? "\r\033[K" : "", built.size(),
                        (System.nanoTime() - startBuilding) / 1e9);
            }
            if (countAtEnd) {
                boolean countIndexesDeferred = !indexes.deferCountIndexesIfFew().isEmpty();
                long start = System.nanoTime();
                if (session.tallied()) {
                    counts.add(session.tally());
                } else {
                    counts.countAgain();
                }
                out.printf("%sCounted the claims for the map in %.1f s%n", terminal ? "\r\033[K" : "", (System.nanoTime() - start) / 1e9);
                if (countIndexesDeferred) {
                    long startCountIndexes = System.nanoTime();
                    List<String> countIndexes = indexes.buildRecorded();
                    out.printf("%sBuilt the counts' %d deferred indexes in %.1f s%n", terminal ? "\r\033[K" : "", countIndexes.size(),
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
