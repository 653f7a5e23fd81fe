package org.allegationatlas.common;

import java.util.List;
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
        router.post(path).order(-100).handler(BodyHandler.create().setBodyLimit(maxBodySize.asLongValue()));
        router.route(path).order(-99).handler(this::check);
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
            String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType == null || contentType.isBlank()) {
                fail(ctx, 415, "BAD_REQUEST", "A POST needs a Content-Type: application/json (or application/graphql)");
                return;
            }
            // some clients (GraphiQL among them) repeat the header: "application/json, application/json"
            String mediaType = contentType.toLowerCase().split("[;,]")[0].trim();
            if (mediaType.equals("application/graphql")) {
                ctx.next();
                return;
            }
            if (!mediaType.equals("application/json")) {
                fail(ctx, 415, "BAD_REQUEST", "Content-Type " + mediaType + " is not supported; send application/json");
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
                fail(ctx, 400, "BAD_REQUEST", "The request body is empty; send {\"query\": \"...\"}");
                return;
            }
            Object value = body.getValue("query");
            query = value instanceof String s ? s : null;
            operationName = body.getValue("operationName") instanceof String s ? s : null;
            variables = String.valueOf(body.getValue("variables"));
        } else {
            query = ctx.request().getParam("query");
            operationName = ctx.request().getParam("operationName");
            variables = ctx.request().getParam("variables");
        }
        Document document = query == null ? null : parse(ctx, query, strict);
        if (query != null && document == null) {
            return;
        }
        if (ctx.request().method() == HttpMethod.GET && isMutation(document, ctx.request().getParam("operationName"))) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            fail(ctx, 405, "BAD_REQUEST", "Mutations are not accepted over GET; send them with POST");
            return;
        }
        responses.handle(ctx, document, query, operationName, variables);
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
