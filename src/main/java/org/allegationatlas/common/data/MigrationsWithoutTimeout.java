package org.allegationatlas.common.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Lifts PostgreSQL's statement timeout ({@link ConnectionSettings}) inside each migration's transaction:
 * building an index on a million claims may rightly take longer than any request should. {@code SET LOCAL}
 * ends with that transaction. H2's timeout is a database setting that cannot be lifted for one session;
 * a migration that needs longer there is run once with {@code atlas.db.statement-timeout-ms=0}.
 */
@Singleton
public class MigrationsWithoutTimeout implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] existing = configuration.getCallbacks();
        Callback[] callbacks = Arrays.copyOf(existing, existing.length + 1);
        callbacks[existing.length] = new Lift();
        configuration.callbacks(callbacks);
    }

    private static final class Lift implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            Connection connection = context.getConnection();
            try (Statement statement = connection.createStatement()) {
                if (Database.of(connection) == Database.POSTGRESQL) {
                    statement.execute("SET LOCAL statement_timeout = 0");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot lift the statement timeout for a migration: " + e.getMessage(), e);
            }
        }

        @Override
        public String getCallbackName() {
            return "atlas-migrations-without-timeout";
        }
    }
}
