package org.allegationatlas.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.allegationatlas.backup.EmbeddedDatabase;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;

/**
 * Shrinks the embedded H2 file at the end of a command-line import. H2 appends while it writes
 * and compacts only briefly when it closes: 200,000 articles left a 1.1 GB file holding 0.4 GB.
 * SHUTDOWN COMPACT rewrites it in seconds, but only on a connection of its own once the pool is
 * closed (the pool would otherwise find its connections dead and complain), so this ends the
 * process's use of the database.
 */
@ApplicationScoped
public class EmbeddedCompaction {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    /**
     * Whether this process has the database to itself: embedded H2, in a file or in memory (H2 locks its file
     * against other processes), not a server's database or a file shared with AUTO_SERVER.
     */
    public boolean exclusive() {
        return "h2".equals(dbKind) && (jdbcUrl.startsWith("jdbc:h2:file:") || jdbcUrl.startsWith("jdbc:h2:mem:"))
                && !jdbcUrl.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
    }

    public void compactAndClose(PrintStream out) {
        Optional<Path> database = EmbeddedDatabase.file(jdbcUrl);
        if (!exclusive() || database.isEmpty()) {
            return;
        }
        Path file = database.get();
        long before = size(file);
        long start = System.nanoTime();
        out.printf("Compacting the database file (%,d MB)...%n", before >> 20);
        dataSource.close();
        try (Connection connection = new org.h2.Driver().connect(jdbcUrl, new Properties());
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            if (size(file) == before) {
                out.println("Compaction skipped: " + e.getMessage());
                return;
            }
            // closing a connection whose database was just shut down may complain; the work is done
        }
        out.printf("Compacted %,d MB to %,d MB in %.1f s%n", before >> 20, size(file) >> 20, (System.nanoTime() - start) / 1e9);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
