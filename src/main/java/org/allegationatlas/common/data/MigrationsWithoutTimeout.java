package org.allegationatlas.common.data;

import java.sql.SQLException;
import java.util.Arrays;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Lifts the statement timeout ({@link ConnectionSettings}) on the connection of the migrations, on H2 and
 * PostgreSQL: a migration that reads every claim (V7 counted a million of them) may rightly take longer than
 * any request should, and a busy machine makes it longer still. The timeout is back when the connection
 * returns to the pool.
 */
@Singleton
public class MigrationsWithoutTimeout implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        addCallback(configuration, new Lift());
    }

    /** Adds a callback to those Flyway already has (Quarkus's own among them). */
    public static void addCallback(FluentConfiguration configuration, Callback callback) {
        Callback[] existing = configuration.getCallbacks();
        Callback[] callbacks = Arrays.copyOf(existing, existing.length + 1);
        callbacks[existing.length] = callback;
        configuration.callbacks(callbacks);
    }

    private static final class Lift implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                ConnectionSettings.liftStatementTimeout(context.getConnection());
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
