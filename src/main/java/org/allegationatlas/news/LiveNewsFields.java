package org.allegationatlas.news;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.allegationatlas.common.graphql.LiveFields;

/** previewPage reads the web now; feeds show poll times that writes do not version: never answered from the cache. */
@ApplicationScoped
public class LiveNewsFields implements LiveFields {

    @Override
    public Set<String> rootFields() {
        return Set.of("previewPage", "feeds", "feed");
    }
}
