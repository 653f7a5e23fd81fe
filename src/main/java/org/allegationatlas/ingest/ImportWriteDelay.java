package org.allegationatlas.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import io.agroal.api.AgroalDataSource;

/**
 * The command-line import into embedded H2 lets H2 save its changes every {@code atlas.import.write-delay} instead of
 * at each batch's commit (the service's URL says WRITE_DELAY=0, so that an answered write survives a kill): each save
 * writes every page the batches dirtied since the last, and the claim table's foreign-key indexes dirty pages all over
 * the file. Set on the open database of this process only ({@link Database#setWriteDelay}, not the SQL statement SET
 * WRITE_DELAY, which H2 keeps in the file), so the next start has its URL's setting whatever happens to the import. A
 * kill loses at most the batches committed in the last delay; H2 saves a version as of a commit, never half a batch,
 * and the import run again stores what was lost (articles are matched on url).
 */
@ApplicationScoped
public class ImportWriteDelay {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "atlas.import.write-delay", defaultValue = "500ms")
    Duration delay;

    /** Delays H2's saves for this import; returns what restores the database's own setting (nothing to do if not H2). */
    public Runnable relax() {
        Database database = database();
        if (database == null || delay.isZero()) {
            return () -> {
            };
        }
        int before = database.getWriteDelay();
        database.setWriteDelay((int) delay.toMillis());
        return () -> database.setWriteDelay(before);
    }

    private Database database() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return null; // not embedded H2
            }
            return session.getDatabase();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's write delay: " + e.getMessage(), e);
        }
    }
}
