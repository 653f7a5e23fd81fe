package org.allegationatlas.ingest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@RegisterForReflection(targets = { ArticleInput.class, ActorInput.class, AliasInput.class, ClaimInput.class }) // read by JSON-B from the seed
@Description("An article with its actors and claims, annotated by hand (or reviewed after extraction).")
@Input("ArticleInput")
public record ArticleInput(
        @NonNull @NotBlank @Size(max = 2048) @Description("Unique: sending it again replaces the article.") String url,
        @Size(max = 1000) String title,
        @Size(max = 200) String publisher,
        @NonNull @NotBlank @Size(max = 35) @Description("BCP-47 tag, e.g. \"id\".") String language,
        LocalDate publishedOn,
        @Size(max = 200) String dateline,
        @NonNull @NotBlank @Size(max = 1_000_000) String body,
        @NonNull @NotNull @Size(max = 500) List<@NonNull @NotNull @Valid ActorInput> actors,
        @NonNull @NotNull @Size(max = 2000) List<@NonNull @NotNull @Valid ClaimInput> claims) {
}
