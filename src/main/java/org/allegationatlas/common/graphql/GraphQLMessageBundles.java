package org.allegationatlas.common.graphql;

import io.quarkus.runtime.annotations.RegisterResourceBundle;

/**
 * graphql-java words its errors from resource bundles. Quarkus puts only {@code i18n.Validation} and
 * {@code i18n.Parsing} into a native image; without the others, a document with an unknown enum value
 * ({@code kind: PLANET}) made the binary answer HTTP 500 ("Can't find bundle for base name i18n.Scalars")
 * where the jar answers a coded validation error.
 */
@RegisterResourceBundle(bundleName = "i18n.Scalars")
@RegisterResourceBundle(bundleName = "i18n.Execution")
@RegisterResourceBundle(bundleName = "i18n.General")
final class GraphQLMessageBundles {

    private GraphQLMessageBundles() {
    }
}
