package org.allegationatlas.claim;

import java.util.function.Function;

/** The lists of claims that hang off a country or an actor: which column groups them, and which stance they need. */
public enum ClaimList {
    /** Allegations whose subject is affiliated with the country. */
    AGAINST("subject_country", true, c -> c.subjectCountry),
    /** Allegations whose claimant is affiliated with the country. */
    BY("claimant_country", true, c -> c.claimantCountry),
    /** Claims whose counterparty is affiliated with the country. */
    IMPLICATING("counterparty_country", false, c -> c.counterpartyCountry),
    /** Claims an actor made. */
    MADE_BY("claimant_id", false, c -> c.claimantId),
    /** Claims about an actor. */
    ABOUT("subject_id", false, c -> c.subjectId);

    final String column;
    final boolean allegationsOnly;
    final Function<ClaimEntity, Object> keyOf;

    ClaimList(String column, boolean allegationsOnly, Function<ClaimEntity, Object> keyOf) {
        this.column = column;
        this.allegationsOnly = allegationsOnly;
        this.keyOf = keyOf;
    }
}
