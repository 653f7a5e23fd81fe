package org.allegationatlas.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a query that was asked before, unchanged since, from memory. Every write bumps the data
 * version (see {@link WriteLock}), on whichever node made it; an answer is reused only while the
 * version it was computed at is still the current one, so it is never stale. Checking costs one
 * primary-key read, where executing a page of claims costs milliseconds of CPU.
 * <p>
 * Only queries that succeeded without errors are kept, per caller (the Authorization header is
 * part of the key) and per response format. A request with {@code Cache-Control: no-cache} (or
 * no-store, max-age=0, {@code Pragma: no-cache}) is always executed. Answers to queries carry
 * {@code X-Atlas-Cache: hit} or {@code miss}.
 */
@ApplicationScoped
public class ResponseCache {

    static final String CACHE_HEADER = "X-Atlas-Cache";
    private static final String PENDING = "atlas.response-cache.pending";
    private static final Logger LOG = Logger.getLogger(ResponseCache.class);

    @ConfigProperty(name = "atlas.graphql.response-cache.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "atlas.graphql.response-cache.max-size", defaultValue = "32M")
    MemorySize maxSize;

    @Inject
    AgroalDataSource dataSource;

    private record Entry(long version, String contentType, Buffer body) {
    }

    /** What a request that missed carries until its answer is written. */
    private static final class Pending {
        final String key;
        final long version;
        volatile Buffer body;

        Pending(String key, long version) {
            this.key = key;
            this.version = version;
        }
    }

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    /**
     * Answers {@code ctx} from the cache when it can, else passes it on to be executed and
     * remembers the answer.
     *
     * @param variables the request's variables and operation name as sent, part of the key
     */
    void handle(RoutingContext ctx, Document document, String query, String operationName, String variables) {
        if (!enabled || document == null || !GraphQLOverHttp.operationsAsked(document, operationName)
                .allMatch(op -> op == OperationDefinition.Operation.QUERY)) {
            ctx.next();
            return;
        }
        if (wantsFresh(ctx)) {
            ctx.addHeadersEndHandler(v -> ctx.response().putHeader(CACHE_HEADER, "miss"));
            ctx.next();
            return;
        }
        String key = String.join("\n", ctx.request().getHeader(HttpHeaders.ACCEPT),
                String.valueOf(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)), String.valueOf(operationName),
                String.valueOf(variables), query);
        ctx.vertx().executeBlocking(this::dataVersion, false).onComplete(read -> {
            if (read.failed()) {
                LOG.debug("Data version unreadable; executing the request", read.cause());
                ctx.next();
                return;
            }
            String etag = ctx.request().method() == HttpMethod.GET ? "W/\"" + read.result() + "\"" : null;
            if (etag != null && etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
                // the browser's copy was answered at this data version and nothing was written since
                revalidation(ctx, etag).setStatusCode(304).putHeader(CACHE_HEADER, "hit").end();
                return;
            }
            Entry entry = get(key, read.result());
            if (entry != null) {
                revalidation(ctx, etag).putHeader(HttpHeaders.CONTENT_TYPE, entry.contentType()).putHeader(CACHE_HEADER, "hit")
                        .end(entry.body());
                return;
            }
            Pending pending = new Pending(key, read.result());
            ctx.put(PENDING, pending);
            ctx.addHeadersEndHandler(v -> {
                ctx.response().putHeader(CACHE_HEADER, "miss");
                if (pending.body != null && ctx.response().getStatusCode() == 200) {
                    put(key, new Entry(pending.version, ctx.response().headers().get(HttpHeaders.CONTENT_TYPE), pending.body));
                    revalidation(ctx, etag);
                }
            });
            ctx.next();
        });
    }

    /**
     * HTTP caching of answers to GET: the data version is the entity tag, and browsers revalidate
     * every time (no-cache), so that a repeated view costs a 304 and is never stale.
     */
    private static HttpServerResponse revalidation(RoutingContext ctx, String etag) {
        HttpServerResponse response = ctx.response();
        if (etag != null) {
            response.putHeader(HttpHeaders.ETAG, etag)
                    .putHeader(HttpHeaders.CACHE_CONTROL, ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null ? "no-cache" : "private, no-cache")
                    .putHeader(HttpHeaders.VARY, "Accept, Accept-Encoding, Authorization");
        }
        return response;
    }

    /** Cache-Control: no-cache, no-store or max-age=0 (among other directives), or Pragma: no-cache. */
    private static boolean wantsFresh(RoutingContext ctx) {
        String directives = String.join(",", ctx.request().headers().getAll(HttpHeaders.CACHE_CONTROL)) + ","
                + String.valueOf(ctx.request().getHeader("Pragma"));
        for (String directive : directives.toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.replace(" ", "");
            if (d.equals("no-cache") || d.equals("no-store") || d.equals("max-age=0")) {
                return true;
            }
        }
        return false;
    }

    private long dataVersion() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select version from ingest_lock where id = 1")) {
            row.next();
            return row.getLong(1);
        }
    }

    private synchronized Entry get(String key, long version) {
        Entry entry = entries.get(key);
        return entry != null && entry.version() == version ? entry : null;
    }

    private synchronized void put(String key, Entry entry) {
        long size = entry.body().length() + 2L * key.length();
        if (size > maxSize.asLongValue() / 8) {
            return; // one huge answer must not push out everything else
        }
        Entry old = entries.put(key, entry);
        bytes += size - (old == null ? 0 : old.body().length() + 2L * key.length());
        for (Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator(); bytes > maxSize.asLongValue()
                && eldest.hasNext();) {
            Map.Entry<String, Entry> e = eldest.next();
            bytes -= e.getValue().body().length() + 2L * e.getKey().length();
            eldest.remove();
        }
    }

    /** Hands a successful result of a request that missed the cache to it, as SmallRye will write it. */
    public static class Remember extends SimplePerformantInstrumentation {
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().isEmpty() && result.isDataPresent()) {
                RoutingContext ctx = GraphQLOverHttp.current();
                if (ctx != null && ctx.get(PENDING) instanceof Pending pending) {
                    pending.body = Buffer.buffer(new ExecutionResponse(result).getExecutionResultAsString());
                }
            }
            return CompletableFuture.completedFuture(result);
        }
    }
}
