package org.allegationatlas.news.feeds;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A subscription to an RSS or Atom feed: its new items' pages are fetched, read, extracted and stored, once.")
public record Feed(
        @Id @NonNull String id,
        @NonNull String url,
        @Description("The feed's own title.") String title,
        @Description("The language given at subscription for its articles (BCP-47); null: each page's own.") String language,
        @Description("The publisher given at subscription for its articles; null: each page's own.") String publisher,
        @Description("Minutes between two polls.") int intervalMinutes,
        @NonNull OffsetDateTime subscribedAt,
        @Description("When it was last polled; null before its first poll.") OffsetDateTime lastPolledAt,
        @Description("The HTTP status of the feed at its last poll (304: not modified); null when no answer came.") Integer lastStatus,
        @Description("What went wrong at the last poll: the feed could not be fetched or read, or some items' pages failed "
                + "(each with its address and why); null when all went well.") String lastError,
        @Description("Polls in a row that could not read the feed: each doubles the wait before the next, up to "
                + "atlas.feeds.max-backoff.") int failures,
        @NonNull @Description("When it is due to be polled next.") OffsetDateTime nextPollAt,
        @Description("A replica is polling it now.") boolean polling,
        @Description("Articles stored from its items (items whose article was already stored are not counted).") int articlesStored) {

    static Feed of(FeedEntity e, int articlesStored, OffsetDateTime now) {
        return new Feed(String.valueOf(e.id), e.url, e.title, e.language, e.publisher, e.intervalMinutes, e.subscribedAt,
                e.lastPolledAt, e.lastStatus, e.lastError, e.failures, e.nextPollAt,
                e.pollingUntil != null && e.pollingUntil.isAfter(now), articlesStored);
    }

    @Ignore
    public long numericId() {
        return Long.parseLong(id);
    }
}
