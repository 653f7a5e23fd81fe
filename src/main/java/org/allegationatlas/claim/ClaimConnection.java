package org.allegationatlas.claim;

import java.util.List;

import org.allegationatlas.common.Cursor;
import org.allegationatlas.common.Page;
import org.allegationatlas.common.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

public record ClaimConnection(@NonNull int totalCount, @NonNull List<@NonNull ClaimEdge> edges, @NonNull PageInfo pageInfo) {

    public record ClaimEdge(@NonNull String cursor, @NonNull Claim node) {
    }

    public static ClaimConnection of(Page<Claim> page) {
        List<ClaimEdge> edges = page.items().stream()
                .map(c -> new ClaimEdge(new Cursor(c.statedOn() == null ? null : c.statedOn().toString(), c.numericId()).encode(), c))
                .toList();
        return new ClaimConnection((int) page.totalCount(), edges,
                new PageInfo(page.hasNextPage(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }
}
