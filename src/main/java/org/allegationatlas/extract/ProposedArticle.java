package org.allegationatlas.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.actor.Alias;
import org.allegationatlas.claim.ClaimCategory;
import org.allegationatlas.claim.DatePrecision;
import org.allegationatlas.claim.Stance;
import org.allegationatlas.ingest.ActorInput;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.ClaimInput;
import org.allegationatlas.ingest.IngestService.CheckedArticle;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * What extraction proposes for an article, field for field the shape of ArticleInput, so that a
 * curator can review it, edit it and send it to ingestArticle (quoteEnd and confidence are for reading).
 */
@Type("ProposedArticle")
@Description("What extraction proposes, in the shape of ArticleInput: review, edit, then send it to ingestArticle.")
public record ProposedArticle(@NonNull String url, String title, String publisher, @NonNull String language,
        LocalDate publishedOn, String dateline, @NonNull String body, @NonNull List<@NonNull Actor> actors,
        @NonNull List<@NonNull Claim> claims) {

    @Type("ProposedActor")
    public record Actor(@NonNull String key, @NonNull String name, @NonNull ActorKind kind, String country, String title,
            @NonNull List<@NonNull Alias> aliases) {

        static Actor of(ActorInput a) {
            List<Alias> aliases = a.aliases() == null ? List.of()
                    : a.aliases().stream().map(alias -> new Alias(alias.name(), alias.language())).toList();
            return new Actor(a.key(), a.name(), a.kind(), a.country(), a.title(), aliases);
        }
    }

    @Type("ProposedClaim")
    public record Claim(String key, @Description("Actor key.") String claimant, @NonNull @Description("Actor key.") String subject,
            @Description("Actor key.") String counterparty, @Description("Actor key.") String place, @NonNull Stance stance,
            @NonNull ClaimCategory category, @NonNull String summary,
            @NonNull @Description("Verbatim: body.substring(quoteStart, quoteEnd).") String quote, int quoteStart, int quoteEnd,
            LocalDate statedOn, DatePrecision statedOnPrecision, @Description("Claim key.") String respondsTo,
            @Description("How sure the extractor is, 0..1.") Double confidence) {
    }

    /** The proposal for an extracted input that passed ingest's checks (which placed every quote). */
    static ProposedArticle of(CheckedArticle checked) {
        ArticleInput in = checked.input();
        List<Claim> claims = IntStream.range(0, in.claims().size()).mapToObj(i -> {
            ClaimInput c = in.claims().get(i);
            int start = checked.quoteStarts().get(i);
            return new Claim(c.key(), c.claimant(), c.subject(), c.counterparty(), c.place(), c.stance(), c.category(),
                    c.summary(), c.quote(), start, start + c.quote().length(), c.statedOn(), c.statedOnPrecision(),
                    c.respondsTo(), c.confidence());
        }).toList();
        return new ProposedArticle(in.url(), in.title(), in.publisher(), checked.language(), in.publishedOn(), in.dateline(),
                in.body(), in.actors().stream().map(Actor::of).toList(), claims);
    }
}
