package org.allegationatlas.claim;

import org.eclipse.microprofile.graphql.Description;

@Description("What a claim is about.")
public enum ClaimCategory {
    ARMS_TRANSFER, MILITARY_SUPPORT, SANCTIONS_VIOLATION, DIPLOMATIC_RECOGNITION, LABOR_TRANSFER, CONCEALMENT, OTHER
}
