package org.allegationatlas.news.read;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.allegationatlas.extract.lexicon.ResourceFiles;
import org.allegationatlas.extract.text.LanguageDetector;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads the article of an HTML page: its text, headline, publisher, date, language and canonical address. No network,
 * no database, no state between pages: one instance serves any number of threads.
 * <p>
 * The bytes are decoded by {@link PageCharset}, parsed by jsoup (as a browser would), described by
 * {@link PageMetadata} (the page's own JSON-LD and meta tags first) and read by {@link ArticleBody}. A page in no
 * declared language gets the function-word guess of {@link LanguageDetector} ("id" or "en") from its body.
 */
public final class PageReader {

    private final LanguageDetector languageGuess;

    public PageReader(LanguageDetector languageGuess) {
        this.languageGuess = Objects.requireNonNull(languageGuess);
    }

    /** A reader guessing undeclared languages by the extraction's own function-word list (extract/lexicon/function-words.tsv). */
    public static PageReader withFunctionWords() {
        Set<String> indonesian = new HashSet<>();
        Set<String> english = new HashSet<>();
        List<String> affixes = List.of();
        for (String[] row : ResourceFiles.tsv("extract/lexicon/function-words.tsv")) {
            switch (row[0]) {
                case LanguageDetector.INDONESIAN -> indonesian.addAll(List.of(row[1].split(" ")));
                case LanguageDetector.ENGLISH -> english.addAll(List.of(row[1].split(" ")));
                case "id-affix" -> affixes = List.of(row[1].split(" "));
                default -> {
                }
            }
        }
        return new PageReader(new LanguageDetector(Set.copyOf(indonesian), Set.copyOf(english), affixes));
    }

    /**
     * The article on a page.
     *
     * @param html the page's bytes as received
     * @param contentTypeHeader the response's Content-Type header, for its charset; may be null
     * @param url the address the page came from (resolves relative links, dates in the path); may be null
     */
    public ReadPage read(byte[] html, String contentTypeHeader, String url) {
        if (!isMarkup(html, contentTypeHeader)) {
            return new ReadPage(url, url, null, null, null, null, "");
        }
        Document document = Jsoup.parse(PageCharset.decode(html, contentTypeHeader), url == null ? "" : url);
        PageMetadata meta = PageMetadata.read(document, url);
        String body = String.join("\n\n", ArticleBody.paragraphs(document.body(), meta.headlines(), meta.visibleHeadline(), meta.statedBody()));
        String language = meta.language();
        if (language == null && !body.isEmpty()) {
            language = languageGuess.detect(body);
        }
        return new ReadPage(url, meta.canonicalUrl(), meta.title(), meta.publisher(), meta.publishedOn(), language, body);
    }

    /** HTML or XHTML by the header when it names a type, text (no NUL byte in its first kilobyte) by the bytes when not. */
    private static boolean isMarkup(byte[] bytes, String contentTypeHeader) {
        if (contentTypeHeader != null && !contentTypeHeader.isBlank()) {
            String type = contentTypeHeader.toLowerCase(java.util.Locale.ROOT);
            return type.contains("html") || type.contains("xml") || type.startsWith("text/");
        }
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        for (int i = 0; !utf16 && i < Math.min(bytes.length, 1024); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return true;
    }
}
