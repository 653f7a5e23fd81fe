package org.allegationatlas.ingest;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;

/**
 * Shrinks the embedded H2 file after a bulk import. H2 appends while it writes and compacts
 * only when idle or, briefly, at close: an import of 20,000 articles left an 870 MB file that
 * holds 43 MB of data, and a server opens (and caches) a smaller file faster.
 */
@ApplicationScoped
public class EmbeddedCompaction {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    /** Compacts and closes the database when it is an H2 file; the process must not use it afterwards. */
    public void compactAndClose(PrintStream out) {
        if (!"h2".equals(dbKind) || !jdbcUrl.startsWith("jdbc:h2:file:")) {
            return;
        }
        Path file = Path.of(jdbcUrl.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db");
        long before = size(file);
        long start = System.nanoTime();
        out.printf("Compacting the database file (%,d MB)...%n", before >> 20);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            out.println("Compaction skipped: " + e.getMessage());
            return;
        }
        out.printf("Compacted %,d MB to %,d MB in %.1f s%n", before >> 20, size(file) >> 20,
                (System.nanoTime() - start) / 1e9);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
