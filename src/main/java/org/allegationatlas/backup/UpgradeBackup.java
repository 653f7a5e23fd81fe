package org.allegationatlas.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.allegationatlas.common.data.MigrationsWithoutTimeout;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * An upgrade of the embedded database is all or nothing, even when it is killed half-way. H2 commits each DDL
 * statement as it runs, so a migration that fails (or a process killed during one) would leave a database that is
 * neither the old schema nor the new. Before the first pending migration of an existing H2 database, this takes
 * H2's online backup to {@value #IN_PROGRESS} beside the file, and removes it when every migration succeeded. A start
 * that finds it ({@link DatabaseRestore#undoUnfinishedUpgrade}, before anything opens the database) knows an upgrade
 * did not finish: it puts the backup back and the upgrade runs again. (PostgreSQL needs none of this: each migration is one
 * transaction, rolled back when it fails.)
 */
@Singleton
public class UpgradeBackup implements FlywayConfigurationCustomizer {

    /** Beside the database file while an upgrade runs. */
    public static final String IN_PROGRESS = "upgrade-in-progress.zip";

    private static final Logger LOG = Logger.getLogger(UpgradeBackup.class);

    @Override
    public void customize(FluentConfiguration configuration) {
        MigrationsWithoutTimeout.addCallback(configuration, new Guard());
    }

    private static final class Guard implements Callback {

        private boolean checked;
        /** The copy taken before this run's first migration; null when none was needed. */
        private Path backup;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                switch (event) {
                    case BEFORE_EACH_MIGRATE -> {
                        if (!checked) {
                            backup = backUp(context.getConnection());
                            checked = true;
                        }
                    }
                    case AFTER_MIGRATE -> {
                        if (backup != null && Files.deleteIfExists(backup)) {
                            LOG.info("The database was upgraded; the copy taken before the upgrade is removed");
                        }
                    }
                    case AFTER_MIGRATE_ERROR -> LOG.errorf("Upgrading the database failed%s. %s",
                            context.getMigrationInfo() == null ? "" : " at migration V" + context.getMigrationInfo().getVersion(),
                            backup != null
                                    ? "Nothing is lost: the next start puts the database back as it was before the upgrade (from "
                                            + backup + ") and runs the upgrade again"
                                    : "No copy was needed: the database was new, or is a server's that rolls a failed migration back");
                    default -> {
                    }
                }
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Cannot keep a copy of the database before upgrading it: " + e.getMessage()
                        + "; nothing was changed", e);
            }
        }

        /** The copy of an existing embedded database, or null when there is nothing to keep. */
        private static Path backUp(Connection connection) throws SQLException, IOException {
            Optional<Path> database = EmbeddedDatabase.file(connection.getMetaData().getURL());
            if (database.isEmpty() || !holdsData(connection)) {
                return null;
            }
            Path partial = database.get().resolveSibling(IN_PROGRESS + ".partial");
            long start = System.nanoTime();
            LOG.infof("Upgrading the database: keeping a copy of it first (%s)", database.get().resolveSibling(IN_PROGRESS));
            try (Statement statement = connection.createStatement()) {
                Files.deleteIfExists(partial);
                statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            Path backup = Files.move(partial, database.get().resolveSibling(IN_PROGRESS), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            LOG.infof("Kept a copy of the database in %.1f s", (System.nanoTime() - start) / 1e9);
            return backup;
        }

        /** A new database has nothing to lose: its first migration creates the tables. */
        private static boolean holdsData(Connection connection) throws SQLException {
            try (var tables = connection.getMetaData().getTables(null, null, "ARTICLE", null)) {
                return tables.next();
            }
        }

        @Override
        public String getCallbackName() {
            return "atlas-upgrade-backup";
        }
    }
}
