package org.allegationatlas.common.graphql;

/**
 * An instrumentation whose {@code instrumentDataFetcher} returns a property's fetcher (a trivial one) unchanged:
 * the chain need not ask it at every property of every item.
 */
public interface LeavesPropertiesAlone {
}
