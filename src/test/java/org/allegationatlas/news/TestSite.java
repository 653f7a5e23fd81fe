package org.allegationatlas.news;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.allegationatlas.news.fetch.LoopbackServer;

import com.sun.net.httpserver.HttpExchange;

/**
 * A news site on loopback for the API tests: article pages written as outlets write them (navigation, a headline,
 * paragraphs, a footer, OpenGraph and canonical metadata) and feeds of them. Every site's pages carry a token of
 * their own in their text, so that no two test runs or tests ever share an article's text.
 */
public final class TestSite implements AutoCloseable {

    /** An English paragraph with an allegation the extractor finds (a state accuses a state). */
    public static final String ALLEGATION = "The United States accused North Korea of secretly supplying artillery shells to Russia"
            + " for its war in Ukraine, the White House said on Wednesday.";

    public final LoopbackServer server;
    public final String token = UUID.randomUUID().toString().substring(0, 8);

    public TestSite() throws IOException {
        server = new LoopbackServer();
    }

    public String url(String path) {
        return server.url(path);
    }

    /** An article page at {@code path} whose canonical address is {@code canonicalPath} (null: none). */
    public TestSite article(String path, String canonicalPath, String headline, String... paragraphs) {
        String html = page(canonicalPath == null ? null : url(canonicalPath), headline, paragraphs);
        server.page(path, "text/html; charset=utf-8", html);
        return this;
    }

    /** The HTML of an article page. */
    public String page(String canonicalUrl, String headline, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<p>").append(p).append("</p>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>%1$s | Test Post</title>
                %2$s
                <meta property="og:site_name" content="Test Post">
                <meta property="article:published_time" content="2024-05-02T08:00:00Z">
                </head><body>
                <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
                <main><article><h1>%1$s</h1>
                %3$s</article></main>
                <aside><h2>Most read</h2><ul><li><a href="/x">Another story</a></li><li><a href="/y">And another</a></li></ul></aside>
                <footer><p>Copyright Test Post. All rights reserved.</p></footer>
                </body></html>
                """.formatted(headline, canonicalUrl == null ? "" : "<link rel=\"canonical\" href=\"" + canonicalUrl + "\">",
                body);
    }

    /** Paragraphs of a story, distinct on this site: {@code n} names the story. */
    public String[] story(String n, boolean withAllegation) {
        String first = "Reporters of the Test Post followed story " + n + " (" + token + ") through a long week in the capital,"
                + " where officials met to discuss the budget and the weather.";
        String second = "Rain fell across the region for three days, and the markets closed early on Friday as traders went home"
                + " before the storm reached the coast.";
        return withAllegation ? new String[] { first, ALLEGATION, second } : new String[] { first, second };
    }

    /** An RSS 2.0 feed at {@code path} of these items' paths, answering 304 to a request naming its ETag. */
    public TestSite rss(String path, List<String> itemPaths) {
        String etag = "\"feed-" + token + "-" + itemPaths.size() + "\"";
        StringBuilder items = new StringBuilder();
        for (String item : itemPaths) {
            items.append("<item><title>Story ").append(item).append("</title><link>").append(url(item)).append("</link><guid>")
                    .append(url(item)).append("</guid><pubDate>Thu, 02 May 2024 08:00:00 GMT</pubDate></item>\n");
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Test Post: World</title><link>%s</link><description>News</description>
                %s</channel></rss>
                """.formatted(url("/"), items);
        server.on(path, exchange -> conditional(exchange, etag, "application/rss+xml; charset=utf-8", xml));
        return this;
    }

    /** An Atom feed of these items' paths (no validators: every poll gets the whole feed). */
    public TestSite atom(String path, List<String> itemPaths) {
        StringBuilder entries = new StringBuilder();
        for (String item : itemPaths) {
            entries.append("<entry><title>Story ").append(item).append("</title><link href=\"").append(url(item))
                    .append("\"/><id>tag:test,2024:").append(token).append(item).append("</id><updated>2024-05-02T08:00:00Z</updated></entry>\n");
        }
        server.page(path, "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Test Post (Atom)</title><id>tag:test,2024:%s</id>
                <updated>2024-05-02T08:00:00Z</updated>
                %s</feed>
                """.formatted(token, entries));
        return this;
    }

    private static void conditional(HttpExchange exchange, String etag, String contentType, String body) throws IOException {
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        LoopbackServer.send(exchange, 200, contentType, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
