package org.allegationatlas.common.graphql;

import io.quarkus.runtime.annotations.RegisterResourceBundle;

/**
 * graphql-java words its errors from resource bundles. Quarkus puts only {@code i18n.Validation} and
 * {@code i18n.Parsing} into a native image; without the others, a document with an unknown enum value
 * ({@code kind: PLANET}) or a variable of a wrong type made the binary answer HTTP 500 ("Can't find bundle
 * for base name i18n.Scalars") where the jar answers a coded validation error.
 * <p>
 * One annotation per class: Quarkus reads {@code @RegisterResourceBundle} one by one, not in the container
 * that the compiler makes of repeated ones (three on one class registered none).
 */
@RegisterResourceBundle(bundleName = "i18n.Scalars")
final class GraphQLMessageBundles {

    private GraphQLMessageBundles() {
    }

    @RegisterResourceBundle(bundleName = "i18n.Execution")
    private static final class Execution {
    }

    @RegisterResourceBundle(bundleName = "i18n.General")
    private static final class General {
    }
}
