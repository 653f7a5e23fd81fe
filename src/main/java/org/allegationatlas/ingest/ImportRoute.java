package org.allegationatlas.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.allegationatlas.auth.Roles;
import org.allegationatlas.ingest.BulkImport.Summary;

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
 * paused while a chunk is stored), never buffered whole. Answers with the summary as JSON.
 */
@ApplicationScoped
public class ImportRoute {

    @Inject
    BulkImport bulkImport;

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
        if (contentType == null || !contentType.toLowerCase().startsWith("application/x-ndjson")) {
            reply(ctx, 415, error("BAD_REQUEST", "Send JSON Lines (one ArticleInput per line) as application/x-ndjson"));
            return;
        }
        BulkImport.Session session = bulkImport.start(new BulkImport.Listener() {
        });
        Buffer[] partial = { Buffer.buffer() };
        request.handler(chunk -> {
            List<String> lines = completeLines(partial, chunk);
            if (lines.isEmpty()) {
                return;
            }
            request.pause();
            ctx.vertx().executeBlocking(() -> {
                lines.forEach(session::accept);
                return null;
            }, true).onComplete(done -> {
                if (done.failed()) {
                    reply(ctx, 500, error("INTERNAL", "The import stopped; committed batches are kept, re-run it to finish"));
                } else {
                    request.resume();
                }
            });
        });
        request.endHandler(end -> ctx.vertx().executeBlocking(() -> {
            if (partial[0].length() > 0) {
                session.accept(partial[0].toString(StandardCharsets.UTF_8));
            }
            return session.finish();
        }, true).onComplete(done -> {
            if (done.succeeded()) {
                reply(ctx, 200, summary(done.result()));
            } else {
                reply(ctx, 500, error("INTERNAL", "The import stopped; committed batches are kept, re-run it to finish"));
            }
        }));
        request.resume();
    }

    /** Splits off the complete lines of what arrived so far, keeping an unfinished last line. */
    private static List<String> completeLines(Buffer[] partial, Buffer chunk) {
        Buffer data = partial[0].appendBuffer(chunk);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length(); i++) {
            if (data.getByte(i) == '\n') {
                lines.add(data.getString(start, i, "UTF-8"));
                start = i + 1;
            }
        }
        partial[0] = data.getBuffer(start, data.length());
        return lines;
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
