package org.allegationatlas.common;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.allegationatlas.common.data.JdbcReads;

/**
 * Counts and aggregates (totalCount, accusers, the allegation matrix) cached until the next
 * write anywhere: each entry is tagged with the data version it was computed at, and one
 * primary-key read of that version decides whether it still holds. At a million claims a
 * count over the allegations against the most-accused country costs far more than that read.
 */
@ApplicationScoped
public class CountCache {

    private static final int MAX_ENTRIES = 2000;

    private record Cached(long version, Object value) {
    }

    @Inject
    JdbcReads reads;

    private final Map<String, Cached> entries = LeastRecentlyUsed.map(MAX_ENTRIES);

    /** The value cached under {@code key} at the current data version, else {@code compute}'s. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        // read the version first: a value computed after it is never older than it
        long version = reads.list("select version from ingest_lock where id = 1", List.of(), 1, row -> row.getLong(1)).get(0);
        synchronized (entries) {
            Cached entry = entries.get(key);
            if (entry != null && entry.version() == version) {
                return (T) entry.value();
            }
        }
        T value = compute.get();
        synchronized (entries) {
            entries.put(key, new Cached(version, value));
        }
        return value;
    }
}
