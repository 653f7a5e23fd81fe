package org.allegationatlas.claim;

import org.allegationatlas.country.Country;
import org.eclipse.microprofile.graphql.NonNull;

public record CountryCount(@NonNull Country country, @NonNull int count) {
}
