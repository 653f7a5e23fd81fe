package org.allegationatlas.common.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Unremovable;

/**
 * What every pooled database connection gets, whatever {@code QUARKUS_DATASOURCE_JDBC_URL} says:
 * <ul>
 * <li>H2: {@code WRITE_DELAY 0}, so that a commit is in the file before its answer leaves (H2's
 * default, 500 ms, loses every write a SIGKILL catches in that window);</li>
 * <li>PostgreSQL: {@code statement_timeout} ({@code atlas.db.statement-timeout-ms}).</li>
 * </ul>
 * H2's statement timeout is its database setting MAX_QUERY_TIMEOUT, given as a connection property
 * (application.properties): a session timeout would not last, since Hibernate resets it after every
 * statement. Where H2 does not let the app turn the delay off (it needs the admin user) and the database keeps
 * one, the connection is refused with a message naming the fix; {@link MigrationsWithoutTimeout} lifts the
 * timeouts for migrations.
 */
@ApplicationScoped
@Unremovable // looked up by the datasource, never injected: ArC would drop it as unused
public class ConnectionSettings implements AgroalPoolInterceptor {

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
                }
                case POSTGRESQL -> statement.execute("SET statement_timeout = " + Math.max(0, statementTimeoutMillis));
                case OTHER -> {
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare a database connection: " + e.getMessage(), e);
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
