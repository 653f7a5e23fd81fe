package org.allegationatlas.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
     * only to claims that are kept.
     */
    public ArticleInput storable() {
        Set<String> keptKeys = new HashSet<>();
        for (ClaimInput c : article.claims()) {
            if (c.claimant() != null && c.key() != null) {
                keptKeys.add(c.key());
            }
        }
        List<ClaimInput> claims = new ArrayList<>();
        Set<String> actorKeys = new HashSet<>();
        for (ClaimInput c : article.claims()) {
            if (c.claimant() == null) {
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
}
