package org.allegationatlas.common.data;

/**
 * The data version, {@code ingest_lock.version}: the caches of every node tag what they keep with
 * it and reuse it only while it is current. It moves with every change to the data, made by the
 * app or not (V5's triggers). Each new value is at least the clock in microseconds, so a version
 * names one state of the data: after a restore to an older backup, the next change gets a number
 * that no earlier history used, and no cache can take the new state for an old one.
 */
public final class DataVersion {

    /** Moves the version on; portable SQL (H2 and PostgreSQL). */
    public static final String BUMP = "update ingest_lock set version = greatest(version + 1,"
            + " cast(extract(epoch from current_timestamp) * 1000000 as bigint)) where id = 1";

    public static final String READ = "select version from ingest_lock where id = 1";

    private DataVersion() {
    }
}
