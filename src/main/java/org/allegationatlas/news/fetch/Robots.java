package org.allegationatlas.news.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.allegationatlas.common.LeastRecentlyUsed;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * The robots.txt of each site (scheme, host and port, as RFC 9309 scopes it), parsed by crawler-commons
 * and kept for a while. What an answer means:
 * <ul>
 * <li>2xx: its rules, for the group naming {@value #ROBOT_NAME} or else {@code *};</li>
 * <li>4xx but 429 (no robots.txt, forbidden, gone): no rules, everything allowed;</li>
 * <li>429, 5xx, or redirects past the limit: the site counts as closed until {@code robots-error-ttl} has
 * passed, as RFC 9309 and Google do for an unreachable robots.txt;</li>
 * <li>no answer at all (timeout, refused connection): nothing is kept, the page's fetch fails with that
 * error, and the next fetch asks again.</li>
 * </ul>
 */
final class Robots {

    /** The product token robots.txt groups are matched against (crawler-commons wants it lower-case). */
    static final String ROBOT_NAME = "AllegationAtlas";

    private static final int MAX_SITES = 1024;

    /** A site's rules, or why it counts as closed, until {@code expiresAt} (System.nanoTime). */
    record Verdict(BaseRobotRules rules, String closedBecause, long expiresAt, String robotsUrl) {

        boolean isAllowed(String url) {
            return closedBecause == null && rules.isAllowed(url);
        }

        /** Robots' Crawl-delay, or zero when it sets none. */
        Duration crawlDelay() {
            long millis = rules == null ? BaseRobotRules.UNSET_CRAWL_DELAY : rules.getCrawlDelay();
            return millis > 0 ? Duration.ofMillis(millis) : Duration.ZERO;
        }
    }

    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Verdict> cache = LeastRecentlyUsed.map(MAX_SITES);
    private final long ttlNanos;
    private final long errorTtlNanos;
    private final Duration errorTtl;

    Robots(Duration ttl, Duration errorTtl) {
        this.ttlNanos = ttl.toNanos();
        this.errorTtlNanos = errorTtl.toNanos();
        this.errorTtl = errorTtl;
    }

    /** The site's verdict if it is known and fresh. */
    synchronized Optional<Verdict> cached(String site) {
        Verdict verdict = cache.get(site);
        if (verdict != null && verdict.expiresAt() - System.nanoTime() > 0) {
            return Optional.of(verdict);
        }
        return Optional.empty();
    }

    /** Keeps and returns what a robots.txt answer means (see the class comment). */
    Verdict answered(String site, String robotsUrl, int status, byte[] body, String contentType) {
        long now = System.nanoTime();
        Verdict verdict;
        if (status >= 200 && status < 300) {
            SimpleRobotRules rules = parser.parseContent(robotsUrl, body, contentType,
                    List.of(ROBOT_NAME.toLowerCase(Locale.ROOT)));
            verdict = new Verdict(rules, null, now + ttlNanos, robotsUrl);
        } else if (status >= 400 && status < 500 && status != 429) {
            verdict = new Verdict(parser.failedFetch(status), null, now + ttlNanos, robotsUrl);
        } else {
            verdict = closed(robotsUrl, "answered HTTP " + status, now);
        }
        return keep(site, verdict);
    }

    /** Keeps and returns the verdict for a robots.txt that could not be read for {@code what} reason. */
    Verdict closed(String site, String robotsUrl, String what) {
        return keep(site, closed(robotsUrl, what, System.nanoTime()));
    }

    private Verdict closed(String robotsUrl, String what, long now) {
        return new Verdict(null, robotsUrl + " " + what + "; a robots.txt that cannot be read means the site is"
                + " closed to crawlers (RFC 9309), so the service keeps away for " + minutes(errorTtl)
                + " (atlas.fetch.robots-error-ttl) before it asks again", now + errorTtlNanos, robotsUrl);
    }

    private synchronized Verdict keep(String site, Verdict verdict) {
        cache.put(site, verdict);
        return verdict;
    }

    private static String minutes(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 1 ? minutes + " min" : d.toSeconds() + " s";
    }
}
