package org.allegationatlas.common.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.api.Trigger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * H2's half of V5 (PostgreSQL's is a PL/pgSQL function): before a row of article, actor,
 * actor_alias or claim changes, moves the data version on, once per transaction; on ingest_lock,
 * notes that this transaction has moved it (the app's write lock does so first), so that the rows
 * of a bulk import cost a variable read each, not an update each.
 * <p>
 * "This transaction" is recognised by H2's CURRENT_TIMESTAMP, which is the start of the current
 * transaction, kept in a session variable (set through the session: a SQL statement run from a
 * trigger nested in another trigger's update would try to commit in auto-commit mode). H2
 * instantiates this class by name, which is stored in the database (so it must not move), hence
 * the reflection registration for the native image. H2's own tools need the app's jar on the
 * classpath to change these tables.
 */
@RegisterForReflection
public class DataVersionTrigger implements Trigger {

    private static final String BUMPED_AT = "ATLAS_DATA_VERSION_BUMPED_AT";

    private boolean onIngestLock;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        onIngestLock = "INGEST_LOCK".equalsIgnoreCase(tableName);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        SessionLocal session = (SessionLocal) conn.unwrap(JdbcConnection.class).getSession();
        if (onIngestLock) {
            session.setVariable(BUMPED_AT, session.currentTimestamp());
        } else if (!session.currentTimestamp().equals(session.getVariable(BUMPED_AT))) {
            try (Statement statement = conn.createStatement()) {
                statement.executeUpdate(DataVersion.BUMP); // fires this trigger on ingest_lock, which marks
            }
        }
    }
}
