package org.allegationatlas.claim;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a person annotated the claim or the extractor found it.")
public enum ClaimOrigin {
    CURATED, EXTRACTED
}
