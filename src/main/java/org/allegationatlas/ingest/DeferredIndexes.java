package org.allegationatlas.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * The command-line import into a fresh database drops the claim table's secondary indexes and builds them once at its
 * end: the database builds an index from a sort of its rows far faster than it keeps it up to date through a million
 * inserts in random places. PostgreSQL spent most of a 200,000-article import on the claim indexes' pages beyond its
 * shared buffers; H2 rewrites every page those inserts dirty at each of its saves and, past its 16 MB page cache, reads
 * them back, where its CREATE INDEX on a loaded table sorts the rows in blocks and merges them into the index in key
 * order (MVTable.rebuildIndexBlockMerge). Kept: the primary key, any unique or constraint's index (on H2 those that
 * back its foreign keys, read from INFORMATION_SCHEMA), and {@code claim_article}, through which the import itself
 * reads (an article replaced, its claims deleted). The embedded database's import defers the count tables' indexes
 * too while it adds its tally (all but their primary keys, through which a tally adds to a row they hold).
 * <p>
 * Crash-safe: each index's definition is written to {@code deferred_index} (V12) before it is dropped (PostgreSQL's
 * DDL is transactional: both or neither; H2 commits the records before it runs the first DROP INDEX); each is built
 * again with {@code create index if not exists}, its record deleted after it. Both the app's start and the import's
 * start build whatever is recorded, so an import killed at any moment leaves a database that the next start repairs.
 * Every step holds the write lock ({@link WriteLock}): a server writing beside the import waits for it at most a step
 * (an index's build), its claims are counted by the triggers as before, and they are in the table when the indexes
 * are built.
 */
@ApplicationScoped
public class DeferredIndexes {

    private static final Logger LOG = Logger.getLogger(DeferredIndexes.class);

    /**
     * A fresh database holds the seed's few claims; with up to this many claims the indexes are deferred (building
     * them over these too costs well under a second). Above it the import keeps them up to date as before.
     */
    static final int FEW_CLAIMS = 10_000;
    /**
     * V7's count tables: their indexes but the primary keys are deferred while the import of a fresh database adds its
     * tally (their rows a million and a half at 200,000 articles, each kept in four or five indexes at once), if they
     * hold at most this many rows (the seed article's few dozen).
     */
    static final int FEW_COUNT_ROWS = 10_000;
    private static final List<String> COUNT_TABLES = List.of("country_claim_counts", "country_pair_counts");
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
            LOG.infof("Built the indexes that a stopped import had deferred: %s", built);
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
        return defer(List.of("claim"), claims);
    }

    /**
     * Drops the count tables' indexes but their primary keys (through which a tally adds to a row they hold) if they
     * hold at most {@link #FEW_COUNT_ROWS} rows, recording them first, so that the import's tally goes into the tables
     * in their primary keys' order and each other index is built once after it by a sort ({@link #buildRecorded()});
     * returns their names.
     */
    public List<String> deferCountIndexesIfFew() {
        return deferCountIndexesIfAtMost(FEW_COUNT_ROWS);
    }

    List<String> deferCountIndexesIfAtMost(int rows) {
        return defer(COUNT_TABLES, rows);
    }

    /** Drops the deferrable indexes of {@code tables} if they hold at most {@code rows} rows together, recording them first. */
    private List<String> defer(List<String> tables, int rows) {
        return QuarkusTransaction.requiringNew().timeout(DDL_TIMEOUT_SECONDS).call(() -> {
            WriteLock.acquire(em);
            List<String> dropped = new ArrayList<>();
            em.unwrap(Session.class).doWork(connection -> {
                long held = 0;
                for (String table : tables) {
                    held += rowsUpTo(connection, table, rows + 1L);
                }
                if (held > rows) {
                    return;
                }
                Map<String, String> indexes = new LinkedHashMap<>();
                for (String table : tables) {
                    indexes.putAll(postgresql() ? postgresqlIndexes(connection, table) : h2Indexes(connection, table));
                }
                indexes.keySet().removeIf(KEPT::equalsIgnoreCase);
                try (PreparedStatement record = connection.prepareStatement("insert into deferred_index (name, definition) values (?, ?)")) {
                    for (Map.Entry<String, String> index : indexes.entrySet()) {
                        record.setString(1, index.getKey());
                        record.setString(2, index.getValue());
                        record.addBatch();
                    }
                    record.executeBatch();
                }
                // records and drops commit together on PostgreSQL (its DDL is transactional); H2 commits the records
                // before the first drop (it commits before and after each DDL statement)
                try (Statement statement = connection.createStatement()) {
                    for (String name : indexes.keySet()) {
                        statement.execute("drop index " + quoted(name));
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
        return buildRecordedBut(Set.of());
    }

    /** {@link #buildRecorded()}, but leaves the recorded indexes named in {@code later} (as returned by the deferrals). */
    public List<String> buildRecordedBut(Collection<String> later) {
        List<String> built = new ArrayList<>();
        for (Map.Entry<String, String> index : recorded().entrySet()) {
            if (later.contains(index.getKey())) {
                continue;
            }
            boolean done = QuarkusTransaction.requiringNew().timeout(DDL_TIMEOUT_SECONDS).call(() -> {
                WriteLock.acquire(em);
                return em.unwrap(Session.class).doReturningWork(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(index.getValue());
                    }
                    // on H2 the index is committed before its record is deleted (H2 commits after each DDL statement):
                    // a kill between leaves a record that "if not exists" makes harmless
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

    private static long rowsUpTo(Connection connection, String table, long limit) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from (select 1 from " + table + " limit " + limit + ") c")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A table's plain indexes (not the primary key's, not unique, not a constraint's), by name. */
    private static Map<String, String> postgresqlIndexes(Connection connection, String table) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.relname, pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
                where i.indrelid = cast(? as regclass) and not i.indisunique and not i.indisprimary
                  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                order by c.relname""")) {
            statement.setString(1, table);
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                // "CREATE INDEX name ON public.claim USING btree (...)": built again only if it is missing
                indexes.put(rows.getString(1), rows.getString(2).replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
            }
        }
        return indexes;
    }

    /**
     * H2's: a table's plain indexes that no constraint uses (on H2 each foreign key needs an index on its columns), by
     * name, each as a CREATE INDEX made from its columns in INFORMATION_SCHEMA (which holds no statement).
     */
    private static Map<String, String> h2Indexes(Connection connection, String table) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> tables = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select i.index_name, i.table_schema, i.table_name, c.column_name, c.ordering_specification, c.null_ordering
                from information_schema.indexes i join information_schema.index_columns c
                  on c.index_schema = i.index_schema and c.index_name = i.index_name
                where i.table_schema = current_schema and i.table_name = upper(?)
                  and i.index_type_name = 'INDEX' and not i.is_generated
                  and not exists (select 1 from information_schema.table_constraints k
                                  where k.index_schema = i.index_schema and k.index_name = i.index_name)
                order by i.index_name, c.ordinal_position""")) {
            statement.setString(1, table);
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                tables.put(rows.getString(1), quoted(rows.getString(2)) + '.' + quoted(rows.getString(3)));
                columns.computeIfAbsent(rows.getString(1), name -> new ArrayList<>())
                        .add(quoted(rows.getString(4)) + ' ' + rows.getString(5) + " NULLS " + rows.getString(6));
            }
        }
        Map<String, String> indexes = new LinkedHashMap<>();
        columns.forEach((name, of) -> indexes.put(name,
                "CREATE INDEX IF NOT EXISTS " + quoted(name) + " ON " + tables.get(name) + " (" + String.join(", ", of) + ')'));
        return indexes;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
