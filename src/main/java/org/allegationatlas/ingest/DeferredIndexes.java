package org.allegationatlas.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import org.allegationatlas.common.WriteLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * On PostgreSQL, the command-line import into a fresh database drops the claim table's secondary indexes and builds
 * them once at its end: PostgreSQL builds an index from one sort of its rows far faster than it keeps it up to date
 * through a million inserts in random places (it spent most of a 200,000-article import on the claim indexes' pages
 * beyond its shared buffers). Kept: the primary key, any unique or constraint's index, and {@code claim_article},
 * through which the import itself reads (an article replaced, its claims deleted). Not on H2: tried at 20,000
 * articles, its CREATE INDEX on the loaded table cost more than the inserts it saved (docs/reference.md).
 * <p>
 * Crash-safe: each index's definition is written to {@code deferred_index} (V12) in the transaction that drops it
 * (PostgreSQL's DDL is transactional: both or neither); each is built again with {@code create index if not exists},
 * its record deleted in the same transaction. Both the app's start and the import's start build whatever is
 * recorded, so an import killed at any moment leaves a database that the next start repairs. Every step holds the
 * write lock ({@link WriteLock}): a server writing beside the import waits for it at most a step (an index's build),
 * its claims are counted by the triggers as before, and they are in the table when the indexes are built.
 */
@ApplicationScoped
public class DeferredIndexes {

    private static final Logger LOG = Logger.getLogger(DeferredIndexes.class);

    /**
     * A fresh database holds the seed's few claims; with up to this many claims the indexes are deferred (building
     * them over these too costs well under a second). Above it the import keeps them up to date as before.
     */
    static final int FEW_CLAIMS = 10_000;
    /** The index the import reads through (BulkStore.deleteClaimsOf); its key grows with the articles' ids anyway. */
    private static final String KEPT = "claim_article";
    private static final int DDL_TIMEOUT_SECONDS = 24 * 3600;

    @Inject
    EntityManager em;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** An import or a deferral killed on the way left indexes to build: build them before anything is served. */
    void atStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent start) {
        List<String> built = buildRecorded();
        if (!built.isEmpty()) {
            LOG.infof("Built the claim indexes that a stopped import had deferred: %s", built);
        }
    }

    /**
     * Drops the claim table's deferrable indexes if it holds at most {@link #FEW_CLAIMS} claims, recording them first;
     * returns their names (none when it holds more, or nothing is left to defer).
     */
    public List<String> deferIfFresh() {
        return deferIfAtMost(FEW_CLAIMS);
    }

    List<String> deferIfAtMost(int claims) {
        if (!postgresql()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().timeout(DDL_TIMEOUT_SECONDS).call(() -> {
            WriteLock.acquire(em);
            List<String> dropped = new ArrayList<>();
            em.unwrap(Session.class).doWork(connection -> {
                if (claimsUpTo(connection, claims + 1L) > claims) {
                    return;
                }
                Map<String, String> indexes = postgresqlIndexes(connection);
                indexes.remove(KEPT);
                try (PreparedStatement record = connection.prepareStatement("insert into deferred_index (name, definition) values (?, ?)")) {
                    for (Map.Entry<String, String> index : indexes.entrySet()) {
                        record.setString(1, index.getKey());
                        record.setString(2, index.getValue());
                        record.addBatch();
                    }
                    record.executeBatch();
                }
                // records and drops commit together (PostgreSQL's DDL is transactional)
                try (Statement statement = connection.createStatement()) {
                    for (String name : indexes.keySet()) {
                        statement.execute("drop index \"" + name.replace("\"", "\"\"") + '"');
                        dropped.add(name);
                    }
                }
            });
            return dropped;
        });
    }

    /**
     * Builds every recorded index, one at a time, each in a transaction of its own that holds the write lock; returns
     * those it built (not those that another import or start built meanwhile: their record was gone when it got the lock).
     */
    public List<String> buildRecorded() {
        List<String> built = new ArrayList<>();
        if (!postgresql()) {
            return built;
        }
        for (Map.Entry<String, String> index : recorded().entrySet()) {
            boolean done = QuarkusTransaction.requiringNew().timeout(DDL_TIMEOUT_SECONDS).call(() -> {
                WriteLock.acquire(em);
                return em.unwrap(Session.class).doReturningWork(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(index.getValue());
                    }
                    try (PreparedStatement record = connection.prepareStatement("delete from deferred_index where name = ?")) {
                        record.setString(1, index.getKey());
                        return record.executeUpdate() == 1;
                    }
                });
            });
            if (done) {
                built.add(index.getKey());
            }
        }
        return built;
    }

    private boolean postgresql() {
        return "postgresql".equals(dbKind);
    }

    private Map<String, String> recorded() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> recorded = new LinkedHashMap<>();
            em.unwrap(Session.class).doWork(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("select name, definition from deferred_index order by name")) {
                    while (rows.next()) {
                        recorded.put(rows.getString(1), rows.getString(2));
                    }
                }
            });
            return recorded;
        });
    }

    private static long claimsUpTo(Connection connection, long limit) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from (select id from claim limit " + limit + ") c")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The claim table's plain indexes (not the primary key's, not unique, not a constraint's), by name. */
    private static Map<String, String> postgresqlIndexes(Connection connection) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select c.relname, pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
                        where i.indrelid = 'claim'::regclass and not i.indisunique and not i.indisprimary
                          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                        order by c.relname""")) {
            while (rows.next()) {
                // "CREATE INDEX name ON public.claim USING btree (...)": built again only if it is missing
                indexes.put(rows.getString(1), rows.getString(2).replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
            }
        }
        return indexes;
    }
}
