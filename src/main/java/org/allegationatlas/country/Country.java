package org.allegationatlas.country;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A country of ISO 3166-1, named in English; other languages through {@code localName}. */
@Description("A country of ISO 3166-1 (reference data, present whether or not anything is alleged about it).")
public record Country(
        @NonNull @Description("ISO 3166-1 alpha-2 code, e.g. \"KP\".") String code,
        @NonNull @Description("ISO 3166-1 alpha-3 code, e.g. \"PRK\".") String alpha3,
        @NonNull @Description("English short name.") String name) {
}
