package org.allegationatlas.claim;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

import org.allegationatlas.actor.Actor;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A claim as the API shows it. Its four actors are read with it, in the same statement ({@link ClaimService}):
 * a page's claimant and subject cost neither a second statement nor a batch round of the GraphQL engine.
 * Its other relations are resolved in batches by {@link ClaimGraphQL}.
 */
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
        @NonNull @Description("Who says it.") Actor claimant,
        @NonNull @Description("Whom it is about: the accused, for an allegation.") Actor subject,
        @Description("The other party: recipient, buyer, target.") Actor counterparty,
        @Description("Where, when the claim names a place (e.g. Crimea).") Actor place,
        @Ignore long articleId,
        @Ignore Long respondsToId,
        @Ignore String subjectCountry) {

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

    /** The ids of its actors, claimant first (counterparty and place where it has them). */
    @Ignore
    public Stream<Long> actorIds() {
        return Stream.of(claimant, subject, counterparty, place).filter(Objects::nonNull).map(Actor::numericId);
    }
}
