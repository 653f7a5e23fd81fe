package org.allegationatlas.news;

import java.time.LocalDate;

import org.allegationatlas.article.Article;
import org.allegationatlas.extract.ExtractionPreview;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PagePreview")
@Description("A web page as the service reads it, and what extraction proposes for it: nothing is stored.")
public record PagePreview(
        @NonNull @Description("Where the page came from, after redirects.") String url,
        @Description("The page's own name for itself (link rel=canonical, og:url, JSON-LD url); the url when it names none.")
        String canonicalUrl,
        @NonNull @Description("The address fetchArticle stores it under: the canonical url when it is on the page's own site, "
                + "else the url.") String articleUrl,
        @Description("The headline, without the site's name.") String title,
        @Description("The outlet, as the page names it.") String publisher,
        @Description("The day of first publication, when the page states it.") LocalDate publishedOn,
        @Description("BCP-47 tag: as the page declares it, else guessed from the text (\"id\" or \"en\").") String language,
        @NonNull @Description("The article's text, paragraphs separated by a blank line; empty when the page holds no article.")
        String body,
        @Description("The page was longer than atlas.fetch.max-page-size and only its start was read.") boolean truncated,
        @Description("What extraction proposes, as previewExtraction gives it; null when the page holds no article text.")
        ExtractionPreview extraction,
        @Description("The stored article this page is (same address or same text), if any: fetchArticle would replace it "
                + "when it is at articleUrl, else answer it.") Article stored) {
}
