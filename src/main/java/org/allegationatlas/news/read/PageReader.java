package org.allegationatlas.news.read;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Reads the article of an HTML page: no network, no database. */
public final class PageReader {

    public ReadPage read(byte[] html, String contentTypeHeader, String url) {
        String text = PageCharset.decode(html, contentTypeHeader);
        Document document = Jsoup.parse(text, url == null ? "" : url);
        String title = document.title();
        String body = String.join("\n\n", ArticleBody.paragraphs(document.body(), title));
        return new ReadPage(url, url, title, null, null, null, body);
    }
}
