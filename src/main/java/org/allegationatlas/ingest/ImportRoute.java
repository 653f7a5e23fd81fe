package org.allegationatlas.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.allegationatlas.auth.Roles;
import org.allegationatlas.ingest.BulkImport.Summary;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /import} with {@code Content-Type: application/x-ndjson}: the bulk import over
 * HTTP, for remote use. The body is streamed: lines are imported as they arrive (the request is
 * paused while a chunk is stored), never buffered whole, so the HTTP body-size limit does not apply
 * here; what is held is bounded by {@code atlas.import.max-line-size}. Every bad line (not JSON,
 * not an ArticleInput, refused by the checks, too long) is reported by number and the import goes
 * on. Answers with the summary as JSON.
 */
@ApplicationScoped
public class ImportRoute {

    private static final Logger LOG = Logger.getLogger(ImportRoute.class);

    @Inject
    BulkImport bulkImport;
    /** The longest line accepted: an ArticleInput's JSON (a body may have 1,000,000 characters). */
    @ConfigProperty(name = "atlas.import.max-line-size", defaultValue = "8M")
    MemorySize maxLineSize;

    void register(@Observes Router router) {
        router.post("/import").order(-50).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!(ctx.user() instanceof QuarkusHttpUser user) || !user.getSecurityIdentity().hasRole(Roles.EDITOR)) {
            boolean anonymous = !(ctx.user() instanceof QuarkusHttpUser u) || u.getSecurityIdentity().isAnonymous();
            reply(ctx, anonymous ? 401 : 403, error(anonymous ? "UNAUTHORIZED" : "FORBIDDEN",
                    "Importing needs an editor token: send Authorization: Bearer <token>"));
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/x-ndjson")) {
            reply(ctx, 415, error("BAD_REQUEST", "Send JSON Lines (one ArticleInput per line) as application/x-ndjson"));
            return;
        }
        BulkImport.Session session = bulkImport.start(new BulkImport.Listener() {
        });
        NdjsonLines lines = new NdjsonLines(maxLineSize.asLongValue());
        request.handler(chunk -> {
            List<String> complete = lines.feed(chunk);
            if (complete.isEmpty()) {
                return;
            }
            request.pause();
            ctx.vertx().executeBlocking(() -> {
                complete.forEach(line -> accept(session, line));
                return null;
            }, true).onComplete(done -> {
                if (done.failed()) {
                    stopped(ctx, done.cause());
                } else {
                    request.resume();
                }
            });
        });
        request.endHandler(end -> ctx.vertx().executeBlocking(() -> {
            String last = lines.finish();
            if (last == null || !last.isEmpty()) {
                accept(session, last);
            }
            return session.finish();
        }, true).onComplete(done -> {
            if (done.succeeded() && done.result().articles() == 0 && done.result().badLines() == 0) {
                // an empty body is a mistake (a wrong file, a lost pipe), not an import of nothing
                reply(ctx, 400, error("BAD_REQUEST", "The body holds no line to import: send one ArticleInput per line as JSON"));
            } else if (done.succeeded()) {
                reply(ctx, 200, summary(done.result()));
            } else {
                stopped(ctx, done.cause());
            }
        }));
        request.resume();
    }

    /** @param line null for a line that was longer than allowed */
    private void accept(BulkImport.Session session, String line) {
        if (line == null) {
            session.refuse("the line is longer than " + maxLineSize.asLongValue() + " bytes (atlas.import.max-line-size); "
                    + "it was skipped unread");
        } else {
            session.accept(line);
        }
    }

    /** Something beyond one line went wrong (the database went away, say): logged, answered with its incident id. */
    private static void stopped(RoutingContext ctx, Throwable cause) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(cause, "Import over HTTP stopped (incident %s)", incident);
        reply(ctx, 500, error("INTERNAL", "The import stopped (incident " + incident
                + "); committed batches are kept, re-run it to finish"));
    }

    /**
     * Splits a byte stream into lines as it arrives, keeping at most one unfinished line of at most
     * {@code maxLineSize} bytes: a longer line is dropped as it streams past and reported as null.
     */
    static final class NdjsonLines {
        private final long maxLineSize;
        private Buffer partial = Buffer.buffer();
        private boolean tooLong;

        NdjsonLines(long maxLineSize) {
            this.maxLineSize = maxLineSize;
        }

        /** The lines this chunk completes; null for each that was too long. */
        List<String> feed(Buffer chunk) {
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < chunk.length(); i++) {
                if (chunk.getByte(i) == '\n') {
                    keep(chunk, start, i);
                    lines.add(tooLong ? null : partial.toString(StandardCharsets.UTF_8));
                    partial = Buffer.buffer();
                    tooLong = false;
                    start = i + 1;
                }
            }
            keep(chunk, start, chunk.length());
            return lines;
        }

        /** The last line when the body does not end with a newline ("" when it does); null if it was too long. */
        String finish() {
            return tooLong ? null : partial.toString(StandardCharsets.UTF_8);
        }

        private void keep(Buffer chunk, int from, int to) {
            if (tooLong || partial.length() + (long) (to - from) > maxLineSize) {
                tooLong = true;
                partial = Buffer.buffer();
            } else {
                partial.appendBuffer(chunk, from, to - from);
            }
        }
    }

    private static JsonObject summary(Summary summary) {
        JsonArray errors = new JsonArray();
        summary.errors().forEach(e -> errors.add(new JsonObject().put("line", e.line()).put("message", e.message())));
        return new JsonObject().put("lines", summary.lines()).put("articles", summary.articles())
                .put("claims", summary.claims()).put("badLines", summary.badLines()).put("errors", errors)
                .put("seconds", Math.round(summary.seconds() * 10) / 10.0);
    }

    private static JsonObject error(String code, String message) {
        return new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", code))));
    }

    private static void reply(RoutingContext ctx, int status, JsonObject body) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
        }
    }
}
