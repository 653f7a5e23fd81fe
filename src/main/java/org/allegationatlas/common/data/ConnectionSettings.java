package org.allegationatlas.common.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Unremovable;

/**
 * What every pooled database connection gets, whatever {@code QUARKUS_DATASOURCE_JDBC_URL} says:
 * <ul>
 * <li>H2: {@code WRITE_DELAY 0}, so that a commit is in the file before its answer leaves (H2's
 * default, 500 ms, loses every write a SIGKILL catches in that window);</li>
 * <li>the statement timeout ({@code atlas.db.statement-timeout-ms}), which protects the service from
 * expensive <em>reads</em>: a write transaction ({@code WriteLock}), a migration and the recount of the
 * claims lift it on their connection with {@link #liftStatementTimeout}, and it is back when the connection
 * returns to the pool, and so do the reads of a mutation's answer ({@link MutationRequest}). Valid work never
 * fails on it, however busy the machine.</li>
 * </ul>
 * PostgreSQL's timeout is its session's {@code statement_timeout}. H2's is its session's {@code QUERY_TIMEOUT},
 * set in SQL so that H2's JDBC driver keeps reporting 0: Hibernate, on closing a statement that reports a
 * timeout, resets it to 0, which would lift it for every later statement of the connection. (H2's database-wide
 * MAX_QUERY_TIMEOUT, used before, cannot be lifted for a write or a migration.)
 * Where H2 does not let the app turn the delay off (it needs the admin user) and the database keeps one, the
 * connection is refused with a message naming the fix.
 */
@ApplicationScoped
@Unremovable // looked up by the datasource, never injected: ArC would drop it as unused
public class ConnectionSettings implements AgroalPoolInterceptor {

    /** The connections (the drivers' own, not the pool's wrappers) whose timeout is lifted until they go back. */
    private static final Set<Connection> LIFTED = Collections.newSetFromMap(new ConcurrentHashMap<>());

    private static final Logger LOG = Logger.getLogger(ConnectionSettings.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    @ConfigProperty(name = "atlas.db.statement-timeout-ms", defaultValue = "5000")
    int statementTimeoutMillis;

    @Override
    public void onConnectionCreate(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            switch (Database.of(connection)) {
                case H2 -> {
                    try {
                        statement.execute("SET WRITE_DELAY 0");
                    } catch (SQLException needsAdminRights) {
                        refuseDelayedCommits(connection);
                    }
                    statement.setQueryTimeout(0); // what H2's driver reports from now on (see the class)
                    warnIfInterruptsCloseTheFile(connection.getMetaData().getURL());
                }
                case POSTGRESQL, OTHER -> {
                }
            }
            setReadTimeout(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare a database connection: " + e.getMessage(), e);
        }
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        if (MutationRequest.isCurrent()) {
            try {
                liftStatementTimeout(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot lift the statement timeout for a write's answer: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            if (LIFTED.remove(driverConnection(connection))) {
                setReadTimeout(connection);
            }
        } catch (SQLException e) {
            // a broken connection: the pool finds it out and drops it; one with the timeout lifted must not serve reads
            throw new IllegalStateException("Cannot put the statement timeout back on a database connection: " + e.getMessage(), e);
        }
    }

    /**
     * Lifts the statement timeout on this connection until it goes back to the pool: for writes, migrations and
     * maintenance, which must finish however long a busy machine makes them (they are bounded elsewhere: a write
     * waits its turn for a limited time, see {@code WriteLock}).
     */
    public static void liftStatementTimeout(Connection connection) throws SQLException {
        Connection driver = driverConnection(connection);
        if (!LIFTED.add(driver)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            switch (Database.of(connection)) {
                case H2 -> statement.execute("SET QUERY_TIMEOUT 0");
                case POSTGRESQL -> statement.execute("SET statement_timeout = 0");
                case OTHER -> {
                }
            }
        } catch (SQLException | RuntimeException e) {
            LIFTED.remove(driver);
            throw e;
        }
    }

    private void setReadTimeout(Connection connection) throws SQLException {
        int millis = Math.max(0, statementTimeoutMillis);
        try (Statement statement = connection.createStatement()) {
            switch (Database.of(connection)) {
                case H2 -> statement.execute("SET QUERY_TIMEOUT " + millis);
                case POSTGRESQL -> statement.execute("SET statement_timeout = " + millis);
                case OTHER -> {
                }
            }
        }
    }

    /** The driver's connection under the pool's wrapper: the pool hands out a new wrapper each time. */
    private static Connection driverConnection(Connection connection) throws SQLException {
        for (Class<? extends Connection> driver : List.of(org.h2.jdbc.JdbcConnection.class, org.postgresql.jdbc.PgConnection.class)) {
            if (connection.isWrapperFor(driver)) {
                return connection.unwrap(driver);
            }
        }
        return connection;
    }

    /**
     * H2's default file system closes the database file when a thread that is writing it is interrupted (the
     * JDK's FileChannel does), and with it the database under every connection; {@code retry:} (the default
     * URL's) reopens it and carries on. Said once, at the first connection, for a URL without it.
     */
    private static void warnIfInterruptsCloseTheFile(String url) {
        if (url != null && url.startsWith("jdbc:h2:file:") && !url.startsWith("jdbc:h2:file:retry:") && WARNED.compareAndSet(false, true)) {
            LOG.warnf("The H2 database is opened without H2's retry: file system (%s): an interrupted thread (a transaction"
                    + " timeout, a shutdown) can close it; write the URL as jdbc:h2:file:retry:PATH", url.split(";")[0]);
        }
    }

    /**
     * Only the database's admin may turn the delay off; a connection that keeps one is refused, so no write
     * is ever confirmed that a crash could lose (at start, this stops the app before the migrations run).
     */
    private static void refuseDelayedCommits(Connection connection) throws SQLException {
        String delay = Database.h2Setting(connection, "WRITE_DELAY");
        if (delay != null && !"0".equals(delay.trim())) {
            throw new IllegalStateException("The H2 database delays writing commits by " + delay.trim()
                    + " ms, so a crash would lose writes that were confirmed, and H2 did not let the app turn that off"
                    + " (SET WRITE_DELAY 0 needs the database's admin user). Connect as the admin user, or add"
                    + " ;WRITE_DELAY=0 to QUARKUS_DATASOURCE_JDBC_URL");
        }
    }
}
