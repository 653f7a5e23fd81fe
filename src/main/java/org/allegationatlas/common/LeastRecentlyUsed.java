package org.allegationatlas.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bounded memories of the read path (parsed documents, counts, the item limit's totals): the least recently used entry goes first. */
public final class LeastRecentlyUsed {

    private LeastRecentlyUsed() {
    }

    /** A map of at most {@code maxEntries}, in access order; not synchronized. */
    public static <K, V> Map<K, V> map(int maxEntries) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }
}
