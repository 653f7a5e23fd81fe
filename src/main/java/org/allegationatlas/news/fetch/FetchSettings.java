package org.allegationatlas.news.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** {@code atlas.fetch.*}: the defaults, with a line each on what they mean, are in application.properties. */
@ConfigMapping(prefix = "atlas.fetch")
public interface FetchSettings {

    boolean allowPrivateAddresses();

    Optional<String> contact();

    Duration connectTimeout();

    Duration readTimeout();

    Duration deadline();

    int maxRedirects();

    MemorySize maxPageSize();

    List<String> pageTypes();

    List<String> feedTypes();

    Duration hostDelay();

    Duration crawlDelayCap();

    Duration robotsCacheTtl();

    Duration robotsErrorTtl();

    MemorySize robotsMaxSize();

    int retries();

    Duration retryBackoff();

    Duration retryAfterCap();
}
