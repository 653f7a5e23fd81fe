package org.allegationatlas.claim;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record MonthCount(@NonNull @Description("Year and month, \"2022-11\".") String month, @NonNull int count) {
}
