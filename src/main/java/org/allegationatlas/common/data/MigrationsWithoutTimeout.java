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
import org.jboss.logging.Logger;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Lifts PostgreSQL's statement timeout ({@link ConnectionSettings}) inside each migration's transaction:
 * building an index on a million claims may rightly take longer than any request should. {@code SET LOCAL}
 * ends with that transaction. H2's timeout is a database setting (MAX_QUERY_TIMEOUT) fixed when the database
 * opens, so it cannot be lifted here: a migration that needs longer there is run once with
 * {@code atlas.db.statement-timeout-ms=0}, and when an H2 migration fails this says so in the log (V7 on a
 * database of 100,000 claims from an older release took longer than the default 5 s).
 */
@Singleton
public class MigrationsWithoutTimeout implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(MigrationsWithoutTimeout.class);

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
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            Connection connection = context.getConnection();
            try (Statement statement = connection.createStatement()) {
                if (event == Event.AFTER_EACH_MIGRATE_ERROR) {
                    if (Database.of(connection) == Database.H2) {
                        LOG.errorf("If migration %s failed with \"Statement was canceled or the session timed out\", it needs longer than"
                                + " the statement timeout allows on a database of this size: restore the data directory saved before"
                                + " the upgrade (H2 keeps the tables a failed migration created) and start once with"
                                + " ATLAS_DB_STATEMENT_TIMEOUT_MS=0; later starts can keep the timeout",
                                context.getMigrationInfo() == null ? "" : context.getMigrationInfo().getVersion());
                    }
                } else if (Database.of(connection) == Database.POSTGRESQL) {
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
