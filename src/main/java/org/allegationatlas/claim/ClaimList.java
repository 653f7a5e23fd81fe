package org.allegationatlas.claim;


/** The lists of claims that hang off a country or an actor: which column groups them, and which stance they need. */
public enum ClaimList {
    /** Allegations whose subject is affiliated with the country. */
    AGAINST("subject_country", true),
    /** Allegations whose claimant is affiliated with the country. */
    BY("claimant_country", true),
    /** Claims whose counterparty is affiliated with the country. */
    IMPLICATING("counterparty_country", false),
    /** Claims an actor made. */
    MADE_BY("claimant_id", false),
    /** Claims about an actor. */
    ABOUT("subject_id", false);

    final String column;
    final boolean allegationsOnly;

    ClaimList(String column, boolean allegationsOnly) {
        this.column = column;
        this.allegationsOnly = allegationsOnly;
    }
}
