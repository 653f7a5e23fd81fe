package org.allegationatlas.claim;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;

/** Conditions on claims, all combined with AND; GraphQL name ClaimFilterInput. */
public record ClaimFilter(
        @Description("The accused: the subject's country (alpha-2 or alpha-3).") String subjectCountry,
        @Description("The accuser: the claimant's country.") String claimantCountry,
        String counterpartyCountry,
        @Nullable List<@NonNull Stance> stance,
        @Nullable List<@NonNull ClaimCategory> category,
        @Description("statedOn on or after this date.") LocalDate statedFrom,
        @Description("statedOn on or before this date.") LocalDate statedTo,
        @Description("Words found in the summary or the quote (case-insensitive).") String text,
        @Description("The article's language (BCP-47).") String language) {

    public static final ClaimFilter NONE = new ClaimFilter(null, null, null, null, null, null, null, null, null);
}
