package org.allegationatlas.news.feeds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * A feed's document read by Rome (RSS 0.9x, 1.0, 2.0 and Atom 0.3, 1.0, whatever their charset): its title and
 * items, each with the key it is known by (its guid or id, else its link) and the address of its page. No network,
 * no database. Rome refuses DOCTYPEs, so no external entity is ever read.
 */
public record FeedDocument(String title, List<Item> items) {

    /**
     * One item of a feed.
     *
     * @param key the item's guid (RSS) or id (Atom), else its link: what tells a new item from one seen before
     * @param url its page's absolute http(s) address; null when it names none (an item without a link)
     */
    public record Item(String key, String url, String title) {
    }

    /** The document is not a feed Rome can read; the message says why, for the feed's error. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads a feed.
     *
     * @param body the feed's bytes as received
     * @param contentType the Content-Type header (its charset), may be null
     * @param url the feed's address, against which relative links are resolved
     */
    public static FeedDocument read(byte[] body, String contentType, String url) throws Unreadable {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            feed = input.build(new XmlReader(new ByteArrayInputStream(body), contentType, true));
        } catch (FeedException | IOException | IllegalArgumentException | IllegalStateException e) {
            throw new Unreadable("not a readable RSS or Atom feed: " + firstLine(e));
        }
        List<Item> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = pageUrl(entry, url);
            String key = firstPresent(entry.getUri(), link, entry.getLink());
            if (key != null) {
                items.add(new Item(key.strip(), link, entry.getTitle() == null ? null : entry.getTitle().strip()));
            }
        }
        String title = feed.getTitle() == null || feed.getTitle().isBlank() ? null : feed.getTitle().strip();
        return new FeedDocument(title, List.copyOf(items));
    }

    /** An HTML page's links to its feeds ({@code <link rel="alternate" type="application/rss+xml" href>}), absolute. */
    public static List<String> feedLinks(byte[] html, String contentType, String url) {
        Document page = Jsoup.parse(new String(html, charset(contentType)), url);
        Set<String> links = new LinkedHashSet<>();
        for (Element link : page.select("link[rel~=(?i)alternate][href]")) {
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            if (type.contains("rss") || type.contains("atom") || type.contains("rdf") || type.contains("feed")) {
                String href = link.absUrl("href");
                if (href.matches("(?i)https?://\\S+")) {
                    links.add(href);
                }
            }
        }
        return List.copyOf(links);
    }

    /** The item's page: its alternate link, its link, or its guid when that is an address (RSS permalinks). */
    private static String pageUrl(SyndEntry entry, String feedUrl) {
        List<String> candidates = new ArrayList<>();
        for (SyndLink link : entry.getLinks()) {
            if (link.getRel() == null || link.getRel().equalsIgnoreCase("alternate")) {
                candidates.add(link.getHref());
            }
        }
        candidates.add(entry.getLink());
        candidates.add(entry.getUri());
        for (String candidate : candidates) {
            String absolute = absolute(candidate, feedUrl);
            if (absolute != null) {
                return absolute;
            }
        }
        return null;
    }

    private static String absolute(String href, String base) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI resolved = base == null ? URI.create(href.strip()) : URI.create(base).resolve(href.strip());
            String scheme = resolved.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) && resolved.getHost() != null
                    ? resolved.toString()
                    : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static java.nio.charset.Charset charset(String contentType) {
        if (contentType != null) {
            int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (at >= 0) {
                try {
                    return java.nio.charset.Charset.forName(contentType.substring(at + 8).replace("\"", "").split(";")[0].strip());
                } catch (RuntimeException unknown) {
                    // the page's own meta tag is enough for the few ASCII links we look for
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? e.getMessage() : root.getMessage();
        return message == null ? "the document could not be parsed" : message.lines().findFirst().orElse(message).strip();
    }
}
