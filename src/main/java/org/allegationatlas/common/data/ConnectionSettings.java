package org.allegationatlas.common.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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
 * <li>PostgreSQL: {@code statement_timeout} ({@code atlas.db.statement-timeout-ms}).</li>
 * </ul>
 * H2's statement timeout is its database setting MAX_QUERY_TIMEOUT, given as a connection property
 * (application.properties): a session timeout would not last, since Hibernate resets it after every
 * statement. {@link DurableCommits} reads the write delay back at start and refuses to start when it is
 * not 0; {@link MigrationsWithoutTimeout} lifts PostgreSQL's timeout for migrations.
 */
@ApplicationScoped
@Unremovable // looked up by the datasource, never injected: ArC would drop it as unused
public class ConnectionSettings implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(ConnectionSettings.class);

    @ConfigProperty(name = "atlas.db.statement-timeout-ms", defaultValue = "5000")
    int statementTimeoutMillis;

    @Override
    public void onConnectionCreate(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            switch (Database.of(connection)) {
                case H2 -> {
                    try {
                        statement.execute("SET WRITE_DELAY 0");
                    } catch (SQLException e) {
                        // it needs admin rights; DurableCommits refuses to start if the delay stays on
                        LOG.warnf("H2 refused SET WRITE_DELAY 0: %s", e.getMessage());
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
}
