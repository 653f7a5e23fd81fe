package org.allegationatlas.claim;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether the claimant alleges, denies, confirms or simply states what the claim says.")
public enum Stance {
    ALLEGES, DENIES, CONFIRMS, STATES
}
