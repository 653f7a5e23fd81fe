package org.allegationatlas.common.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Lifts the statement timeout ({@link ConnectionSettings}) while migrations run: building an index or filling
 * a new column on a million claims may rightly take longer than any request should. PostgreSQL: {@code SET LOCAL}
 * inside each migration's transaction, which ends with it. H2: its timeout is the database setting
 * MAX_QUERY_TIMEOUT, so it is set to 0 before the migrations and back to {@code atlas.db.statement-timeout-ms}
 * after them (nothing else runs at that point of the start).
 */
@Singleton
public class MigrationsWithoutTimeout implements FlywayConfigurationCustomizer {

    @ConfigProperty(name = "atlas.db.statement-timeout-ms", defaultValue = "5000")
    int statementTimeoutMillis;

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] existing = configuration.getCallbacks();
        Callback[] callbacks = Arrays.copyOf(existing, existing.length + 1);
        callbacks[existing.length] = new Lift(Math.max(0, statementTimeoutMillis));
        configuration.callbacks(callbacks);
    }

    private record Lift(int statementTimeoutMillis) implements Callback {

        private static final Logger LOG = Logger.getLogger(MigrationsWithoutTimeout.class);

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE
                    || event == Event.AFTER_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            Connection connection = context.getConnection();
            try (Statement statement = connection.createStatement()) {
                Database database = Database.of(connection);
                if (database == Database.POSTGRESQL && event == Event.BEFORE_EACH_MIGRATE) {
                    statement.execute("SET LOCAL statement_timeout = 0");
                } else if (database == Database.H2 && event == Event.BEFORE_MIGRATE) {
                    setH2Timeout(statement, 0);
                } else if (database == Database.H2 && (event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR)) {
                    setH2Timeout(statement, statementTimeoutMillis);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot lift the statement timeout for migrations: " + e.getMessage(), e);
            }
        }

        private static void setH2Timeout(Statement statement, int millis) {
            try {
                statement.execute("SET MAX_QUERY_TIMEOUT " + millis);
            } catch (SQLException needsAdminRights) {
                LOG.warnf("H2 refused SET MAX_QUERY_TIMEOUT %d (it needs the database's admin user): %s", millis,
                        needsAdminRights.getMessage());
            }
        }

        @Override
        public String getCallbackName() {
            return "atlas-migrations-without-timeout";
        }
    }
}
