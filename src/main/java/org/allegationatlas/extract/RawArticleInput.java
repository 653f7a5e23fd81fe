package org.allegationatlas.extract;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An article as published, without annotations: extractArticle finds its actors and claims.")
@Input("RawArticleInput")
public record RawArticleInput(
        @NonNull @NotBlank @Size(max = 2048)
        @Pattern(regexp = "[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+", message = "must be an absolute URL or URN, e.g. https://example.org/news/1")
        @Description("Unique: sending it again replaces the article.") String url,
        @Size(max = 1000) String title,
        @Size(max = 200) String publisher,
        @Size(max = 35) @Description("BCP-47 tag; detected (\"id\" or \"en\") when absent.") String language,
        LocalDate publishedOn,
        @Size(max = 200) String dateline,
        @NonNull @NotBlank @Size(max = 1_000_000) String body) {
}
