package org.allegationatlas.common;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.allegationatlas.common.data.DataVersion;

import io.quarkus.arc.Arc;

/**
 * Serialises the transactions that write articles, claims and actors, across every node that
 * shares the database: each locks the single row of ingest_lock first, and bumps its version
 * ({@link DataVersion}), which tells every node's caches that answers may have changed. Simple and
 * deadlock-free; writes are rare next to reads, and bulk imports put many articles in one
 * transaction.
 */
public final class WriteLock {

    private WriteLock() {
    }

    /** Blocks until this transaction holds the lock; it is released at commit or rollback. */
    public static void acquire(EntityManager em) {
        TransactionSynchronizationRegistry transaction = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (transaction.getResource(WriteLock.class) == null) {
            em.createNativeQuery("select id from ingest_lock where id = 1 for update").getResultList();
            em.createNativeQuery(DataVersion.BUMP).executeUpdate();
            transaction.putResource(WriteLock.class, Boolean.TRUE);
        }
    }
}
