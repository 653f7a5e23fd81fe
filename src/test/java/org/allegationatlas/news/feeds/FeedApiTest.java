package org.allegationatlas.news.feeds;

import static org.allegationatlas.GraphQL.error;
import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.allegationatlas.Json;
import org.allegationatlas.news.PageFailure;
import org.allegationatlas.news.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Feeds against a news site on loopback: subscribe, poll, poll again, what fails, unsubscribe. */
@QuarkusTest
class FeedApiTest {

    @Inject
    FeedService feeds;

    private TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aFeedOfThreeItemsGivesThreeArticlesAndPolledAgainNothingNew() {
        site.article("/n/1", null, "One", site.story("1", true)).article("/n/2", null, "Two", site.story("2", false))
                .article("/n/3", null, "Three", site.story("3", false)).rss("/feed.xml", List.of("/n/1", "/n/2", "/n/3"));
        Json feed = ok("subscribeFeed", "url", site.url("/feed.xml")).at("subscribeFeed");
        assertEquals("Test Post: World", feed.getString("title"));
        assertNull(feed.get("lastPolledAt"));

        Json poll = ok("pollFeed", "id", feed.getString("id")).at("pollFeed");

        assertEquals(3, poll.getInt("items"));
        assertEquals(3, poll.getInt("stored"), poll.toString());
        assertEquals(0, poll.getInt("skipped"));
        assertEquals(List.of(), poll.getList("errors"));
        assertFalse(poll.getBoolean("notModified"));
        assertEquals(200, poll.getInt("status"));
        assertEquals(3, poll.getInt("feed.articlesStored"));
        assertNotNull(poll.get("feed.lastPolledAt"));
        assertNull(poll.get("feed.lastError"));
        assertEquals(3, stored().size(), "three articles, one per item");
        assertTrue(poll.getList("articles").stream().anyMatch(a -> !((List<?>) ((Map<?, ?>) a).get("claims")).isEmpty()),
                "the story with an allegation has its claims: " + poll);

        Json again = ok("pollFeed", "id", feed.getString("id")).at("pollFeed");

        assertTrue(again.getBoolean("notModified"), "the server answered 304 to the feed's ETag: " + again);
        assertEquals(304, again.getInt("status"));
        assertEquals(0, again.getInt("stored"));
        assertEquals(1, site.server.seen("/n/1").size(), "no page fetched again");
        assertEquals(3, stored().size());
        assertEquals(3, again.getInt("feed.articlesStored"));
    }

    @Test
    void aFeedWithoutValidatorsPolledAgainSkipsEveryItem() {
        site.article("/atom/1", null, "One", site.story("atom-1", false)).article("/atom/2", null, "Two", site.story("atom-2", false))
                .atom("/atom.xml", List.of("/atom/1", "/atom/2"));
        String id = ok("subscribeFeed", "url", site.url("/atom.xml")).getString("subscribeFeed.id");
        assertEquals(2, ok("pollFeed", "id", id).getInt("pollFeed.stored"));

        Json again = ok("pollFeed", "id", id).at("pollFeed");

        assertFalse(again.getBoolean("notModified"));
        assertEquals(0, again.getInt("stored"));
        assertEquals(2, again.getInt("skipped"));
        assertEquals(1, site.server.seen("/atom/1").size(), "an item seen before is not fetched again");
    }

    @Test
    void anItemWhosePageFailsIsAnErrorOnTheFeedAndTheOthersAreStored() {
        site.article("/p/1", null, "One", site.story("p1", false)).article("/p/3", null, "Three", site.story("p3", false))
                .rss("/partial.xml", List.of("/p/1", "/p/missing", "/p/3"));
        String id = ok("subscribeFeed", "url", site.url("/partial.xml")).getString("subscribeFeed.id");

        Json poll = ok("pollFeed", "id", id).at("pollFeed");

        assertEquals(2, poll.getInt("stored"));
        assertEquals(1, poll.getInt("failed"));
        assertEquals(site.url("/p/missing"), poll.getString("errors[0].url"));
        assertEquals(PageFailure.FETCH_FAILED, poll.getString("errors[0].code"));
        assertTrue(poll.getString("errors[0].message").contains("404"), poll.toString());
        String lastError = poll.getString("feed.lastError");
        assertTrue(lastError.contains(site.url("/p/missing")) && lastError.contains("404"), lastError);
        assertEquals(200, poll.getInt("feed.lastStatus"), "the feed itself was read");
        assertEquals(lastError, feedInList(id).getString("lastError"), "feeds shows it too");
    }

    @Test
    void aMalformedFeedIsAnErrorOnTheFeedWhichStaysSubscribed() {
        site.article("/m/1", null, "One", site.story("m1", false)).rss("/broken.xml", List.of("/m/1"));
        String id = ok("subscribeFeed", "url", site.url("/broken.xml")).getString("subscribeFeed.id");
        site.server.page("/broken.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Cut off<item><link>");

        Json poll = ok("pollFeed", "id", id).at("pollFeed");

        assertEquals(FeedPoller.FEED_UNREADABLE, poll.getString("errors[0].code"));
        assertTrue(poll.getString("feed.lastError").contains("not a readable RSS or Atom feed"), poll.toString());
        assertEquals(1, poll.getInt("feed.failures"));
        Json listed = feedInList(id);
        assertNotNull(listed, "still subscribed");
        assertEquals(poll.getString("feed.lastError"), listed.getString("lastError"));
    }

    @Test
    void theSameArticleInTwoFeedsIsStoredOnce() {
        site.article("/s/1", null, "Shared", site.story("shared", false)).rss("/one.xml", List.of("/s/1"))
                .atom("/two.xml", List.of("/s/1"));
        String one = ok("subscribeFeed", "url", site.url("/one.xml")).getString("subscribeFeed.id");
        String two = ok("subscribeFeed", "url", site.url("/two.xml")).getString("subscribeFeed.id");

        assertEquals(1, ok("pollFeed", "id", one).getInt("pollFeed.stored"));
        Json second = ok("pollFeed", "id", two).at("pollFeed");

        assertEquals(0, second.getInt("stored"));
        assertEquals(1, second.getInt("skipped"));
        assertEquals(1, stored().size());
    }

    @Test
    void aWebPageThatNamesItsFeedSubscribesToTheFeed() {
        site.server.page("/home", "text/html", "<html><head><title>Test Post</title><link rel=\"alternate\" type=\"application/rss+xml\""
                + " href=\"/rss\"></head><body><p>Welcome</p></body></html>");
        site.rss("/rss", List.of());

        Json feed = ok("subscribeFeed", "url", site.url("/home"), "language", "en", "publisher", "The Test Post",
                "intervalMinutes", 5).at("subscribeFeed");

        assertEquals(site.url("/rss"), feed.getString("url"));
        assertEquals("en", feed.getString("language"));
        assertEquals("The Test Post", feed.getString("publisher"));
        assertEquals(5, feed.getInt("intervalMinutes"));
        assertEquals(feed.getString("id"), ok("subscribeFeed", "url", site.url("/rss")).getString("subscribeFeed.id"),
                "subscribing again is the same subscription");
    }

    @Test
    void whatIsNotAFeedIsRefusedAtSubscription() {
        site.server.page("/plain", "text/html", "<html><body><p>No feed here</p></body></html>");
        site.server.page("/data.json", "application/json", "{}");

        error("subscribeFeed", vars("url", site.url("/plain")), "VALIDATION", "names no feed");
        error("subscribeFeed", vars("url", site.url("/data.json")), PageFailure.FETCH_REFUSED, "application/json");
        error("subscribeFeed", vars("url", site.url("/nothing.xml")), PageFailure.FETCH_FAILED, "404");
        error("subscribeFeed", vars("url", site.url("/rss"), "language", "not a language!"), "VALIDATION", "language");
        error("subscribeFeed", vars("url", site.url("/rss"), "intervalMinutes", 0), "VALIDATION", "intervalMinutes");
    }

    @Test
    void unsubscribedFeedsAreGoneTheirArticlesStay() {
        site.article("/u/1", null, "One", site.story("u1", false)).rss("/u.xml", List.of("/u/1"));
        String id = ok("subscribeFeed", "url", site.url("/u.xml")).getString("subscribeFeed.id");
        ok("pollFeed", "id", id);

        assertTrue(ok("unsubscribeFeed", "id", id).getBoolean("unsubscribeFeed"));

        assertNull(feedInList(id));
        assertEquals(1, stored().size());
        error("unsubscribeFeed", vars("id", id), "NOT_FOUND", id);
        error("pollFeed", vars("id", id), "NOT_FOUND", id);
    }

    @Test
    void feedsArePagedAsEveryList() {
        site.rss("/f1.xml", List.of()).rss("/f2.xml", List.of());
        ok("subscribeFeed", "url", site.url("/f1.xml"));
        ok("subscribeFeed", "url", site.url("/f2.xml"));

        Json first = ok("feeds", "first", 1).at("feeds");
        assertTrue(first.getInt("totalCount") >= 2);
        assertTrue(first.getBoolean("pageInfo.hasNextPage"));
        Json next = ok("feeds", "first", 1, "after", first.getString("pageInfo.endCursor")).at("feeds");
        assertFalse(first.getString("edges[0].node.id").equals(next.getString("edges[0].node.id")));
        error("feeds", vars("first", 1000), "VALIDATION", "1000");
    }

    /** Replicas claiming due feeds at once: each feed goes to one of them (FOR UPDATE SKIP LOCKED, then a lease). */
    @Test
    void eachDueFeedIsClaimedByOnePollerOnly() throws Exception {
        for (int i = 0; i < 6; i++) {
            site.rss("/claimed-" + i + ".xml", List.of());
            ok("subscribeFeed", "url", site.url("/claimed-" + i + ".xml"));
        }
        ExecutorService pollers = Executors.newFixedThreadPool(4);
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                work.add(() -> {
                    for (FeedEntity feed = feeds.claimDue(); feed != null; feed = feeds.claimDue()) {
                        claimed.add(feed.id);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pollers.invokeAll(work)) {
                done.get();
            }
        } finally {
            pollers.shutdownNow();
            claimed.forEach(feeds::release);
        }
        assertEquals(claimed.size(), claimed.stream().distinct().count(), "no feed claimed twice: " + claimed);
        assertTrue(claimed.size() >= 6, "every due feed claimed: " + claimed);
    }

    private List<Map<String, Object>> stored() {
        return ok("articlesWithText", "text", site.token).getList("articles.edges");
    }

    private static Json feedInList(String id) {
        String after = null;
        while (true) {
            Json page = ok("feeds", vars("first", 100, "after", after)).at("feeds");
            List<Map<String, Object>> edges = page.getList("edges");
            for (int i = 0; i < edges.size(); i++) {
                if (id.equals(page.getString("edges[" + i + "].node.id"))) {
                    return page.at("edges[" + i + "].node");
                }
            }
            if (!page.getBoolean("pageInfo.hasNextPage")) {
                return null;
            }
            after = page.getString("pageInfo.endCursor");
        }
    }
}
