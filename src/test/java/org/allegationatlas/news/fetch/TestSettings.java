package org.allegationatlas.news.fetch;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;

/** {@link FetchSettings} for tests: quick pauses and retries, private addresses allowed unless a test is about them. */
record TestSettings(boolean allowPrivateAddresses, Optional<String> contact, Duration connectTimeout,
        Duration readTimeout, Duration deadline, int maxRedirects, MemorySize maxPageSize, List<String> pageTypes,
        List<String> feedTypes, Duration hostDelay, Duration crawlDelayCap, Duration robotsCacheTtl,
        Duration robotsErrorTtl, MemorySize robotsMaxSize, int retries, Duration retryBackoff,
        Duration retryAfterCap) implements FetchSettings {

    static TestSettings quick() {
        return new TestSettings(true, Optional.of("mailto:test@example.org"), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(30), 5, bytes(1 << 20),
                List.of("text/html", "application/xhtml+xml"),
                List.of("application/rss+xml", "application/atom+xml", "application/xml", "text/xml"),
                Duration.ofMillis(50), Duration.ofSeconds(10), Duration.ofHours(24), Duration.ofMinutes(10),
                bytes(512 * 1024), 1, Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    static MemorySize bytes(long n) {
        return new MemorySize(BigInteger.valueOf(n));
    }

    TestSettings privateRefused() {
        return new TestSettings(false, contact, connectTimeout, readTimeout, deadline, maxRedirects, maxPageSize,
                pageTypes, feedTypes, hostDelay, crawlDelayCap, robotsCacheTtl, robotsErrorTtl, robotsMaxSize,
                retries, retryBackoff, retryAfterCap);
    }

    TestSettings timeouts(Duration read, Duration whole) {
        return new TestSettings(allowPrivateAddresses, contact, connectTimeout, read, whole, maxRedirects, maxPageSize,
                pageTypes, feedTypes, hostDelay, crawlDelayCap, robotsCacheTtl, robotsErrorTtl, robotsMaxSize,
                retries, retryBackoff, retryAfterCap);
    }

    TestSettings hostDelay(Duration pause) {
        return new TestSettings(allowPrivateAddresses, contact, connectTimeout, readTimeout, deadline, maxRedirects,
                maxPageSize, pageTypes, feedTypes, pause, crawlDelayCap, robotsCacheTtl, robotsErrorTtl, robotsMaxSize,
                retries, retryBackoff, retryAfterCap);
    }
}
