package org.allegationatlas.news;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.allegationatlas.article.Article;
import org.allegationatlas.article.ArticleService;
import org.allegationatlas.auth.Roles;
import org.allegationatlas.extract.Extraction;
import org.allegationatlas.extract.ExtractionPreview;
import org.allegationatlas.ingest.ContentHash;
import org.allegationatlas.ingest.IngestService;
import org.allegationatlas.news.NewsIngest.Reading;
import org.allegationatlas.news.NewsIngest.Source;
import org.allegationatlas.news.read.ReadPage;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Pages from the web, by their address. A fetch may take up to atlas.fetch.deadline (60 s: robots.txt, the host's
 * turn, redirects, retries), longer than atlas.graphql.timeout (10 s). That deadline (common/RequestDeadline) is
 * checked before a field starts, so the root field that fetches always runs to its end and reports what it did;
 * what it answers is records whose fields are plain properties, which the deadline never stops.
 */
@GraphQLApi
public class NewsGraphQL {

    @Inject
    NewsIngest news;
    @Inject
    IngestService ingest;
    @Inject
    KnownArticles known;
    @Inject
    ArticleService articles;

    @Query
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Fetch a web page and read it as the service would store it: its text, title, publisher, date, language and "
            + "canonical address, with what extraction proposes for it. Stores nothing; needs an editor token. A fetch the "
            + "service refuses (a private address, a scheme other than http(s), robots.txt, not a web page) is FETCH_REFUSED, "
            + "one the site failed (an HTTP error, a timeout, the network) FETCH_FAILED; the message says why.")
    public PagePreview previewPage(@NonNull String url) {
        Reading reading = news.fetchAndRead(url);
        ReadPage page = reading.page();
        String fetched = reading.fetched().finalUrl();
        String articleUrl = NewsIngest.storedUrl(page, fetched, false);
        ExtractionPreview preview = null;
        if (!page.body().isBlank()) {
            Extraction extraction = news.extract(page, articleUrl, Source.PAGE);
            // what fetchArticle would store passes ingest's checks, as previewExtraction makes sure
            var checked = ingest.check(extraction.storable());
            preview = ExtractionPreview.of(extraction, checked.language(), ingest.curatedClaimsAt(articleUrl));
        }
        Long storedId = page.body().isBlank() ? null
                : known.find(List.of(articleUrl, fetched, reading.fetched().requestedUrl()), ContentHash.ofBody(page.body()));
        return new PagePreview(fetched, page.canonicalUrl(), articleUrl, page.title(), page.publisher(), page.publishedOn(),
                page.language(), page.body(), reading.fetched().truncated(), preview,
                storedId == null ? null : articles.byId(storedId));
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Fetch a web page, read it, extract its actors and claims and store it under its canonical address (claims of "
            + "origin EXTRACTED; the article is stored with its text even when no claim is found). Fetching the same page again "
            + "replaces that article and its claims, except curated ones: an article with curated claims is refused (CONFLICT) "
            + "unless replaceCurated is true. A page whose text is already stored under another address is that article: "
            + "nothing is stored twice. Errors as previewPage's, and NO_ARTICLE for a page without article text.")
    public Article fetchArticle(@NonNull String url, @DefaultValue("false") boolean replaceCurated) {
        return Article.of(news.fetchArticle(url, replaceCurated));
    }
}
