package org.allegationatlas.news.read;

import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads the article of an HTML page: no network, no database. */
public final class PageReader {

    public ReadPage read(byte[] html, String contentTypeHeader, String url) {
        String text = PageCharset.decode(html, contentTypeHeader);
        Document document = Jsoup.parse(text, url == null ? "" : url);
        String body = document.select("p").stream().map(Element::text).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining("\n\n"));
        return new ReadPage(url, url, document.title(), null, null, null, body);
    }
}
