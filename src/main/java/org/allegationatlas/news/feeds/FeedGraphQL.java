package org.allegationatlas.news.feeds;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.allegationatlas.auth.Roles;
import org.allegationatlas.common.ApiException;
import org.allegationatlas.common.Cursor;
import org.allegationatlas.common.Ids;
import org.allegationatlas.common.Languages;
import org.allegationatlas.common.Page;
import org.allegationatlas.common.PageInfo;
import org.allegationatlas.common.Paging;
import org.allegationatlas.news.NewsIngest;
import org.allegationatlas.news.PageFailure;
import org.allegationatlas.news.feeds.FeedConnection.FeedEdge;
import org.allegationatlas.news.fetch.FetchException;
import org.allegationatlas.news.fetch.FetchKind;
import org.allegationatlas.news.fetch.FetchedPage;
import org.allegationatlas.news.fetch.PageFetcher;
import org.allegationatlas.news.fetch.Validators;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Feeds: subscribe, list, poll now, unsubscribe (editors only: subscriptions make the service fetch). Like
 * fetchArticle, subscribeFeed and pollFeed fetch in their root field, which the request deadline does not cut
 * short (see news/NewsGraphQL); a poll waits for every new item's page.
 */
@GraphQLApi
public class FeedGraphQL {

    private static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

    @Inject
    FeedService feeds;
    @Inject
    FeedPoller poller;
    @Inject
    PageFetcher fetcher;
    @Inject
    Paging paging;

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Subscribe to an RSS or Atom feed (or a web page that names its feed): it is fetched once to check it is a feed, "
            + "then polled every intervalMinutes (atlas.feeds.default-interval when not given), the first time at once; each new "
            + "item's page is fetched, read, extracted and stored, once. language and publisher, when given, are those of all its "
            + "articles (else each page's own). Subscribing to a url again changes the settings given and keeps the rest.")
    public Feed subscribeFeed(@NonNull String url, String language, String publisher, Integer intervalMinutes) {
        String asked = NewsIngest.checkUrl(url);
        String lang = Languages.canonical(language == null || language.isBlank() ? null : language, "language");
        String outlet = publisher == null || publisher.isBlank() ? null : publisher.strip();
        if (outlet != null && outlet.length() > 200) {
            throw ApiException.validation("publisher: " + outlet.length() + " characters is longer than the 200 a publisher may have");
        }
        if (intervalMinutes != null && (intervalMinutes < 1 || intervalMinutes > MAX_INTERVAL_MINUTES)) {
            throw ApiException.validation("intervalMinutes: " + intervalMinutes + " is out of range; poll every 1 to "
                    + MAX_INTERVAL_MINUTES + " minutes (a week)");
        }
        FeedEntity existing = feeds.byUrl(asked);
        if (existing != null) {
            return feed(feeds.subscribe(asked, null, lang, outlet, intervalMinutes));
        }
        FetchedPage first = firstLook(asked, FetchKind.PAGE_OR_FEED);
        String feedUrl = asked;
        if (isHtml(first.contentType())) {
            List<String> links = FeedDocument.feedLinks(first.body(), first.contentType(), first.finalUrl());
            if (links.isEmpty()) {
                throw ApiException.validation(asked + ": is a web page, not a feed, and names no feed of its own (<link rel=\"alternate\" "
                        + "type=\"application/rss+xml\">); give the address of its RSS or Atom feed");
            }
            feedUrl = links.get(0);
            existing = feeds.byUrl(feedUrl);
            if (existing != null) {
                return feed(feeds.subscribe(feedUrl, null, lang, outlet, intervalMinutes));
            }
            first = firstLook(feedUrl, FetchKind.FEED);
        }
        FeedDocument document;
        try {
            document = FeedDocument.read(first.body(), first.contentType(), first.finalUrl());
        } catch (FeedDocument.Unreadable e) {
            throw new ApiException(FeedPoller.FEED_UNREADABLE, feedUrl + ": " + e.getMessage());
        }
        return feed(feeds.subscribe(feedUrl, document.title(), lang, outlet, intervalMinutes));
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Stop polling a feed. The articles stored from it stay.")
    public Boolean unsubscribeFeed(@NonNull @Id String id) {
        if (!feeds.unsubscribe(Ids.parse(id, "a feed"))) {
            throw ApiException.notFound("id: no feed has id \"" + id + "\"");
        }
        return true;
    }

    @Query
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("The feeds subscribed to, in the order they were subscribed, with the state of their polls.")
    public FeedConnection feeds(@DefaultValue("20") Integer first, String after) {
        Page<FeedEntity> page = feeds.page(paging.request(first, after));
        Map<Long, Integer> stored = feeds.articlesStored(page.items().stream().map(f -> f.id).toList());
        OffsetDateTime now = FeedService.now();
        List<FeedEdge> edges = page.items().stream()
                .map(f -> new FeedEdge(new Cursor(null, f.id).encode(), Feed.of(f, stored.getOrDefault(f.id, 0), now))).toList();
        return new FeedConnection((int) page.totalCount(), edges,
                new PageInfo(page.hasNextPage(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    @Query
    @RolesAllowed(Roles.EDITOR)
    @Description("One feed, with the state of its polls; null when there is none.")
    public Feed feed(@NonNull @Id String id) {
        FeedEntity entity = feeds.byId(Ids.parse(id, "a feed"));
        return entity == null ? null : feed(entity);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Poll a feed now, whenever it is due, and answer what the poll did (it waits for every new item's page). "
            + "BUSY when a replica is polling it at this moment.")
    public FeedPoll pollFeed(@NonNull @Id String id) {
        return poller.pollNow(Ids.parse(id, "a feed"));
    }

    private Feed feed(FeedEntity entity) {
        return Feed.of(entity, feeds.articlesStored(List.of(entity.id)).getOrDefault(entity.id, 0), FeedService.now());
    }

    private FetchedPage firstLook(String url, FetchKind kind) {
        try {
            return fetcher.fetch(url, Validators.NONE, kind);
        } catch (FetchException e) {
            throw PageFailure.of(e);
        }
    }

    private static boolean isHtml(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
    }
}
