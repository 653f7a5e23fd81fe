package org.allegationatlas.claim;

import org.allegationatlas.country.Country;
import org.eclipse.microprofile.graphql.NonNull;

public record CountryPair(@NonNull Country accuser, @NonNull Country accused, @NonNull int count) {
}
