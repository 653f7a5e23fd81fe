package org.allegationatlas.actor;

import java.util.List;

import org.allegationatlas.common.Cursor;
import org.allegationatlas.common.Page;
import org.allegationatlas.common.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

public record ActorConnection(@NonNull int totalCount, @NonNull List<@NonNull ActorEdge> edges, @NonNull PageInfo pageInfo) {

    public record ActorEdge(@NonNull String cursor, @NonNull Actor node) {
    }

    public static ActorConnection of(Page<ActorEntity> page) {
        List<ActorEdge> edges = page.items().stream()
                .map(a -> new ActorEdge(new Cursor(a.normalizedName, a.id).encode(), Actor.of(a)))
                .toList();
        return new ActorConnection((int) page.totalCount(), edges,
                new PageInfo(page.hasNextPage(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }
}
