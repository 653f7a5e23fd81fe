package org.allegationatlas.news;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.allegationatlas.article.ArticleEntity;
import org.allegationatlas.claim.ClaimOrigin;
import org.allegationatlas.common.ApiException;
import org.allegationatlas.common.Languages;
import org.allegationatlas.common.WriteLock;
import org.allegationatlas.extract.Extraction;
import org.allegationatlas.extract.Extractor;
import org.allegationatlas.extract.RawArticleInput;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.ContentHash;
import org.allegationatlas.ingest.IngestService;
import org.allegationatlas.ingest.IngestService.CheckedArticle;
import org.allegationatlas.news.fetch.FetchException;
import org.allegationatlas.news.fetch.FetchKind;
import org.allegationatlas.news.fetch.FetchedPage;
import org.allegationatlas.news.fetch.PageFetcher;
import org.allegationatlas.news.fetch.Validators;
import org.allegationatlas.news.read.PageReader;
import org.allegationatlas.news.read.ReadPage;
import org.apache.hc.client5.http.psl.PublicSuffixMatcher;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns a web page into a stored article, by one path for a page asked for (fetchArticle), a feed's item and a
 * saved page or web archive record: fetch ({@code news/fetch}), read ({@code news/read}), extract
 * ({@code extract/}), store ({@code ingest/}). An article is stored with its text even when no claim is found in
 * it (a better extractor can run over it later: {@code reextract}). The same article met again is never stored
 * twice ({@link KnownArticles}): a feed item or an archive record already known is skipped; fetchArticle
 * reads the page again and replaces the article of its address, as extractArticle does.
 */
@ApplicationScoped
public class NewsIngest {

    /** What a page's source says of its articles: a feed's language and publisher; nulls leave the page's own. */
    public record Source(String language, String publisher) {
        public static final Source PAGE = new Source(null, null);
    }

    /** A page fetched and read. */
    public record Reading(FetchedPage fetched, ReadPage page) {
    }

    /**
     * A page read and extracted, checked, ready to store: everything but the database done. {@code extracted} is false
     * when the extractor failed on its text: it is stored with its text alone, for a later {@code reextract}.
     */
    public record Prepared(CheckedArticle checked, Set<String> urls, String bodyHash, boolean extracted) {

        public String url() {
            return checked.input().url();
        }
    }

    public enum Outcome {
        /** Stored as a new article. */
        STORED,
        /** Already stored (same address or same text): nothing written. */
        SKIPPED
    }

    /** What became of a page: the article stored, or the one it was found to be. */
    public record Stored(Outcome outcome, long articleId, String url, int claims) {
    }

    private static final Logger LOG = Logger.getLogger(NewsIngest.class);
    private static final int MAX_URL = 2048;
    private static final int MAX_BODY = 1_000_000;

    @Inject
    PageFetcher fetcher;
    @Inject
    Extractor extractor;
    @Inject
    IngestService ingest;
    @Inject
    KnownArticles known;
    @Inject
    EntityManager em;

    private final PageReader reader = PageReader.withFunctionWords();

    /** The reader (pure: any thread, no network). */
    public PageReader reader() {
        return reader;
    }

    /** Fetches a page and reads it; a refused or failed fetch is a {@link PageFailure}. */
    public Reading fetchAndRead(String url) {
        String asked = checkUrl(url);
        FetchedPage fetched;
        try {
            fetched = fetcher.fetch(asked, Validators.NONE, FetchKind.PAGE);
        } catch (FetchException e) {
            throw PageFailure.of(e);
        }
        return new Reading(fetched, reader.read(fetched.body(), fetched.contentType(), fetched.finalUrl()));
    }

    /** The extraction of a page read, as extractArticle would make it; null when the page holds no article text. */
    public Extraction extract(ReadPage page, String storedUrl, Source source) {
        if (page.body().isBlank()) {
            return null;
        }
        return extractor.extract(raw(page, storedUrl, source));
    }

    /**
     * fetchArticle: fetches, reads, extracts and stores the page under its canonical address, replacing the
     * article stored there (its curated claims only when {@code replaceCurated}). When the same text is stored
     * under another address, that article is the answer and nothing is written but the address.
     */
    public ArticleEntity fetchArticle(String url, boolean replaceCurated) {
        Reading reading = fetchAndRead(url);
        Prepared prepared = prepare(reading.page(), reading.fetched().finalUrl(), false, Source.PAGE,
                List.of(reading.fetched().requestedUrl()));
        return QuarkusTransaction.requiringNew().call(() -> {
            WriteLock.acquire(em);
            boolean storedHere = !em.createNativeQuery("select 1 from article where url = :url").setParameter("url", prepared.url())
                    .getResultList().isEmpty();
            Long sameText = storedHere ? null : known.find(List.of(), prepared.bodyHash());
            ArticleEntity stored = sameText != null ? em.find(ArticleEntity.class, sameText)
                    : ingest.ingest(prepared.checked().input(), ClaimOrigin.EXTRACTED, replaceCurated);
            known.remember(stored.id, stored.url, prepared.urls());
            return stored;
        });
    }

    /**
     * A feed item: skipped without a fetch when its address is known, else fetched, read and stored unless its
     * canonical address or its text is known. Each step's failure is a {@link PageFailure}.
     */
    public Stored fetchNew(String url, Source source) {
        String asked = checkUrl(url);
        Long seen = known.find(List.of(asked), null);
        if (seen != null) {
            return new Stored(Outcome.SKIPPED, seen, asked, 0);
        }
        Reading reading = fetchAndRead(asked);
        Prepared prepared = prepareUnlessKnown(reading.page(), reading.fetched().finalUrl(), false, source, List.of(asked));
        if (prepared == null) {
            return skipped(reading.page(), reading.fetched().finalUrl(), List.of(asked));
        }
        return QuarkusTransaction.requiringNew().call(() -> storeNew(prepared));
    }

    /**
     * Reads the article of a page whose bytes the caller has (a saved page, an archive record) and prepares it,
     * or returns null when its address or text is known already. {@code trustCanonical}: the page's own
     * canonical address is taken whatever its site (a saved file has no fetched address to compare it with).
     */
    public Prepared prepareUnlessKnown(ReadPage page, String fetchedUrl, boolean trustCanonical, Source source,
            Collection<String> alsoMetAt) {
        if (page.body().isBlank()) {
            throw PageFailure.noArticle(fetchedUrl);
        }
        String storedUrl = storedUrl(page, fetchedUrl, trustCanonical);
        Set<String> urls = addresses(storedUrl, fetchedUrl, alsoMetAt);
        if (known.find(urls, ContentHash.ofBody(body(page))) != null) {
            return null;
        }
        return prepare(page, fetchedUrl, trustCanonical, source, alsoMetAt);
    }

    /** What {@link #prepareUnlessKnown} found known, as a result: the known article, its new addresses kept. */
    public Stored skipped(ReadPage page, String fetchedUrl, Collection<String> alsoMetAt) {
        String storedUrl = storedUrl(page, fetchedUrl, false);
        Set<String> urls = addresses(storedUrl, fetchedUrl, alsoMetAt);
        Long id = known.find(urls, ContentHash.ofBody(body(page)));
        return new Stored(Outcome.SKIPPED, id == null ? 0 : id, storedUrl, 0);
    }

    /**
     * Stores a prepared article unless, under the write lock, its address or text turns out known (another
     * replica or an earlier record of the same archive stored it meanwhile). In the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored storeNew(Prepared prepared) {
        WriteLock.acquire(em);
        Long same = known.find(prepared.urls(), prepared.bodyHash());
        if (same != null) {
            return new Stored(Outcome.SKIPPED, same, prepared.url(), 0);
        }
        ArticleEntity article = ingest.store(prepared.checked(), ClaimOrigin.EXTRACTED);
        known.remember(article.id, article.url, prepared.urls());
        return new Stored(Outcome.STORED, article.id, article.url, prepared.checked().input().claims().size());
    }

    /** Reads, extracts and checks; no database write. */
    public Prepared prepare(ReadPage page, String fetchedUrl, boolean trustCanonical, Source source, Collection<String> alsoMetAt) {
        if (page.body().isBlank()) {
            throw PageFailure.noArticle(fetchedUrl);
        }
        String storedUrl = storedUrl(page, fetchedUrl, trustCanonical);
        RawArticleInput raw = raw(page, storedUrl, source);
        ArticleInput article;
        boolean extracted = true;
        try {
            // claims whose speaker the text does not name are left out, as extractArticle leaves them
            article = extractor.extract(raw).storable();
        } catch (RuntimeException e) {
            // the text is worth keeping even when the extractor trips on it: reextract runs a fixed one over it later
            String incident = UUID.randomUUID().toString();
            LOG.warnf(e, "Extraction failed on %s (incident %s); the article is stored with its text alone", storedUrl, incident);
            // (the reader gives every page with text a language; only a page declaring a malformed one has none here)
            article = new ArticleInput(raw.url(), raw.title(), raw.publisher(), raw.language() != null ? raw.language() : "en",
                    raw.publishedOn(), null, raw.body(), List.of(), List.of());
            extracted = false;
        }
        CheckedArticle checked = ingest.check(article);
        return new Prepared(checked, addresses(storedUrl, fetchedUrl, alsoMetAt), ContentHash.ofBody(article.body()), extracted);
    }

    private static Set<String> addresses(String storedUrl, String fetchedUrl, Collection<String> alsoMetAt) {
        Set<String> urls = new LinkedHashSet<>();
        urls.add(storedUrl);
        if (fetchedUrl != null) {
            urls.add(fetchedUrl);
        }
        alsoMetAt.stream().filter(u -> u != null && !u.isBlank() && u.length() <= MAX_URL).forEach(urls::add);
        return urls;
    }

    /** The raw article for the extractor: the page's metadata, the source's language and publisher first. */
    static RawArticleInput raw(ReadPage page, String storedUrl, Source source) {
        String language = source.language() != null ? source.language() : language(page.language());
        String publisher = source.publisher() != null ? source.publisher() : page.publisher();
        return new RawArticleInput(storedUrl, clip(page.title(), 1000), clip(publisher, 200), language, page.publishedOn(),
                null, body(page));
    }

    /**
     * The address an article is stored under: the page's canonical one when it names its own site (the same
     * registrable domain as the address it was fetched from: www., m. and amp. pages name their main page), so
     * that a page cannot claim another site's article; the fetched one otherwise.
     */
    public static String storedUrl(ReadPage page, String fetchedUrl, boolean trustCanonical) {
        String canonical = page.canonicalUrl();
        if (canonical == null || canonical.isBlank() || canonical.length() > MAX_URL || !canonical.matches("(?i)https?://\\S+")) {
            return fetchedUrl;
        }
        if (trustCanonical || fetchedUrl == null || sameSite(canonical, fetchedUrl)) {
            return canonical;
        }
        return fetchedUrl;
    }

    private static final PublicSuffixMatcher SUFFIXES = PublicSuffixMatcherLoader.getDefault();

    static boolean sameSite(String a, String b) {
        try {
            String hostA = URI.create(a).getHost();
            String hostB = URI.create(b).getHost();
            if (hostA == null || hostB == null) {
                return false;
            }
            hostA = hostA.toLowerCase(Locale.ROOT);
            hostB = hostB.toLowerCase(Locale.ROOT);
            if (hostA.equals(hostB)) {
                return true;
            }
            String rootA = SUFFIXES.getDomainRoot(hostA);
            return rootA != null && rootA.contains(".") && rootA.equals(SUFFIXES.getDomainRoot(hostB));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The page's declared language when it is a BCP-47 tag; else none (the extractor detects it from the text). */
    private static String language(String tag) {
        try {
            return Languages.canonical(tag, "language");
        } catch (ApiException notATag) {
            return null;
        }
    }

    /** The body, cut at a paragraph's end to what an article may hold. */
    private static String body(ReadPage page) {
        String body = page.body();
        if (body.length() <= MAX_BODY) {
            return body;
        }
        int cut = body.lastIndexOf("\n\n", MAX_BODY);
        return body.substring(0, cut > 0 ? cut : MAX_BODY).strip();
    }

    private static String clip(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1).strip() + "…";
    }

    /** A URL the fetcher may be asked for: present and not longer than an article's address may be. */
    public static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.validation("url: give the address of a web page, e.g. https://example.org/news/1");
        }
        String u = url.strip();
        if (u.length() > MAX_URL) {
            throw ApiException.validation("url: " + u.length() + " characters is longer than the " + MAX_URL + " an address may have");
        }
        return u;
    }
}
