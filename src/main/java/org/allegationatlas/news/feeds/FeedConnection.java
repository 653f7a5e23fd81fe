package org.allegationatlas.news.feeds;

import java.util.List;

import org.allegationatlas.common.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

public record FeedConnection(@NonNull int totalCount, @NonNull List<@NonNull FeedEdge> edges, @NonNull PageInfo pageInfo) {

    public record FeedEdge(@NonNull String cursor, @NonNull Feed node) {
    }
}
