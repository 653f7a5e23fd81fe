package org.allegationatlas.claim;

import org.eclipse.microprofile.graphql.Description;

@Description("Order of a claim list: by statedOn (claims without a date last), then newest stored first.")
public enum ClaimOrder {
    STATED_ON_DESC, STATED_ON_ASC
}
