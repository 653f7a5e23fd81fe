package org.allegationatlas.article;

import java.util.List;

import org.allegationatlas.common.Cursor;
import org.allegationatlas.common.Page;
import org.allegationatlas.common.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

public record ArticleConnection(@NonNull int totalCount, @NonNull List<@NonNull ArticleEdge> edges,
        @NonNull PageInfo pageInfo) {

    public record ArticleEdge(@NonNull String cursor, @NonNull Article node) {
    }

    public static ArticleConnection of(Page<ArticleEntity> page) {
        List<ArticleEdge> edges = page.items().stream()
                .map(a -> new ArticleEdge(new Cursor(a.publishedOn == null ? null : a.publishedOn.toString(), a.id).encode(),
                        Article.of(a)))
                .toList();
        return new ArticleConnection((int) page.totalCount(), edges,
                new PageInfo(page.hasNextPage(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }
}
