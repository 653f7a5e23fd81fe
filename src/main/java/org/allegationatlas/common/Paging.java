package org.allegationatlas.common;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Checks connection arguments against the configured maximum page size. */
@ApplicationScoped
public class Paging {

    @ConfigProperty(name = "atlas.page.max-size", defaultValue = "100")
    int maxPageSize;

    public PageRequest request(Integer first, String after) {
        return PageRequest.of(first, after, maxPageSize);
    }
}
