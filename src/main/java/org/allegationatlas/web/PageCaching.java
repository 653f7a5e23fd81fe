package org.allegationatlas.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP caching of the Atlas page. Its scripts and styles carry a content hash in their names
 * ({@code /static/bundle/app-XXXX.js}) and stay cacheable as served; the page itself keeps its
 * name across releases, so browsers must revalidate it (a cheap 304 by Last-Modified), or a new
 * release would load the old page pointing at bundles that no longer exist.
 */
@ApplicationScoped
public class PageCaching {

    void register(@Observes Router router) {
        router.route().order(-1000).handler(this::revalidatePages);
    }

    void revalidatePages(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if ((ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD)
                && (path.equals("/") || path.endsWith(".html"))) {
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache"));
        }
        ctx.next();
    }
}
