package org.allegationatlas.extract;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ExtractionPreview")
@Description("What extractArticle would store, stored nowhere.")
public record ExtractionPreview(
        @NonNull ProposedArticle proposal,
        @Description("Curated claims stored for this url now: extractArticle keeps them unless told replaceCurated: true.")
        int curatedClaims,
        @Description("Proposed claims without a claimant: no speaker was found in the text (never the publisher or the url's "
                + "host). A curator may name one and store them with ingestArticle; extractArticle leaves them out.")
        int unattributedClaims) {

    /**
     * What previewExtraction answers for an extraction whose storable part passed ingest's checks (in
     * {@code language}, as they spelled it), with the curated claims stored at its url now.
     */
    public static ExtractionPreview of(Extraction extraction, String language, int curatedClaims) {
        return new ExtractionPreview(ProposedArticle.of(extraction.article(), language), curatedClaims, extraction.unattributed());
    }
}
