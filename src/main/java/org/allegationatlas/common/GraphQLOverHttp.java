package org.allegationatlas.common;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import io.quarkus.runtime.configuration.MemorySize;
import graphql.parser.Parser;
import graphql.parser.exceptions.ParseCancelledException;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
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
    private static final String REQUEST_ERROR = "atlas.request-error";
    private static final String REQUEST = "atlas.graphql-request";

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "4M")
    MemorySize maxBodySize;
    @Inject
    ResponseCache responses;

    void register(@Observes Router router) {
        String path = "/" + rootPath.replaceAll("^/+", "");
        router.post(path).order(-101).handler(this::checkContentType);
        // in memory only: nothing a caller sends is written to disk (no file uploads)
        router.post(path).order(-100).handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()));
        router.route(path).order(-99).handler(this::check);
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
        ctx.next();
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
        if (ctx.request().method() == HttpMethod.POST) {
            if (mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).equals("application/graphql")) {
                ctx.next();
                return;
            }
            JsonObject body;
            try {
                body = ctx.body().asJsonObject();
            } catch (DecodeException | ClassCastException e) {
                fail(ctx, 400, "BAD_REQUEST", "The request body is not a JSON object: " + firstLine(e.getMessage()));
                return;
            }
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
        if (query == null) {
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
        responses.handle(ctx, document, query, operationName, variables);
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
        return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split("[;,]")[0].trim();
    }

    /** @return the document, or null after answering with the syntax error */
    private Document parse(RoutingContext ctx, String query, boolean strict) {
        try {
            return Parser.parse(query);
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
