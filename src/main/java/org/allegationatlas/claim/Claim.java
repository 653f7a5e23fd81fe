package org.allegationatlas.claim;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** A claim as the API shows it; its relations are resolved in batches by {@link ClaimGraphQL}. */
@Description("One statement in one article: who says what about whom, with the article's own words as evidence.")
public record Claim(
        @Id @NonNull String id,
        @NonNull Stance stance,
        @NonNull ClaimCategory category,
        @NonNull @Description("One English sentence.") String summary,
        @NonNull @Description("Verbatim from the article: article.body.substring(quoteStart, quoteEnd) == quote.") String quote,
        @NonNull int quoteStart,
        @NonNull int quoteEnd,
        @Description("When the claim was made; see statedOnPrecision.") LocalDate statedOn,
        @Description("How much of statedOn the article gives (\"in August\" is MONTH).") DatePrecision statedOnPrecision,
        @NonNull ClaimOrigin origin,
        @Description("For EXTRACTED claims, 0..1.") Double confidence,
        @Description("For EXTRACTED claims, why the extractor proposed it: the cue word and rule, and for each role the words, "
                + "the rule and the dictionary entry or model tag that gave it; one part a line. Null for claims read by a person.")
        String explanation,
        @Ignore long articleId,
        @Ignore long claimantId,
        @Ignore long subjectId,
        @Ignore Long counterpartyId,
        @Ignore Long placeId,
        @Ignore Long respondsToId,
        @Ignore String subjectCountry) {

    public static Claim of(ClaimEntity e) {
        return new Claim(String.valueOf(e.id), e.stance, e.category, e.summary, e.quote, e.quoteStart, e.quoteEnd,
                e.statedOn, e.statedOnPrecision, e.origin, e.confidence, e.explanation, e.articleId, e.claimantId, e.subjectId,
                e.counterpartyId, e.placeId, e.respondsToId, e.subjectCountry);
    }

    /**
     * By id alone (equals still compares every component, so equal records hash alike): the batch loaders
     * key every claim of a request by the record, and hashing its text on each lookup was a tenth of a page's CPU.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Ignore
    public long numericId() {
        return Long.parseLong(id);
    }
}
