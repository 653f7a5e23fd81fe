package org.allegationatlas.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;

import org.allegationatlas.claim.ClaimOrigin;
import org.allegationatlas.claim.ClaimTally;
import org.allegationatlas.common.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Imports JSON Lines, one ArticleInput per line, in batches of {@code atlas.import.batch-size}
 * articles per transaction. A bad line is reported with its number and skipped; every committed
 * batch stays committed if the import is killed, and re-running it changes nothing (articles are
 * matched on url, identical ones skipped). Each batch is written by {@link BulkStore} (JDBC batches); a batch the
 * database refuses is stored again article by article, to find the culprit and keep the rest.
 * <p>
 * The command-line import reads and checks the next batch while the last one is being stored, on a thread of its
 * own: reading a line's JSON and checking it is about a third of the import's CPU, and the database's work another
 * part, so the two overlap on a machine with two cores. Batches are still stored one at a time and in order, and at
 * most two are in memory.
 */
@ApplicationScoped
public class BulkImport {

    private static final Logger LOG = Logger.getLogger(BulkImport.class);
    private static final int MAX_REPORTED_ERRORS = 1000;
    /**
     * A batch's transaction timeout: a day, not the requests' default. On a busy machine a batch may rightly take
     * minutes, and a batch aborted by the transaction reaper would report valid lines as failed.
     */
    private static final int BATCH_TIMEOUT_SECONDS = 24 * 3600;

    @Inject
    IngestService ingest;
    @Inject
    BulkStore store;
    /** Articles a batch (a transaction) holds, unless {@code atlas.import.batch-size} says otherwise. */
    static final int BATCH_SIZE = 500;
    /**
     * The same for the command-line import into an embedded H2 file it has to itself ({@link #startEmbedded}): at
     * 200,000 articles H2 stored them in ~20 % less time in batches of 100 than of 500 (docs/reference.md), and wrote
     * ~10 % less to its file. Likely why: H2 rewrites every row and index entry a transaction wrote when it commits, and
     * a batch of 500 (the bodies and ~2,500 claims) passes the unsaved memory at which H2 writes its changed pages out
     * before it commits, so that those pages are written twice; 100 mostly commit first.
     */
    static final int EMBEDDED_BATCH_SIZE = 100;

    @ConfigProperty(name = "atlas.import.batch-size")
    Optional<Integer> batchSize;

    /** A batch size under 1 stops the start: it would silently commit every article alone, never what was meant. */
    void checkSettings(@Observes StartupEvent start) {
        checkBatchSize(batchSize);
    }

    static void checkBatchSize(Optional<Integer> size) {
        if (size.isPresent() && size.get() < 1) {
            throw new IllegalArgumentException("atlas.import.batch-size (ATLAS_IMPORT_BATCH_SIZE) is " + size.get()
                    + ": it must be 1 or more, the articles an import commits at a time; leave it unset for the default");
        }
    }

    private final ArticleLines articleLines = new ArticleLines();

    public record LineError(long line, String message) {
    }

    /** Counts so far; {@code errors} holds the first bad lines (all are counted in badLines). */
    public record Summary(long lines, long articles, long claims, long badLines, List<LineError> errors, long nanos) {

        public double seconds() {
            return nanos / 1e9;
        }

        public String describe() {
            double s = Math.max(seconds(), 1e-9);
            return String.format("%,d articles (%,d claims) from %,d lines in %.1f s: %,.0f articles/s, %,.0f claims/s; %,d bad lines",
                    articles, claims, lines, s, articles / s, claims / s, badLines);
        }
    }

    /** Receives progress and bad lines as an import goes. */
    public interface Listener {
        default void badLine(LineError error) {
        }

        default void batchDone(Summary soFar) {
        }
    }

    /** Starts an import that stores each batch as it fills; feed it lines in order, then call {@link Session#finish()}. */
    public Session start(Listener listener) {
        return new Session(listener, null, batchSize.orElse(BATCH_SIZE));
    }

    /**
     * Starts an import that counts the claims it stores into {@code tally} instead of leaving them to the triggers
     * (see {@link BulkStore#store}); its caller adds the tally to the counts when it ends, after {@link Session#close()}:
     * on H2 after deferring the counts (ClaimCountsRefill), on PostgreSQL inside UncountedImports' begin and finish,
     * which make a killed import's claims counted again.
     * Its batches are stored on a thread of their own while the next one is read (see the class).
     */
    public Session start(Listener listener, ClaimTally tally) {
        return new Session(listener, tally, batchSize.orElse(BATCH_SIZE));
    }

    /**
     * As {@link #start(Listener, ClaimTally)}, for the command-line import into an embedded database it has to itself:
     * in batches of {@link #EMBEDDED_BATCH_SIZE} articles unless {@code atlas.import.batch-size} is set.
     */
    public Session startEmbedded(Listener listener, ClaimTally tally) {
        return new Session(listener, tally, batchSize.orElse(EMBEDDED_BATCH_SIZE));
    }

    public final class Session implements AutoCloseable {
        private final Listener listener;
        private final long started = System.nanoTime();
        private final List<BulkStore.Prepared> batch = new ArrayList<>();
        private final List<Long> batchLines = new ArrayList<>();
        private final List<LineError> errors = new ArrayList<>();
        private long lines;
        private long articles;
        private long claims;
        private long badLines;
        private final ClaimTally tally;
        private boolean replaced;
        /** Stores the batches while the caller reads on; null: stored on the caller's thread. */
        private final ExecutorService storer;
        private Future<StoredBatch> storing;
        private final int batchSize;

        private Session(Listener listener, ClaimTally tally, int batchSize) {
            this.listener = listener;
            this.tally = tally;
            this.batchSize = batchSize;
            this.storer = tally == null ? null : Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "import-store");
                thread.setDaemon(true);
                return thread;
            });
        }

        public ClaimTally tally() {
            return tally;
        }

        /** Whether the tally holds every claim this import stored, and no article was replaced (its old claims left). */
        public boolean tallied() {
            return tally != null && tally.usable() && !replaced;
        }

        /** A line that was refused before it was read, e.g. because it is too long: numbered and reported. */
        public void refuse(String message) {
            lines++;
            bad(lines, message);
        }

        public void accept(String line) {
            lines++;
            if (line.isBlank()) {
                return;
            }
            try {
                ArticleInput input = articleLines.read(line);
                if (input == null) {
                    throw ApiException.validation("the line is not a JSON object");
                }
                batch.add(store.prepare(ingest.check(input))); // here, not on the storing thread (BulkStore.Prepared)
                batchLines.add(lines);
            } catch (ApiException e) {
                bad(lines, e.getMessage());
            } catch (JsonbException | ClassCastException e) {
                bad(lines, ArticleLines.whyNotAnArticle(e));
            } catch (RuntimeException e) {
                // a shape the checks did not foresee: still this line's problem, not the import's
                String incident = UUID.randomUUID().toString();
                LOG.errorf(e, "Import: line %d could not be read (incident %s)", lines, incident);
                bad(lines, "could not be read (incident " + incident + "; the server's log has the details)");
            }
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        public Summary finish() {
            flush();
            close();
            return summary();
        }

        /** Waits for the batch being stored, if any, and counts it in; after this the tally holds every stored claim. */
        @Override
        public void close() {
            try {
                awaitStored();
            } finally {
                if (storer != null) {
                    storer.shutdown();
                }
            }
        }

        public Summary summary() {
            List<LineError> reported = new ArrayList<>(errors);
            reported.sort(Comparator.comparingLong(LineError::line)); // a batch's storing errors come after later lines' own
            return new Summary(lines, articles, claims, badLines, reported, System.nanoTime() - started);
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<BulkStore.Prepared> articles = List.copyOf(batch);
            List<Long> numbers = List.copyOf(batchLines);
            batch.clear();
            batchLines.clear();
            if (storer == null) {
                counted(store(articles, numbers));
                return;
            }
            awaitStored(); // one batch at a time, in order
            storing = storer.submit(() -> store(articles, numbers));
        }

        private void awaitStored() {
            if (storing == null) {
                return;
            }
            Future<StoredBatch> stored = storing;
            storing = null;
            try {
                counted(stored.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was interrupted while a batch was being stored", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            }
        }

        /** Stores a batch; touches none of the session's counts (it may run on the storing thread). */
        private StoredBatch store(List<BulkStore.Prepared> articles, List<Long> numbers) {
            StoredBatch stored = new StoredBatch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            try {
                stored.written().add(QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS)
                        .call(() -> store.store(articles, ClaimOrigin.CURATED, tally != null)));
                stored.articles().addAll(articles);
            } catch (RuntimeException batchFailed) {
                // something only the database could see (e.g. a value too long for a column):
                // store the batch one by one to find the culprit and keep the rest
                for (int i = 0; i < articles.size(); i++) {
                    BulkStore.Prepared article = articles.get(i);
                    try {
                        stored.written().add(QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS)
                                .call(() -> store.store(List.of(article), ClaimOrigin.CURATED, tally != null)));
                        stored.articles().add(article);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Import: line %d could not be stored", numbers.get(i));
                        stored.failed().add(new LineError(numbers.get(i), "could not be stored: " + ArticleLines.firstLine(e)));
                    }
                }
            }
            return stored;
        }

        /** A stored batch counted in, on the caller's thread. */
        private void counted(StoredBatch stored) {
            stored.written().forEach(this::tally);
            count(stored.articles());
            stored.failed().forEach(error -> bad(error.line(), error.message()));
            listener.batchDone(summary());
        }

        /** Counts the claims a committed batch left to the import's tally. */
        private void tally(BulkStore.Written written) {
            replaced |= written.replaced();
            if (tally != null) {
                written.countInto(tally);
            }
        }

        private void count(List<BulkStore.Prepared> stored) {
            articles += stored.size();
            stored.forEach(a -> claims += a.article().input().claims().size());
        }

        private void bad(long line, String message) {
            badLines++;
            LineError error = new LineError(line, message);
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(error);
            }
            listener.badLine(error);
        }
    }

    /** What storing a batch did: what it wrote, the articles stored, the lines it could not store. */
    private record StoredBatch(List<BulkStore.Written> written, List<BulkStore.Prepared> articles, List<LineError> failed) {
    }
}
