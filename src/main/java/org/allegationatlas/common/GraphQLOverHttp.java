package org.allegationatlas.common;

import java.nio.charset.Charset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import io.quarkus.runtime.configuration.MemorySize;
import graphql.parser.Parser;
import graphql.parser.exceptions.ParseCancelledException;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The parts of the GraphQL-over-HTTP specification that SmallRye leaves to us, handled in
 * front of its endpoint: a clear 4xx for a POST without content type or with malformed
 * JSON; a syntax error reported with its position and a code (SmallRye says only
 * "Unparseable input document"); application/json for clients that accept anything; and,
 * for application/graphql-response+json, status 400 when a request could not be executed at
 * all (see {@link #markRequestError(RoutingContext)}).
 */
@ApplicationScoped
public class GraphQLOverHttp {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final Logger LOG = Logger.getLogger(GraphQLOverHttp.class);
    private static final String REQUEST_ERROR = "atlas.request-error";
    private static final String REQUEST = "atlas.graphql-request";

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "4M")
    MemorySize maxBodySize;
    @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-complexity", defaultValue = "1000")
    long maxFields;
    @Inject
    ResponseCache responses;

    /**
     * Documents parsed before, by their text: clients send the same few documents with new variables,
     * and parsing one again cost about as much as reading its page of claims. graphql-java's documents
     * are immutable; SmallRye keeps its own parsed and validated copies the same way (its QueryCache).
     */
    private final Map<String, Document> parsed = Collections.synchronizedMap(LeastRecentlyUsed.map(PARSED_DOCUMENTS));
    private static final int PARSED_DOCUMENTS = 256;
    private static final int PARSED_DOCUMENT_MAX_CHARS = 16 * 1024;

    void register(@Observes Router router) {
        String path = "/" + rootPath.replaceAll("^/+", "");
        router.post(path).order(-101).handler(this::checkContentType);
        // in memory only: nothing a caller sends is written to disk (no file uploads)
        router.post(path).order(-100).handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()));
        router.route(path).order(-99).handler(this::check).failureHandler(this::failed);
    }

    /** Refuses a POST of an unsupported media type before its body is read. */
    void checkContentType(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            fail(ctx, 415, "BAD_REQUEST", "A POST needs a Content-Type: application/json (or application/graphql)");
            return;
        }
        String mediaType = mediaType(contentType);
        if (!mediaType.equals("application/json") && !mediaType.equals("application/graphql")) {
            fail(ctx, 415, "BAD_REQUEST", "Content-Type " + mediaType + " is not supported; send application/json");
            return;
        }
        // JSON is UTF-8 (RFC 8259); a GraphQL document may come in any charset the JDK knows
        String charset = charset(contentType);
        boolean json = mediaType.equals("application/json");
        if (!charset.isEmpty() && (json ? !charset.equals("utf-8") && !charset.equals("utf8") : !isSupported(charset))) {
            fail(ctx, 415, "BAD_REQUEST", "charset " + charset + " is not supported; send UTF-8 (charset=utf-8, or none)");
            return;
        }
        ctx.next();
    }

    /** Whatever went wrong below us on this route: a coded error and an incident id, the details only in the log. */
    void failed(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            fail(ctx, 413, ErrorCodes.LIMIT_EXCEEDED, "The request body is larger than " + maxBodySize.asLongValue()
                    + " bytes (quarkus.http.limits.max-body-size)");
            return;
        }
        if (ctx.statusCode() > 0 && ctx.statusCode() < 500) {
            fail(ctx, ctx.statusCode(), "BAD_REQUEST", "The request could not be handled (HTTP " + ctx.statusCode() + ")");
            return;
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(ctx.failure(), "Internal error %s on %s %s", incident, ctx.request().method(), ctx.request().path());
        if (!ctx.response().headWritten()) {
            fail(ctx, 500, ErrorCodes.INTERNAL, "Internal server error (incident " + incident + "); the server's log has the details");
        }
    }

    void check(RoutingContext ctx) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(REQUEST, ctx);
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank() || accept.trim().startsWith("*/*")) {
            // no preference: answer in the format every client understands
            ctx.request().headers().set(HttpHeaders.ACCEPT, "application/json");
        }
        boolean strict = ctx.request().getHeader(HttpHeaders.ACCEPT).contains(GRAPHQL_RESPONSE);
        ctx.addHeadersEndHandler(v -> {
            if (strict && Boolean.TRUE.equals(ctx.get(REQUEST_ERROR)) && ctx.response().getStatusCode() == 200) {
                ctx.response().setStatusCode(400);
            }
        });

        String query;
        String operationName;
        String variables;
        boolean graphqlBody = ctx.request().method() == HttpMethod.POST
                && mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).equals("application/graphql");
        if (graphqlBody) {
            query = ctx.body().asString();
            operationName = null;
            variables = null;
        } else if (ctx.request().method() == HttpMethod.POST) {
            Buffer raw = ctx.body().buffer();
            Object json;
            try {
                json = raw == null || raw.length() == 0 ? null : Json.decodeValue(raw);
            } catch (DecodeException e) {
                fail(ctx, 400, "BAD_REQUEST", "The request body is not a JSON object: " + firstLine(e.getMessage()));
                return;
            }
            if (json != null && !(json instanceof JsonObject)) {
                fail(ctx, 400, "BAD_REQUEST", "The request body must be a JSON object like {\"query\": \"{ ... }\"}, not "
                        + jsonType(json));
                return;
            }
            JsonObject body = (JsonObject) json;
            if (body == null) {
                fail(ctx, 400, "BAD_REQUEST", "The request body is empty; send {\"query\": \"{ ... }\"}");
                return;
            }
            String wrong = wronglyTyped(body);
            if (wrong != null) {
                fail(ctx, 400, "BAD_REQUEST", wrong);
                return;
            }
            query = body.getString("query");
            operationName = body.getString("operationName");
            variables = String.valueOf(body.getValue("variables"));
        } else {
            if ("websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
                ctx.next(); // subscriptions: the WebSocket protocol carries the operations
                return;
            }
            query = ctx.request().getParam("query");
            operationName = ctx.request().getParam("operationName");
            variables = ctx.request().getParam("variables");
            if (variables != null && !isJsonObject(variables)) {
                fail(ctx, 400, "BAD_REQUEST", "The variables parameter must be a JSON object, e.g. variables={\"code\":\"KP\"}");
                return;
            }
        }
        if (query == null || query.isBlank()) {
            fail(ctx, 400, "BAD_REQUEST", ctx.request().method() == HttpMethod.POST
                    ? "The request has no query; send {\"query\": \"{ ... }\"}"
                    : "A GET needs the query in the URL: /graphql?query={...} (URL-encoded)");
            return;
        }
        Document document = parse(ctx, query, strict);
        if (document == null) {
            return;
        }
        if (ctx.request().method() == HttpMethod.GET && isMutation(document, operationName)) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            fail(ctx, 405, "BAD_REQUEST", "Mutations are not accepted over GET; send them with POST");
            return;
        }
        long fields = ExpandedFields.of(document, operationName);
        if (fields > maxFields) {
            fail(ctx, strict ? 400 : 200, ErrorCodes.LIMIT_EXCEEDED, "The query selects " + (fields == Long.MAX_VALUE ? "too many"
                    : String.format("%,d", fields)) + " fields once its fragments are expanded; at most " + maxFields
                    + " are allowed (quarkus.smallrye-graphql.instrumentation-query-complexity): ask for less");
            return;
        }
        handOver(ctx, document, query, graphqlBody);
        responses.handle(ctx, document, query, operationName, variables);
    }

    /**
     * SmallRye removes newlines and tabs from a GET's query and from an application/graphql body before
     * parsing, so a "# comment" line would swallow the rest of the document: hand it the document as
     * graphql-java prints it on one line, as JSON for a body. The meaning is the same; the cache keeps
     * the text as sent.
     */
    private static void handOver(RoutingContext ctx, Document document, String query, boolean graphqlBody) {
        if (graphqlBody) {
            ctx.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
            ctx.setBody(Buffer.buffer(new JsonObject().put("query", query).encode()));
        } else if (ctx.request().method() == HttpMethod.GET && (query.indexOf('\n') >= 0 || query.indexOf('\r') >= 0)) {
            ctx.queryParams().set("query", AstPrinter.printAstCompact(document));
        }
    }

    /** What is wrong with the types of a JSON request's members, or null when nothing is. */
    private static String wronglyTyped(JsonObject body) {
        Object query = body.getValue("query");
        if (query != null && !(query instanceof String)) {
            return "query must be a string holding the GraphQL document, not " + jsonType(query);
        }
        Object variables = body.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            return "variables must be a JSON object of names and values, not " + jsonType(variables);
        }
        Object operationName = body.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return "operationName must be a string naming an operation of the document, not " + jsonType(operationName);
        }
        Object extensions = body.getValue("extensions");
        if (extensions != null && !(extensions instanceof JsonObject)) {
            return "extensions must be a JSON object, not " + jsonType(extensions);
        }
        return null;
    }

    private static String jsonType(Object value) {
        return value instanceof JsonArray ? "an array" : value instanceof JsonObject ? "an object"
                : value instanceof String ? "a string" : value instanceof Boolean ? "a boolean" : "a number";
    }

    private static boolean isJsonObject(String text) {
        try {
            return new JsonObject(text) != null;
        } catch (RuntimeException e) { // not JSON, or JSON of another kind
            return false;
        }
    }

    /** "application/json; charset=utf-8" -> "application/json"; some clients (GraphiQL) repeat the header. */
    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split("[;,]", -1)[0].trim();
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) { // an illegal name
            return false;
        }
    }

    /** The charset a Content-Type names, lower case ("" when none). */
    private static String charset(String contentType) {
        for (String parameter : contentType.toLowerCase(Locale.ROOT).split("[;,]")) {
            String p = parameter.trim();
            if (p.startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").trim();
            }
        }
        return "";
    }

    /** @return the document, or null after answering with the syntax error */
    private Document parse(RoutingContext ctx, String query, boolean strict) {
        Document known = parsed.get(query);
        if (known != null) {
            return known;
        }
        try {
            Document document = Parser.parse(query);
            if (query.length() <= PARSED_DOCUMENT_MAX_CHARS) {
                parsed.put(query, document);
            }
            return document;
        } catch (ParseCancelledException e) {
            fail(ctx, strict ? 400 : 200, "LIMIT_EXCEEDED", e.getMessage());
        } catch (InvalidSyntaxException e) {
            fail(ctx, strict ? 400 : 200, ApiException.VALIDATION, e.getMessage());
        }
        return null;
    }

    private static boolean isMutation(Document document, String operationName) {
        return operationsAsked(document, operationName).anyMatch(op -> op == OperationDefinition.Operation.MUTATION);
    }

    /** The kinds of the operations a request may run: the named one, or every one when no name is given. */
    static Stream<OperationDefinition.Operation> operationsAsked(Document document, String operationName) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.equals(op.getName()))
                .map(OperationDefinition::getOperation);
    }

    /**
     * The HTTP request a GraphQL execution serves, on whichever thread runs it: after a batched
     * relation, graphql-java goes on where the batch completed, without a CDI request context.
     */
    static RoutingContext current() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.get(REQUEST, null) : null;
    }

    /** Called during execution when the request cannot be executed at all (no data). */
    public static void markRequestError(RoutingContext ctx) {
        if (ctx != null) {
            ctx.put(REQUEST_ERROR, true);
        }
    }

    private static void fail(RoutingContext ctx, int status, String code, String message) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code));
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, accept != null && accept.contains(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE
                        : "application/json")
                .end(new JsonObject(Map.of("errors", new JsonArray(List.of(error)))).encode());
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
