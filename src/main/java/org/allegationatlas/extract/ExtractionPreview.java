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
        @Description("Proposed claims without a claimant: the text names no speaker that was found, and no publisher is known "
                + "to state them (an act reported with no speaker is the publisher's statement, when the input, the dateline or "
                + "the url's domain names a known outlet; a bare host name never speaks). A curator may name one and store them "
                + "with ingestArticle; extractArticle leaves them out.")
        int unattributedClaims) {

    /**
     * What previewExtraction answers for an extraction whose storable part passed ingest's checks (in
     * {@code language}, as they spelled it), with the curated claims stored at its url now.
     */
    public static ExtractionPreview of(Extraction extraction, String language, int curatedClaims) {
        return new ExtractionPreview(ProposedArticle.of(extraction.article(), language), curatedClaims, extraction.unattributed());
    }
}
