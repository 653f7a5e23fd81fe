package org.allegationatlas.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.allegationatlas.common.data.DataVersion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * On PostgreSQL the command-line import counts its claims once, at its end, as it does on the embedded database: its
 * batches tell V11's triggers that their writer counts them, it tallies them in memory ({@link ClaimTally}) and adds
 * the tally in one transaction when it ends. Each batch adding its own tally cost about 23 count-row upserts an
 * article; the whole import's tally holds each count row once. Unlike the embedded import, servers may write beside
 * it: their claims are counted by the triggers as always, so only the import's own claims wait for its end (lists
 * show them as each batch commits, the map and the matrix when the import ends).
 * <p>
 * Crash-safe with PostgreSQL's own locks: a running import holds a session advisory lock on its id, taken before its
 * row in {@code uncounted_import} (V13) is written and held until it ends; a killed import's connection closes and
 * frees it. A row whose lock can be taken is then an import that will never add its tally: its claims' counts are
 * unknown, and every claim is counted again ({@link ClaimCountsRefill}) by the next start, the next import or the end
 * of a running one, whichever comes first with no other import running (counting again beside a running import
 * would count that import's claims twice: now, and from its tally at its end).
 */
@ApplicationScoped
public class UncountedImports {

    private static final Logger LOG = Logger.getLogger(UncountedImports.class);
    /** The advisory locks' first key ("ATLS"), so that they meet no other use of advisory locks in the database. */
    private static final int LOCK_SPACE = 0x41544C53;

    /** What an import's end, or a start, did with the counts. */
    public enum Outcome {
        /** Nothing was left uncounted. */
        NOTHING,
        /** The import's tally was added. */
        ADDED,
        /** Every claim was counted again: an import had been killed, or the tally could not hold a claim. */
        COUNTED_AGAIN,
        /** Left to another import that is still running: it counts again when it ends. */
        LEFT_TO_RUNNING_IMPORT
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClaimCountsRefill refill;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** Whether imports count at their end this way: on PostgreSQL (H2's import has the file to itself, see ClaimCountsRefill). */
    public boolean applies() {
        return "postgresql".equals(dbKind);
    }

    /** A killed import's claims are counted before anything is served (after DeferredIndexes has built the indexes). */
    void atStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) StartupEvent start) {
        if (applies()) {
            countWhatKilledImportsLeft();
        }
    }

    /** Counts every claim again if a killed import left claims uncounted and no other import is running. */
    public Outcome countWhatKilledImportsLeft() {
        Outcome outcome = settle(null, null);
        if (outcome == Outcome.COUNTED_AGAIN) {
            LOG.info("An import that was stopped left claims uncounted: counted every claim again for the map");
        } else if (outcome == Outcome.LEFT_TO_RUNNING_IMPORT) {
            LOG.info("An import that was stopped left claims uncounted: the import running now counts them when it ends");
        }
        return outcome;
    }

    /**
     * Registers a running import, after counting what a killed one left: until {@link Running#finish} its batches'
     * claims may be left to its tally. Close it whatever happens; an import closed before it finished is treated as
     * a killed one.
     */
    public Running begin() {
        countWhatKilledImportsLeft();
        try {
            Connection held = dataSource.getConnection();
            try {
                long id;
                try (Statement statement = held.createStatement();
                        ResultSet rs = statement.executeQuery("select nextval('uncounted_import_id')")) {
                    rs.next();
                    id = rs.getLong(1);
                }
                try (PreparedStatement lock = held.prepareStatement("select pg_advisory_lock(?, ?)")) {
                    lock.setInt(1, LOCK_SPACE);
                    lock.setInt(2, (int) id);
                    lock.executeQuery().close();
                }
                try (PreparedStatement row = held.prepareStatement("insert into uncounted_import (id) values (?)")) {
                    row.setLong(1, id);
                    row.executeUpdate();
                }
                if (!held.getAutoCommit()) {
                    held.commit();
                }
                return new Running(held, id);
            } catch (SQLException | RuntimeException e) {
                held.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot register the import for its claim counts: " + e.getMessage(), e);
        }
    }

    /** A running import: holds its advisory lock (and the connection that holds it) until closed. */
    public final class Running implements AutoCloseable {
        private final Connection held;
        private final long id;

        private Running(Connection held, long id) {
            this.held = held;
            this.id = id;
        }

        /** Adds the import's tally to the counts, or counts every claim again where it must (see {@link Outcome}). */
        public Outcome finish(ClaimTally tally) {
            return settle(id, tally);
        }

        /** Frees the lock: a row left behind (not finished) is then counted again like a killed import's. */
        @Override
        public void close() {
            // the connection goes back to the pool, its session open: the lock would outlive the import until the
            // process exits (others meanwhile take it for a running import, and leave their counting to it)
            try (held; PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, LOCK_SPACE);
                unlock.setInt(2, (int) id);
                unlock.executeQuery().close();
            } catch (SQLException e) {
                LOG.warnf("Closing the import's lock connection: %s", e.getMessage());
            }
        }
    }

    /**
     * In one transaction that holds the write lock (so no batch commits meanwhile): the rows of killed imports, and of
     * running ones; then the tally added, or every claim counted again, or nothing done until a running import ends.
     */
    private Outcome settle(Long own, ClaimTally tally) {
        return CountsTransaction.run(dataSource, "Cannot settle the imports' claim counts", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("select id from ingest_lock where id = 1 for update").close();
                List<Long> killed = new ArrayList<>();
                boolean othersRunning = false;
                try (ResultSet rows = statement.executeQuery("select id from uncounted_import order by id");
                        PreparedStatement free = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        if (own != null && id == own) {
                            continue;
                        }
                        free.setInt(1, LOCK_SPACE);
                        free.setInt(2, (int) id);
                        try (ResultSet taken = free.executeQuery()) {
                            taken.next();
                            if (taken.getBoolean(1)) {
                                killed.add(id);
                            } else {
                                othersRunning = true;
                            }
                        }
                    }
                }
                Outcome outcome;
                if (own != null && killed.isEmpty() && tally.usable()) {
                    tally.addTo(connection);
                    statement.executeUpdate(DataVersion.BUMP); // no cache may keep the counts from before
                    outcome = Outcome.ADDED;
                } else if (own == null && killed.isEmpty()) {
                    return Outcome.NOTHING;
                } else if (othersRunning) {
                    return Outcome.LEFT_TO_RUNNING_IMPORT; // this import's row stays: the last running import counts again
                } else {
                    refill.countAgainIn(connection);
                    outcome = Outcome.COUNTED_AGAIN;
                }
                if (own != null) {
                    killed.add(own);
                }
                try (PreparedStatement done = connection.prepareStatement("delete from uncounted_import where id = ?")) {
                    for (long id : killed) {
                        done.setLong(1, id);
                        done.addBatch();
                    }
                    done.executeBatch();
                }
                return outcome;
            }
        });
    }
}
