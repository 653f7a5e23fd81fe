package org.allegationatlas.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.allegationatlas.auth.HttpAccess;
import org.allegationatlas.auth.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /export}: the whole database as JSON Lines ({@code application/x-ndjson}), one
 * ArticleInput per line, what {@code POST /import} and {@code import FILE} read. Streamed as it is
 * read, at the pace the client takes it (never held whole), from one snapshot. Readable by whoever
 * may read ({@code atlas.auth.read-requires-token}); at most {@code atlas.export.max-concurrent}
 * exports run at once on a node, since each holds a connection and a core.
 */
@ApplicationScoped
public class ExportRoute {

    private static final Logger LOG = Logger.getLogger(ExportRoute.class);

    @Inject
    ArticleExport export;
    @ConfigProperty(name = "atlas.auth.read-requires-token", defaultValue = "false")
    boolean readRequiresToken;
    private final Semaphore running;

    ExportRoute(@ConfigProperty(name = "atlas.export.max-concurrent", defaultValue = "2") int maxConcurrent) {
        this.running = new Semaphore(maxConcurrent);
    }

    void register(@Observes Router router) {
        router.get("/export").order(-50).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (readRequiresToken && !HttpAccess.require(ctx, Roles.READER, "Exporting")) {
            return;
        }
        if (!running.tryAcquire()) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "60");
            HttpAccess.error(ctx, 503, "BUSY", "Other exports are running on this node; try again in a minute");
            return;
        }
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-ndjson; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"atlas-" + LocalDate.now() + ".jsonl\"");
        Semaphore drained = new Semaphore(0);
        response.drainHandler(v -> drained.release());
        ctx.vertx().executeBlocking(() -> export.writeAll(line -> {
            if (response.closed()) {
                throw new IOException("the client went away");
            }
            response.write(Buffer.buffer((line + "\n").getBytes(StandardCharsets.UTF_8)));
            // the client's pace: wait while what is written has not gone out yet
            try {
                while (response.writeQueueFull() && !response.closed()) {
                    drained.tryAcquire(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the export was interrupted");
            }
        }), false).onComplete(done -> {
            running.release();
            if (done.succeeded()) {
                response.end();
                LOG.infof("Exported %s", done.result().describe());
            } else if (!response.closed()) {
                String incident = UUID.randomUUID().toString();
                LOG.errorf(done.cause(), "Export failed (incident %s)", incident);
                if (!response.headWritten()) {
                    HttpAccess.error(ctx, 500, "INTERNAL", "The export failed; the server log has incident " + incident);
                } else {
                    // the status is sent already: break the chunked stream, so that the client sees the export is incomplete
                    response.reset();
                }
            }
        });
    }
}
