package org.allegationatlas.article;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;

/** Conditions on articles, combined with AND; GraphQL name ArticleFilterInput. */
public record ArticleFilter(
        @Description("BCP-47 tag, e.g. \"id\".") String language,
        @Description("Publisher's name, case-insensitive.") String publisher,
        LocalDate publishedFrom,
        LocalDate publishedTo,
        @Description("Words found in the title or the body (case-insensitive).") String text) {
}
