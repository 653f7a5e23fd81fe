package org.allegationatlas.news.feeds;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.allegationatlas.common.ApiException;
import org.allegationatlas.common.Page;
import org.allegationatlas.common.PageRequest;
import org.allegationatlas.common.WriteLock;

/**
 * The feeds' rows: subscriptions, the claim a replica takes on a due feed, the items handled and the outcome of
 * each poll, each in a short transaction of its own (a poll itself runs with none open: it fetches for minutes).
 */
@ApplicationScoped
public class FeedService {

    /** An item already handled: how, and how many times its page was tried. */
    public record ItemState(String outcome, int attempts, boolean retriable) {
    }

    public static final String STORED = "STORED";
    public static final String SKIPPED = "SKIPPED";
    public static final String FAILED = "FAILED";
    /** A failed item that may pass at a later poll (a timeout, a 503) is marked so in its error. */
    private static final String MAY_PASS = "[may pass] ";

    @Inject
    EntityManager em;
    @Inject
    FeedSettings settings;

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Transactional
    public FeedEntity byUrl(String url) {
        return FeedEntity.<FeedEntity>find("url", url).firstResult();
    }

    /** Subscribes, due at once; an existing subscription of the url keeps its state and takes the settings given. */
    @Transactional
    public FeedEntity subscribe(String url, String title, String language, String publisher, Integer intervalMinutes) {
        FeedEntity feed = byUrl(url);
        if (feed == null) {
            feed = new FeedEntity();
            feed.url = url;
            feed.subscribedAt = now();
            feed.nextPollAt = feed.subscribedAt;
            feed.intervalMinutes = (int) settings.defaultInterval().toMinutes();
        }
        if (title != null) {
            feed.title = title.length() <= 1000 ? title : title.substring(0, 1000);
        }
        if (language != null) {
            feed.language = language;
        }
        if (publisher != null) {
            feed.publisher = publisher;
        }
        if (intervalMinutes != null) {
            feed.intervalMinutes = intervalMinutes;
        }
        feed.persist();
        return feed;
    }

    @Transactional
    public FeedEntity byId(long id) {
        return FeedEntity.findById(id);
    }

    /** @return false when there was no such feed. The articles stored from it stay. */
    @Transactional
    public boolean unsubscribe(long id) {
        return FeedEntity.deleteById(id);
    }

    /** Feeds in the order they were subscribed. */
    @Transactional
    public Page<FeedEntity> page(PageRequest request) {
        long total = FeedEntity.count();
        long after = request.after() == null ? Long.MIN_VALUE : request.after().id();
        List<FeedEntity> rows = FeedEntity.<FeedEntity>find("id > ?1 order by id", after).range(0, request.fetchSize() - 1).list();
        return Page.of(rows, request, total);
    }

    /** Articles stored from each of these feeds' items, in one query. */
    @Transactional
    public Map<Long, Integer> articlesStored(Collection<Long> feedIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!feedIds.isEmpty()) {
            List<?> rows = em.createNativeQuery("select feed_id, count(*) from feed_item where feed_id in (:ids) and outcome = '"
                    + STORED + "' group by feed_id").setParameter("ids", List.copyOf(feedIds)).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                counts.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
            }
        }
        return counts;
    }

    /**
     * Claims the feed due first that no replica is polling: its row locked, skipping rows other replicas hold
     * locked (FOR UPDATE SKIP LOCKED), and marked as polled until the lease ends, in one short transaction. Of
     * several replicas looking at once, one gets each feed; the others get the next, or none.
     *
     * @return the claimed feed, detached, or null when none is due
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public FeedEntity claimDue() {
        OffsetDateTime now = now();
        List<?> ids = em.createNativeQuery("select id from feed where next_poll_at <= :now"
                + " and (polling_until is null or polling_until < :now) order by next_poll_at, id"
                + " fetch first 1 rows only for update skip locked").setParameter("now", now).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        return lease(((Number) ids.get(0)).longValue(), now);
    }

    /**
     * Claims one feed to poll it now (pollFeed), waiting for its row if another replica is claiming it this instant.
     *
     * @return the claimed feed, detached; a NOT_FOUND error when there is none, BUSY when a replica is polling it
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public FeedEntity claim(long id) {
        OffsetDateTime now = now();
        List<?> rows = em.createNativeQuery("select polling_until from feed where id = :id for update").setParameter("id", id)
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("id: no feed has id \"" + id + "\"");
        }
        FeedEntity feed = em.find(FeedEntity.class, id);
        if (feed.pollingUntil != null && feed.pollingUntil.isAfter(now)) {
            throw new ApiException(WriteLock.BUSY, "The feed " + feed.url + " is being polled now (since before "
                    + feed.pollingUntil.minus(settings.lease()).withNano(0) + "); its outcome will show on the feed");
        }
        return lease(id, now);
    }

    private FeedEntity lease(long id, OffsetDateTime now) {
        FeedEntity feed = em.find(FeedEntity.class, id);
        feed.pollingUntil = now.plus(settings.lease());
        em.flush();
        em.detach(feed);
        return feed;
    }

    /** The items of a feed already handled, by key. */
    @Transactional
    public Map<String, ItemState> items(long feedId, Collection<String> keys) {
        Map<String, ItemState> states = new HashMap<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<?> rows = em.createNativeQuery("select item_key, outcome, attempts, error from feed_item where feed_id = :feed"
                    + " and item_key in (:keys)").setParameter("feed", feedId)
                    .setParameter("keys", all.subList(from, Math.min(all.size(), from + 500))).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                states.put((String) r[0], new ItemState((String) r[1], ((Number) r[2]).intValue(),
                        r[3] != null && ((String) r[3]).startsWith(MAY_PASS)));
            }
        }
        return states;
    }

    /**
     * Records how an item was handled. A concurrent poll of the same feed (a lease outlived) may have recorded it
     * first: then its record stands.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordItem(long feedId, String key, String url, String outcome, Long articleId, String error, boolean mayPass) {
        OffsetDateTime now = now();
        String shown = error == null ? null : clip((mayPass ? MAY_PASS : "") + error, 2000);
        String stored = url == null ? "" : clip(url, 2048);
        int updated = em.createNativeQuery("update feed_item set url = :url, outcome = :outcome, article_id = :article,"
                + " attempts = attempts + 1, error = :error, last_tried_at = :now where feed_id = :feed and item_key = :key")
                .setParameter("url", stored).setParameter("outcome", outcome).setParameter("article", articleId)
                .setParameter("error", shown).setParameter("now", now).setParameter("feed", feedId).setParameter("key", key)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into feed_item (feed_id, item_key, url, outcome, article_id, attempts, error, first_seen_at,"
                    + " last_tried_at) values (:feed, :key, :url, :outcome, :article, 1, :error, :now, :now)")
                    .setParameter("feed", feedId).setParameter("key", key).setParameter("url", stored)
                    .setParameter("outcome", outcome).setParameter("article", articleId).setParameter("error", shown)
                    .setParameter("now", now).executeUpdate();
        }
    }

    /** The outcome of a poll, written on the feed, which is then free again. */
    public record PollOutcome(String title, Integer status, String error, boolean feedFailed, String etag, String lastModified,
            boolean keepValidators, boolean comeBackSoon) {
    }

    /** @return the feed as it is now; null when it was unsubscribed meanwhile */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public FeedEntity finish(long id, PollOutcome outcome) {
        FeedEntity feed = em.find(FeedEntity.class, id);
        if (feed == null) {
            return null;
        }
        OffsetDateTime now = now();
        feed.lastPolledAt = now;
        feed.lastStatus = outcome.status();
        feed.lastError = outcome.error() == null ? null : clip(outcome.error(), 4000);
        if (outcome.title() != null) {
            feed.title = clip(outcome.title(), 1000);
        }
        Duration interval = Duration.ofMinutes(feed.intervalMinutes);
        if (outcome.feedFailed()) {
            feed.failures++;
            Duration pause = interval.multipliedBy(1L << Math.min(feed.failures - 1, 20));
            feed.nextPollAt = now.plus(pause.compareTo(settings.maxBackoff()) > 0 ? max(settings.maxBackoff(), interval) : pause);
        } else {
            feed.failures = 0;
            feed.nextPollAt = outcome.comeBackSoon() ? now : now.plus(interval);
            if (!outcome.keepValidators()) {
                // items left for the next poll: it must get the whole feed again, not a 304
                feed.etag = null;
                feed.lastModified = null;
            } else {
                feed.etag = outcome.etag() == null ? null : clip(outcome.etag(), 1000);
                feed.lastModified = outcome.lastModified() == null ? null : clip(outcome.lastModified(), 200);
            }
        }
        feed.pollingUntil = null;
        em.flush();
        return feed;
    }

    /** Frees a feed whose poll could not write its outcome (the next one tries again). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(long id) {
        em.createNativeQuery("update feed set polling_until = null where id = :id").setParameter("id", id).executeUpdate();
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
