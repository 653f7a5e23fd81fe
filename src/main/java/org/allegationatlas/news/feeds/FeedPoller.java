package org.allegationatlas.news.feeds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.allegationatlas.article.Article;
import org.allegationatlas.article.ArticleService;
import org.allegationatlas.common.ApiException;
import org.allegationatlas.news.NewsIngest;
import org.allegationatlas.news.NewsIngest.Outcome;
import org.allegationatlas.news.NewsIngest.Source;
import org.allegationatlas.news.NewsIngest.Stored;
import org.allegationatlas.news.PageFailure;
import org.allegationatlas.news.feeds.FeedPoll.FeedPollError;
import org.allegationatlas.news.feeds.FeedService.ItemState;
import org.allegationatlas.news.feeds.FeedService.PollOutcome;
import org.allegationatlas.news.fetch.FetchException;
import org.allegationatlas.news.fetch.FetchKind;
import org.allegationatlas.news.fetch.FetchedPage;
import org.allegationatlas.news.fetch.PageFetcher;
import org.allegationatlas.news.fetch.Validators;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Polls the feeds: every {@code atlas.feeds.check-every} each replica claims the due feeds one by one (one replica
 * per feed and round, see {@link FeedService#claimDue()}) and polls them; pollFeed polls one now. A poll fetches the
 * feed conditionally (304: nothing more), reads it with Rome, and hands each new item's link to
 * {@link NewsIngest#fetchNew}, which skips what is stored already. Whatever fails — the feed, an item, the
 * database — is written on the feed and the poller goes on to the next: nothing stops it.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    public static final String FEED_UNREADABLE = "FEED_UNREADABLE";

    @Inject
    FeedService feeds;
    @Inject
    FeedSettings settings;
    @Inject
    PageFetcher fetcher;
    @Inject
    NewsIngest news;
    @Inject
    ArticleService articles;

    /** The schedule: polls every due feed no other replica is polling, one after the other. */
    @Scheduled(identity = "atlas-feeds", every = "${atlas.feeds.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDueFeeds() {
        try {
            for (FeedEntity feed = feeds.claimDue(); feed != null; feed = feeds.claimDue()) {
                FeedPoll poll = poll(feed);
                LOG.infof("Feed %s polled: %d stored, %d skipped, %d failed%s", feed.url, poll.stored(), poll.skipped(), poll.failed(),
                        poll.notModified() ? " (not modified)" : "");
            }
        } catch (RuntimeException e) {
            // the database is away or the app is stopping: the next round tries again
            LOG.warnf("Feeds: looking for due feeds failed (%s); the next round tries again", e.getMessage());
        }
    }

    /** pollFeed: polls one feed now, unless a replica is polling it (BUSY). */
    public FeedPoll pollNow(long id) {
        return poll(feeds.claim(id));
    }

    /** Polls a feed this replica has claimed, and frees it. Never throws. */
    FeedPoll poll(FeedEntity feed) {
        Round round = new Round(feed);
        try {
            round.run();
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "Feed %s: the poll failed (incident %s)", feed.url, incident);
            round.feedFailed(null, FEED_UNREADABLE, "the poll failed (incident " + incident + "; the server's log has the details)");
        }
        FeedEntity after = null;
        try {
            after = feeds.finish(feed.id, round.outcome());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Feed %s: the outcome of its poll could not be written", feed.url);
            try {
                feeds.release(feed.id);
            } catch (RuntimeException ignored) {
                // the lease ends by itself
            }
        }
        FeedEntity shown = after != null ? after : feed;
        List<Article> stored = round.storedIds.isEmpty() ? List.of()
                : articles.byIds(round.storedIds).values().stream().toList();
        return new FeedPoll(Feed.of(shown, countStored(shown.id), FeedService.now()), round.status, round.notModified,
                round.items, round.storedIds.size(), round.skipped, round.failed, List.copyOf(round.errors), stored);
    }

    private int countStored(long id) {
        try {
            return feeds.articlesStored(List.of(id)).getOrDefault(id, 0);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** One poll's work and what it found. */
    private final class Round {
        final FeedEntity feed;
        final List<Long> storedIds = new ArrayList<>();
        final List<FeedPollError> errors = new ArrayList<>();
        Integer status;
        boolean notModified;
        int items;
        int skipped;
        int failed;
        boolean feedFailed;
        boolean itemsLeft;
        int tried;
        String title;
        String etag;
        String lastModified;

        Round(FeedEntity feed) {
            this.feed = feed;
        }

        void run() {
            FetchedPage fetched;
            try {
                fetched = fetcher.fetch(feed.url, new Validators(feed.etag, feed.lastModified), FetchKind.FEED);
            } catch (FetchException e) {
                PageFailure failure = PageFailure.of(e);
                feedFailed(e.reason() == FetchException.Reason.HTTP_STATUS ? e.httpStatus() : null, failure.code(), e.getMessage());
                return;
            }
            status = fetched.status();
            etag = fetched.etag();
            lastModified = fetched.lastModified();
            if (fetched.notModified()) {
                notModified = true;
                return;
            }
            FeedDocument document;
            try {
                document = FeedDocument.read(fetched.body(), fetched.contentType(), fetched.finalUrl());
            } catch (FeedDocument.Unreadable e) {
                feedFailed(status, FEED_UNREADABLE, feed.url + ": " + e.getMessage());
                return;
            }
            title = document.title();
            items = document.items().size();
            Map<String, FeedDocument.Item> byKey = new LinkedHashMap<>();
            document.items().forEach(item -> byKey.putIfAbsent(keyOf(item.key()), item));
            Map<String, ItemState> handled = feeds.items(feed.id, byKey.keySet());
            List<Map.Entry<String, FeedDocument.Item>> fresh = new ArrayList<>();
            for (Map.Entry<String, FeedDocument.Item> entry : byKey.entrySet()) {
                ItemState state = handled.get(entry.getKey());
                boolean again = state != null && FeedService.FAILED.equals(state.outcome()) && state.retriable()
                        && state.attempts() < settings.itemAttempts();
                if (state == null || again) {
                    fresh.add(entry);
                }
            }
            skipped = items - fresh.size();
            if (fresh.size() > settings.maxItemsPerPoll()) {
                itemsLeft = true;
                fresh = fresh.subList(0, settings.maxItemsPerPoll());
                skipped = 0; // the rest are not skipped: they wait for the next poll
            }
            tried = fresh.size();
            Source source = new Source(feed.language, feed.publisher);
            for (Map.Entry<String, FeedDocument.Item> entry : fresh) {
                item(entry.getKey(), entry.getValue(), source);
            }
        }

        void item(String key, FeedDocument.Item item, Source source) {
            if (item.url() == null) {
                fail(key, item, "VALIDATION", "the item \"" + (item.title() == null ? item.key() : item.title())
                        + "\" names no http(s) link to its page", false);
                return;
            }
            try {
                Stored stored = news.fetchNew(item.url(), source);
                if (stored.outcome() == Outcome.STORED) {
                    storedIds.add(stored.articleId());
                } else {
                    skipped++;
                }
                record(key, item, stored.outcome().name(), stored.articleId() == 0 ? null : stored.articleId(), null, false);
            } catch (PageFailure e) {
                fail(key, item, e.code(), e.getMessage(), e.retriable());
            } catch (ApiException e) {
                fail(key, item, e.code(), item.url() + ": " + e.getMessage(), false);
            } catch (RuntimeException e) {
                String incident = UUID.randomUUID().toString();
                LOG.errorf(e, "Feed %s: item %s could not be stored (incident %s)", feed.url, item.url(), incident);
                fail(key, item, "INTERNAL", item.url() + ": could not be stored (incident " + incident
                        + "; the server's log has the details)", true);
            }
        }

        void fail(String key, FeedDocument.Item item, String code, String message, boolean mayPass) {
            failed++;
            errors.add(new FeedPollError(item.url() == null ? feed.url : item.url(), message, code));
            record(key, item, FeedService.FAILED, null, message, mayPass);
        }

        void record(String key, FeedDocument.Item item, String outcome, Long articleId, String error, boolean mayPass) {
            try {
                feeds.recordItem(feed.id, key, item.url() == null ? item.key() : item.url(), outcome, articleId, error, mayPass);
            } catch (RuntimeException e) {
                // another poll of this feed recorded it first, or the feed was unsubscribed: nothing to keep
                LOG.debugf(e, "Feed %s: item %s not recorded", feed.url, item.url());
            }
        }

        void feedFailed(Integer httpStatus, String code, String message) {
            feedFailed = true;
            status = httpStatus;
            errors.add(new FeedPollError(feed.url, message, code));
        }

        PollOutcome outcome() {
            String error = null;
            if (feedFailed) {
                error = errors.get(errors.size() - 1).message();
            } else if (!errors.isEmpty()) {
                StringBuilder text = new StringBuilder(errors.size() + " of " + tried + " new items failed: ");
                for (int i = 0; i < errors.size(); i++) {
                    text.append(i == 0 ? "" : "; ").append(errors.get(i).message());
                }
                error = text.toString();
            }
            return new PollOutcome(title, status, error, feedFailed, etag, lastModified, !itemsLeft, itemsLeft);
        }
    }

    /** Items are known by a digest of their guid (or link): a key of fixed length whatever the feed writes. */
    static String keyOf(String guid) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(guid.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
