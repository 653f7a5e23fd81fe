package org.allegationatlas.auth;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Access checks for the plain HTTP routes beside GraphQL (export, backup), with the API's error shape. */
public final class HttpAccess {

    private HttpAccess() {
    }

    /**
     * Whether the caller holds {@code role}; if not, answers 401 (no valid token) or 403 (a token
     * without that role), naming what needs it, and the route must stop.
     */
    public static boolean require(RoutingContext ctx, String role, String what) {
        if (ctx.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity().hasRole(role)) {
            return true;
        }
        boolean anonymous = !(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
        if (anonymous) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        error(ctx, anonymous ? 401 : 403, anonymous ? "UNAUTHORIZED" : "FORBIDDEN",
                what + " needs " + (Roles.EDITOR.equals(role) ? "an editor" : "a reader or editor")
                        + " token: send Authorization: Bearer <token>");
        return false;
    }

    /** Answers with one error in the GraphQL error shape: {@code {"errors": [{"message", "extensions": {"code"}}]}}. */
    public static void error(RoutingContext ctx, int status, String code, String message) {
        if (!ctx.response().ended() && !ctx.response().headWritten()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", message)
                            .put("extensions", new JsonObject().put("code", code)))).encode());
        }
    }
}
