package org.allegationatlas.common;

import java.util.List;

/** One page of a list, before it is shaped into a GraphQL connection. */
public record Page<T>(List<T> items, boolean hasNextPage, long totalCount) {

    /** Cuts the rows fetched with {@link PageRequest#fetchSize()} down to the page. */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, long totalCount) {
        boolean more = fetched.size() > request.first();
        return new Page<>(more ? List.copyOf(fetched.subList(0, request.first())) : List.copyOf(fetched), more, totalCount);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), false, 0);
    }
}
