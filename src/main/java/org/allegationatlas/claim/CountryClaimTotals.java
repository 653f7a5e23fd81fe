package org.allegationatlas.claim;

import org.allegationatlas.country.Country;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("How many claims under a filter name a country as subject and as claimant; with stance ALLEGES, the allegations against it and by it.")
public record CountryClaimTotals(@NonNull Country country,
        @NonNull @Description("Claims whose subject is this country or an actor affiliated with it.") int asSubject,
        @NonNull @Description("Claims whose claimant is this country or an actor affiliated with it.") int asClaimant) {
}
