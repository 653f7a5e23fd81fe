package org.allegationatlas.news.feeds;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** {@code atlas.feeds.*}: the defaults, with a line each on what they mean, are in application.properties. */
@ConfigMapping(prefix = "atlas.feeds")
public interface FeedSettings {

    /** How often a replica looks for due feeds ("off": never; commands and tests). Read by {@link FeedPoller}'s schedule. */
    String checkEvery();

    /** A new subscription's interval between polls. */
    Duration defaultInterval();

    /** New items fetched in one poll at most; the rest wait for the next poll, which comes at once. */
    int maxItemsPerPoll();

    /** How long a replica's claim on a feed it polls lasts (a replica that died mid-poll frees it then). */
    Duration lease();

    /** The longest pause after polls in a row that failed (each failure doubles the interval, up to this). */
    Duration maxBackoff();

    /** Tries of an item whose page failed for a reason that may pass (a timeout, a 503), at polls that list it. */
    int itemAttempts();
}
