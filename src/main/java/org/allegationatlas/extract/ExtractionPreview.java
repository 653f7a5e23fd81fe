package org.allegationatlas.extract;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ExtractionPreview")
@Description("What extractArticle would store, stored nowhere.")
public record ExtractionPreview(
        @NonNull ProposedArticle proposal,
        @Description("Curated claims stored for this url now: extractArticle keeps them unless told replaceCurated: true.")
        int curatedClaims) {
}
