package org.allegationatlas.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.allegationatlas.claim.Stance;
import org.allegationatlas.ingest.ActorInput;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.ClaimInput;

/**
 * What the extractor proposes for an article: every claim it found, each with its explanation,
 * including claims whose speaker the text does not name (claimant null: never an invented one).
 */
public record Extraction(ArticleInput article) {

    /** Claims whose speaker was not found: proposed for a curator, not stored (a stored claim needs a claimant). */
    public int unattributed() {
        return (int) article.claims().stream().filter(c -> c.claimant() == null).count();
    }

    /**
     * What extractArticle stores: the claims with a claimant, the actors they name, and responses
     * only to claims that are kept. A statement (STATES) none of whose parties has a country is left to the
     * preview: it would show in no country's record ("Disney's chief said demand crashed the launch").
     */
    public ArticleInput storable() {
        Set<String> withCountry = new HashSet<>();
        for (ActorInput a : article.actors()) {
            if (a.country() != null) {
                withCountry.add(a.key());
            }
        }
        Set<String> keptKeys = new HashSet<>();
        for (ClaimInput c : article.claims()) {
            if (kept(c, withCountry) && c.key() != null) {
                keptKeys.add(c.key());
            }
        }
        List<ClaimInput> claims = new ArrayList<>();
        Set<String> actorKeys = new HashSet<>();
        for (ClaimInput c : article.claims()) {
            if (!kept(c, withCountry)) {
                continue;
            }
            String respondsTo = c.respondsTo() != null && keptKeys.contains(c.respondsTo()) ? c.respondsTo() : null;
            claims.add(new ClaimInput(c.key(), c.claimant(), c.subject(), c.counterparty(), c.place(), c.stance(), c.category(),
                    c.summary(), c.quote(), c.quoteStart(), c.statedOn(), c.statedOnPrecision(), respondsTo, c.confidence(),
                    c.explanation()));
            for (String key : new String[] { c.claimant(), c.subject(), c.counterparty(), c.place() }) {
                if (key != null) {
                    actorKeys.add(key);
                }
            }
        }
        List<ActorInput> actors = article.actors().stream().filter(a -> actorKeys.contains(a.key())).toList();
        return new ArticleInput(article.url(), article.title(), article.publisher(), article.language(), article.publishedOn(),
                article.dateline(), article.body(), actors, claims);
    }

    private static boolean kept(ClaimInput c, Set<String> withCountry) {
        return c.claimant() != null && (c.stance() != Stance.STATES || withCountry.contains(c.claimant())
                || withCountry.contains(c.subject()) || c.counterparty() != null && withCountry.contains(c.counterparty())
                || c.place() != null && withCountry.contains(c.place()));
    }
}
