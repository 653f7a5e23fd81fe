package org.allegationatlas.news.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.allegationatlas.RunningApp;
import org.allegationatlas.news.TestSite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the packaged PostgreSQL build on one database, both polling feeds every second: each feed's round is
 * polled by one of them (FOR UPDATE SKIP LOCKED, then a lease), each item's page fetched once, each article stored
 * once. Runs when the build is for PostgreSQL ({@code -Datlas.db-kind=postgresql}) and a server answers at
 * {@code QUARKUS_DATASOURCE_JDBC_URL} (as .ci/run provides); it makes a database of its own there.
 */
class FeedReplicasIT {

    private static final int FEEDS = 4;
    private static final int ITEMS = 3;

    @Test
    void twoReplicasPollEachFeedOnceAndStoreEachArticleOnce(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("atlas.db-kind", "h2")), "the PostgreSQL build's test");
        String server = System.getenv().getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/atlas_test");
        String user = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
        String database = freshDatabase(server, user, password);
        Map<String, String> environment = Map.of("QUARKUS_DATASOURCE_JDBC_URL", database, "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password);
        String[] settings = { "-Datlas.auth.enabled=false", "-Datlas.fetch.allow-private-addresses=true",
                "-Datlas.fetch.host-delay=10ms", "-Datlas.feeds.check-every=1s" };

        try (TestSite site = new TestSite();
                RunningApp first = RunningApp.start(Files.createDirectories(dir.resolve("first")), environment, settings);
                RunningApp second = RunningApp.start(Files.createDirectories(dir.resolve("second")), environment, settings)) {
            List<String> feedPaths = new ArrayList<>();
            for (int f = 0; f < FEEDS; f++) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < ITEMS; i++) {
                    String path = "/f" + f + "/" + i;
                    site.article(path, null, "Story " + f + "." + i, site.story(f + "." + i, i == 0));
                    items.add(path);
                }
                site.rss("/f" + f + ".xml", items);
                feedPaths.add("/f" + f + ".xml");
            }
            for (int f = 0; f < FEEDS; f++) { // half through each replica, both polling as soon as a feed is due
                (f % 2 == 0 ? first : second).graphql(null, "mutation($url: String!) { subscribeFeed(url: $url) { id } }",
                        Map.of("url", site.url(feedPaths.get(f))));
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            int polled = 0;
            while (polled < FEEDS && System.nanoTime() < deadline) {
                Thread.sleep(500);
                JsonObject feeds = second.graphql(null, "{ feeds(first: 100) { edges { node { url lastPolledAt polling } } } }", null);
                polled = (int) feeds.getJsonObject("feeds").getJsonArray("edges").stream()
                        .map(e -> e.asJsonObject().getJsonObject("node"))
                        .filter(n -> !n.isNull("lastPolledAt") && !n.getBoolean("polling")).count();
            }
            assertEquals(FEEDS, polled, "every feed polled within two minutes:\n" + first.log() + "\n" + second.log());
            Thread.sleep(2500); // a few more rounds of both schedulers: nothing is due again for a minute

            for (String feed : feedPaths) {
                // one fetch at subscription, one by the single replica that polled it
                assertEquals(2, site.server.seen(feed).size(), feed + " fetched " + site.server.seen(feed).size() + " times");
            }
            for (int f = 0; f < FEEDS; f++) {
                for (int i = 0; i < ITEMS; i++) {
                    assertEquals(1, site.server.seen("/f" + f + "/" + i).size(), "each page fetched once");
                }
            }
            JsonObject articles = first.graphql(null, "query($text: String) { articles(filter: { text: $text }, first: 100) { totalCount } }",
                    Map.of("text", site.token));
            assertEquals(FEEDS * ITEMS, articles.getJsonObject("articles").getInt("totalCount"), "each article once");
            int firstPolls = count(first.log(), "polled:");
            int secondPolls = count(second.log(), "polled:");
            assertEquals(FEEDS, firstPolls + secondPolls, "one poll per feed between them:\n" + first.log() + "\n" + second.log());
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    /** A new database beside the one the URL names, for this test alone; skips the test when no server answers. */
    private static String freshDatabase(String url, String user, String password) {
        String name = "atlas_feeds_it";
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL server at " + url + ": " + e.getMessage());
        }
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }
}
