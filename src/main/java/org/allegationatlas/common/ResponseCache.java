package org.allegationatlas.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.allegationatlas.common.graphql.LiveFields;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a query that was asked before, unchanged since, from memory. Every write bumps the data
 * version (see {@link WriteLock}), on whichever node made it; an answer is reused only while the
 * version it was computed at is still the current one, so it is never stale. Checking costs one
 * primary-key read, where executing a page of claims costs milliseconds of CPU.
 * <p>
 * Only queries that succeeded without errors are kept, per authenticated caller and roles and per
 * response format. A request with {@code Cache-Control: no-cache} (or no-store, max-age=0,
 * {@code Pragma: no-cache}) is always executed. Answers to queries carry {@code X-Atlas-Cache: hit}
 * or {@code miss}, and, when kept, HTTP's own validators: an {@code ETag} of the request and the data
 * version, {@code Cache-Control: no-cache} and {@code Vary}; a request whose If-None-Match names the
 * current ETag is answered 304 Not Modified.
 * <p>
 * Queries that ask for a {@link LiveFields live field} (a web page read now, a feed's last poll) are never kept:
 * their answers change without the data version moving.
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
    @Inject
    @Any
    Instance<LiveFields> liveFieldSources;

    private volatile Set<String> liveFields;

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
     * Answers {@code ctx} from the cache when it can (or with 304 Not Modified when the client's copy,
     * named by If-None-Match, is still current), else passes it on to be executed and remembers the
     * answer. Runs after read access was checked: a cached answer never reaches a caller who may not read.
     *
     * @param variables the request's variables and operation name as sent, part of the key
     */
    void handle(RoutingContext ctx, Document document, String query, String operationName, String variables) {
        if (!enabled || document == null || !GraphQLOverHttp.operationsAsked(document, operationName)
                .allMatch(op -> op == OperationDefinition.Operation.QUERY) || asksForLiveField(document, operationName)) {
            ctx.next();
            return;
        }
        boolean fresh = wantsFresh(ctx);
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (fresh && ifNoneMatch == null) {
            ctx.addHeadersEndHandler(v -> ctx.response().putHeader(CACHE_HEADER, "miss"));
            ctx.next();
            return;
        }
        String key = String.join("\n", ctx.request().getHeader(HttpHeaders.ACCEPT), caller(ctx), String.valueOf(operationName),
                String.valueOf(variables), query);
        ctx.vertx().executeBlocking(this::dataVersion, false).onComplete(read -> {
            if (read.failed()) {
                LOG.debug("Data version unreadable; executing the request", read.cause());
                ctx.next();
                return;
            }
            long version = read.result();
            String etag = etag(key, version);
            if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
                cacheHeaders(ctx, etag).setStatusCode(304).end();
                return;
            }
            Entry entry = fresh ? null : get(key, version);
            if (entry != null) {
                cacheHeaders(ctx, etag).putHeader(HttpHeaders.CONTENT_TYPE, entry.contentType()).putHeader(CACHE_HEADER, "hit")
                        .end(entry.body());
                return;
            }
            Pending pending = new Pending(key, version);
            ctx.put(PENDING, pending);
            ctx.addHeadersEndHandler(v -> {
                ctx.response().putHeader(CACHE_HEADER, "miss");
                if (pending.body != null && ctx.response().getStatusCode() == 200) {
                    cacheHeaders(ctx, etag);
                    put(key, new Entry(pending.version, ctx.response().headers().get(HttpHeaders.CONTENT_TYPE), pending.body));
                }
            });
            ctx.next();
        });
    }

    /** Whether the operations asked select a live field at their root (through fragments too). */
    private boolean asksForLiveField(Document document, String operationName) {
        Set<String> live = liveFields;
        if (live == null) {
            Set<String> names = new HashSet<>();
            liveFieldSources.forEach(source -> names.addAll(source.rootFields()));
            liveFields = live = Set.copyOf(names);
        }
        if (live.isEmpty()) {
            return false;
        }
        Map<String, FragmentDefinition> fragments = new java.util.HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        Set<String> asked = new HashSet<>();
        document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.equals(op.getName()))
                .forEach(op -> collectRootFields(op.getSelectionSet(), fragments, asked, new HashSet<>()));
        return asked.stream().anyMatch(live::contains);
    }

    private static void collectRootFields(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> names,
            Set<String> visited) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                names.add(field.getName());
            } else if (selection instanceof InlineFragment inline) {
                collectRootFields(inline.getSelectionSet(), fragments, names, visited);
            } else if (selection instanceof FragmentSpread spread && visited.add(spread.getName())
                    && fragments.get(spread.getName()) != null) {
                collectRootFields(fragments.get(spread.getName()).getSelectionSet(), fragments, names, visited);
            }
        }
    }

    /**
     * Who asks, as authenticated for this request: answers are kept per identity and roles, never per
     * raw Authorization header, so a revoked or expired token reads only what an anonymous caller may.
     */
    private static String caller(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            return "anonymous";
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        return identity.getPrincipal().getName() + " " + new TreeSet<>(identity.getRoles());
    }

    /** A validator for one request's answer at one data version: it changes with any write. */
    private static String etag(String key, long version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "-" + version + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match: "*" or a list of entity tags, weak ones compared weakly (RFC 9110, 13.1.2). */
    private static boolean matches(String ifNoneMatch, String etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Clients and proxies may keep the answer but must ask again (with the ETag) before using it. */
    private static HttpServerResponse cacheHeaders(RoutingContext ctx, String etag) {
        boolean personal = ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        return ctx.response().putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.CACHE_CONTROL, personal ? "private, no-cache" : "no-cache")
                .putHeader(HttpHeaders.VARY, "Accept, Authorization");
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
