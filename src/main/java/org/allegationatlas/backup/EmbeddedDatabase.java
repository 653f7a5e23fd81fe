package org.allegationatlas.backup;

import java.nio.file.Path;
import java.util.Optional;

/** Where the embedded H2 database keeps its file, from the JDBC URL (jdbc:h2:file:PATH;...). */
final class EmbeddedDatabase {

    private static final String PREFIX = "jdbc:h2:file:";

    private EmbeddedDatabase() {
    }

    /** The .mv.db file of an H2 file-mode URL; empty for any other database (PostgreSQL, in-memory H2). */
    static Optional<Path> file(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(Path.of(jdbcUrl.substring(PREFIX.length()).split(";")[0] + ".mv.db").toAbsolutePath().normalize());
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
        return PREFIX + (dataDir == null ? "./data" : dataDir) + "/atlas";
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
