package org.allegationatlas.ingest;

import java.time.LocalDate;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.allegationatlas.claim.ClaimCategory;
import org.allegationatlas.claim.ClaimOrigin;
import org.allegationatlas.claim.DatePrecision;
import org.allegationatlas.claim.Stance;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ClaimInput")
public record ClaimInput(
        @Size(max = 100) @Description("Local, for respondsTo.") String key,
        @NonNull @NotBlank @Description("Actor key.") String claimant,
        @NonNull @NotBlank @Description("Actor key.") String subject,
        @Description("Actor key.") String counterparty,
        @Description("Actor key.") String place,
        @NonNull @NotNull Stance stance,
        @NonNull @NotNull ClaimCategory category,
        @NonNull @NotBlank @Size(max = 2000) @Description("One English sentence.") String summary,
        @NonNull @NotBlank @Size(max = 10_000) @Description("Must occur verbatim in body.") String quote,
        @PositiveOrZero @Description("Only needed when the quote occurs more than once: where the meant one starts.") Integer quoteStart,
        LocalDate statedOn,
        @DefaultValue("DAY") @Description("How much of statedOn the article gives.") DatePrecision statedOnPrecision,
        @Description("Claim key.") String respondsTo,
        @DecimalMin("0") @DecimalMax("1") @Description("How sure an extractor was, 0..1; omit for claims read by a person.") Double confidence,
        @Size(max = 4000) @Description("Why an extractor proposed the claim: the cue, the rule and the source of each role; omit for claims read by a person.") String explanation,
        @Description("Omit: claims sent by a person are CURATED, extractArticle's EXTRACTED. An export names it, so that an import keeps unreviewed extractions as they were.") ClaimOrigin origin) {

    @JsonbCreator // the record's own constructor, for JSON-B (import, seed, GraphQL input), which refuses to choose
    public ClaimInput {
    }

    /** A claim of the operation's own origin. */
    public ClaimInput(String key, String claimant, String subject, String counterparty, String place, Stance stance,
            ClaimCategory category, String summary, String quote, Integer quoteStart, LocalDate statedOn,
            DatePrecision statedOnPrecision, String respondsTo, Double confidence, String explanation) {
        this(key, claimant, subject, counterparty, place, stance, category, summary, quote, quoteStart, statedOn,
                statedOnPrecision, respondsTo, confidence, explanation, null);
    }
}
