package org.allegationatlas.common;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.allegationatlas.common.data.ConnectionSettings;
import org.allegationatlas.common.data.DataVersion;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.Session;

import io.quarkus.arc.Arc;

/**
 * Serialises the transactions that write articles, claims and actors, across every node that
 * shares the database: each locks the single row of ingest_lock first, and bumps its version
 * ({@link DataVersion}), which tells every node's caches that answers may have changed. Simple and
 * deadlock-free; writes are rare next to reads, and bulk imports put many articles in one
 * transaction.
 * <p>
 * Writers of one node wait their turn in a fair queue in memory, holding no database connection while they
 * wait, and at most {@code atlas.db.write-wait} (then a {@code BUSY} error: nothing was stored); writers of
 * other nodes, at the row lock, for as long. Once it holds the lock a write is not bounded by the statement
 * timeout, which protects the service from expensive reads (common/data/ConnectionSettings): a valid write
 * never fails because the machine is busy.
 */
public final class WriteLock {

    public static final String BUSY = "BUSY";

    private static final Semaphore TURN = new Semaphore(1, true);
    private static final Duration WAIT = ConfigProvider.getConfig()
            .getOptionalValue("atlas.db.write-wait", Duration.class).orElse(Duration.ofSeconds(60));

    private WriteLock() {
    }

    /** Blocks until this transaction holds the lock; it is released at commit or rollback. */
    public static void acquire(EntityManager em) {
        TransactionSynchronizationRegistry transaction = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (transaction.getResource(WriteLock.class) != null) {
            return;
        }
        waitForTurn();
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                TURN.release(); // on whichever thread ends the transaction (a semaphore has no owner)
            }
        });
        transaction.putResource(WriteLock.class, Boolean.TRUE);
        em.unwrap(Session.class).doWork(connection -> {
            ConnectionSettings.liftStatementTimeout(connection);
            if (connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL lock_timeout = " + WAIT.toMillis()); // other nodes' writes
                }
            }
        });
        try {
            em.createNativeQuery("select id from ingest_lock where id = 1 for update").getResultList();
        } catch (PersistenceException e) {
            if (lockWaitTimedOut(e)) {
                throw busy();
            }
            throw e;
        }
        em.createNativeQuery(DataVersion.BUMP).executeUpdate();
    }

    private static void waitForTurn() {
        try {
            if (!TURN.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(BUSY, "The server stopped this write while it waited for its turn; nothing was stored");
        }
    }

    private static ApiException busy() {
        return new ApiException(BUSY, "Other writes kept the database busy for " + WAIT.toSeconds()
                + " s (atlas.db.write-wait), so this one was not stored; send it again");
    }

    /** PostgreSQL's lock_timeout (55P03), H2's LOCK_TIMEOUT (HYT00 with error 50200). */
    private static boolean lockWaitTimedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && ("55P03".equals(sql.getSQLState()) || sql.getErrorCode() == 50200)) {
                return true;
            }
        }
        return false;
    }
}
