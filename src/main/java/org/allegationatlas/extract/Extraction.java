package org.allegationatlas.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.claim.Stance;
import org.allegationatlas.ingest.ActorInput;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.ClaimInput;

/**
 * What the extractor proposes for an article: every claim it found, each with its explanation,
 * including claims whose speaker the text does not name (claimant null: never an invented one);
 * {@code toldNoAct}, the keys of the claims whose sentence tells of no act between parties.
 */
public record Extraction(ArticleInput article, Set<String> toldNoAct) {

    /** Claims whose speaker was not found: proposed for a curator, not stored (a stored claim needs a claimant). */
    public int unattributed() {
        return (int) article.claims().stream().filter(c -> c.claimant() == null).count();
    }

    /**
     * What extractArticle stores: the claims with a claimant, the actors they name, and responses
     * only to claims that are kept. A statement (STATES) is stored when its claimant speaks for a country (has one),
     * or is an outlet, a body or an international organisation telling of a country's party; others are left to the
     * preview: an analyst's, an athlete's, an executive's or unnamed sources' statement that tells of no act between
     * parties is no country's record ("Disney's chief said demand crashed the launch").
     * Allegations, denials and confirmations are stored whoever makes them ("rights groups accused Iran").
     */
    public ArticleInput storable() {
        Set<String> withCountry = new HashSet<>();
        Set<String> institutions = new HashSet<>();
        for (ActorInput a : article.actors()) {
            if (a.country() != null) {
                withCountry.add(a.key());
            }
            if (a.kind() == ActorKind.MEDIA || a.kind() == ActorKind.GOVERNMENT_BODY || a.kind() == ActorKind.INTERNATIONAL_ORGANIZATION) {
                institutions.add(a.key());
            }
        }
        Set<String> keptKeys = new HashSet<>();
        for (ClaimInput c : article.claims()) {
            if (kept(c, withCountry, institutions) && c.key() != null) {
                keptKeys.add(c.key());
            }
        }
        List<ClaimInput> claims = new ArrayList<>();
        Set<String> actorKeys = new HashSet<>();
        for (ClaimInput c : article.claims()) {
            if (!kept(c, withCountry, institutions)) {
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

    private boolean kept(ClaimInput c, Set<String> withCountry, Set<String> institutions) {
        if (c.claimant() == null) {
            return false;
        }
        if (c.stance() != Stance.STATES) {
            return true;
        }
        // a statement is the record of one who speaks for a country; or of an outlet, a body or an international
        // organisation ("the Foreign Ministry said", "the UN said"), or anyone telling of an act between parties
        // ("diplomatic sources said the president will visit Mauritania"), when a country's party is in it
        boolean toldAnAct = c.key() == null || !toldNoAct.contains(c.key());
        return withCountry.contains(c.claimant()) || (institutions.contains(c.claimant()) || toldAnAct)
                && (withCountry.contains(c.subject()) || c.counterparty() != null && withCountry.contains(c.counterparty())
                        || c.place() != null && withCountry.contains(c.place()));
    }
}
