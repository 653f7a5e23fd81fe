package org.allegationatlas.news.feeds;

import java.util.List;

import org.allegationatlas.article.Article;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What one poll of a feed did.")
public record FeedPoll(
        @NonNull @Description("The feed after the poll.") Feed feed,
        @Description("The feed's HTTP status (304: not modified); null when no answer came.") Integer status,
        @Description("The server answered 304 Not Modified to the validators of the last poll: nothing was fetched again.")
        boolean notModified,
        @Description("Items in the feed.") int items,
        @Description("New articles stored.") int stored,
        @Description("Items not stored because they were handled at an earlier poll or their article was stored already "
                + "(same address or same text).") int skipped,
        @Description("Items whose page could not be fetched, read or stored (see errors).") int failed,
        @NonNull @Description("What went wrong: the feed itself (its url), or an item's page.") List<@NonNull FeedPollError> errors,
        @NonNull @Description("The articles stored by this poll.") List<@NonNull Article> articles) {

    @Description("A page, or the feed, that failed in a poll.")
    public record FeedPollError(@NonNull String url, @NonNull String message,
            @NonNull @Description("FETCH_REFUSED, FETCH_FAILED, NO_ARTICLE, FEED_UNREADABLE, or VALIDATION.") String code) {
    }
}
