package org.allegationatlas.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.allegationatlas.auth.HttpAccess;
import org.allegationatlas.auth.Roles;
import org.allegationatlas.common.data.DataVersion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /backup} (editors): a consistent copy of the embedded H2 database while it serves,
 * sent as a zip ({@code application/zip}) that {@code restore FILE} puts back. H2's BACKUP TO
 * copies the file online (the store is copy-on-write, so the copy is one committed state); it is
 * written next to the database, sent, and deleted. One backup at a time. The data version of the
 * copy is in {@code X-Atlas-Data-Version}. A PostgreSQL build answers that pg_dump is the tool.
 */
@ApplicationScoped
public class BackupRoute {

    private static final Logger LOG = Logger.getLogger(BackupRoute.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private final Semaphore running = new Semaphore(1);

    private record Copy(Path file, long version) {
    }

    void register(@Observes Router router) {
        router.post("/backup").order(-50).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (!HttpAccess.require(ctx, Roles.EDITOR, "A backup")) {
            return;
        }
        Optional<Path> database = EmbeddedDatabase.file(jdbcUrl);
        if (database.isEmpty()) {
            HttpAccess.error(ctx, 501, "NOT_EMBEDDED", "This server's database is not embedded H2: back it up with the"
                    + " database's own tools (pg_dump for PostgreSQL), or export the data with GET /export");
            return;
        }
        if (!running.tryAcquire()) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "60");
            HttpAccess.error(ctx, 503, "BUSY", "A backup is being made; try again when it is done");
            return;
        }
        Path file = database.get().resolveSibling(".backup-" + UUID.randomUUID() + ".zip");
        ctx.vertx().executeBlocking(() -> copy(file), false).onComplete(made -> {
            if (made.failed()) {
                String incident = UUID.randomUUID().toString();
                LOG.errorf(made.cause(), "Backup failed (incident %s)", incident);
                delete(file);
                running.release();
                HttpAccess.error(ctx, 500, "INTERNAL", "The backup failed; the server log has incident " + incident);
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/zip")
                    .putHeader("Content-Disposition", "attachment; filename=\"atlas-backup-" + LocalDateTime.now().format(STAMP) + ".zip\"")
                    .putHeader("X-Atlas-Data-Version", String.valueOf(made.result().version()))
                    .sendFile(file.toString()).onComplete(sent -> {
                        delete(file);
                        running.release();
                    });
        });
    }

    private Copy copy(Path file) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long version;
            try (ResultSet row = statement.executeQuery(DataVersion.READ)) {
                row.next();
                version = row.getLong(1);
            }
            statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            return new Copy(file, version);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (Exception e) {
            LOG.warnf("Could not delete the backup copy %s: %s", file, e);
        }
    }
}
