package org.allegationatlas.backup;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the embedded H2 database keeps its file, from the JDBC URL ({@code jdbc:h2:file:[retry:]PATH;...}).
 * The default URL opens the file through H2's {@code retry:} file system: with the default one, a thread
 * interrupted while H2 writes for it (a transaction timeout, a shutdown) closes the file under every
 * connection and the database with it; {@code retry:} reopens the file and carries on.
 */
public final class EmbeddedDatabase {

    private static final String PREFIX = "jdbc:h2:file:";
    /** H2's file systems that only change how the file is opened, not where it is. */
    private static final Pattern FILE_SYSTEM = Pattern.compile("^(?:(?:retry|nio|async|nioMapped):)+");

    private EmbeddedDatabase() {
    }

    /** The .mv.db file of an H2 file-mode URL; empty for any other database (PostgreSQL, in-memory H2). */
    public static Optional<Path> file(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String path = FILE_SYSTEM.matcher(jdbcUrl.substring(PREFIX.length()).split(";")[0]).replaceFirst("");
        return Optional.of(Path.of(path + ".mv.db").toAbsolutePath().normalize());
    }

    /**
     * The URL the service would use, read without starting it (a restore must not open the
     * database it replaces): {@code quarkus.datasource.jdbc.url} as system property or environment
     * variable, else the embedded default under {@code atlas.data-dir} (ATLAS_DATA_DIR, ./data).
     */
    static String configuredUrl() {
        String url = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        if (url != null) {
            return url;
        }
        String dataDir = setting("atlas.data-dir", "ATLAS_DATA_DIR");
        return PREFIX + "retry:" + (dataDir == null ? "./data" : dataDir) + "/atlas";
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
