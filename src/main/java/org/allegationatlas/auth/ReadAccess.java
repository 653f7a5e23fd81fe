package org.allegationatlas.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * With {@code atlas.auth.read-requires-token=true}, every request to the GraphQL endpoint (queries,
 * subscriptions, and so mutations too) needs a reader or editor token. Checked on the HTTP route,
 * before anything else looks at the request (the response cache included) and before a WebSocket
 * is opened; no other setting turns it off. Writes are guarded by {@code @RolesAllowed} on the
 * mutations themselves.
 */
@ApplicationScoped
public class ReadAccess {

    /** Before the request's body is read and before a cached answer could be served. */
    public static final int ROUTE_ORDER = -110;

    @ConfigProperty(name = "atlas.auth.read-requires-token", defaultValue = "false")
    boolean readRequiresToken;
    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    void register(@Observes Router router) {
        if (readRequiresToken) {
            router.route("/" + rootPath.replaceAll("^/+", "")).order(ROUTE_ORDER).handler(this::check);
        }
    }

    void check(RoutingContext ctx) {
        if (mayRead(ctx)) {
            ctx.next();
            return;
        }
        JsonObject error = new JsonObject()
                .put("message", "Reading needs a token: send Authorization: Bearer <token> with a reader or editor token")
                .put("extensions", new JsonObject().put("code", "UNAUTHORIZED"));
        ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }

    private static boolean mayRead(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user
                && (user.getSecurityIdentity().hasRole(Roles.READER) || user.getSecurityIdentity().hasRole(Roles.EDITOR));
    }
}
