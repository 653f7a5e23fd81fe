package org.allegationatlas.news.read;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * What a page's markup says about a part of it: the tags and class/id names that mark navigation, sharing,
 * comments, related links, captions and the like (hand-written: no library names them; the lists follow
 * Readability.js's and trafilatura's), and the names that mark the article's own text.
 */
final class Boilerplate {

    /** Never the article's text: removed before anything is read. */
    static final Set<String> JUNK_TAGS = Set.of("script", "style", "noscript", "template", "svg", "math", "canvas",
            "iframe", "object", "embed", "video", "audio", "source", "picture", "img", "input", "button", "select",
            "textarea", "option", "link", "meta", "dialog", "map", "head", "title");

    /** Parts of a page, not of an article. */
    static final Set<String> BOILERPLATE_TAGS = Set.of("nav", "aside", "footer", "figcaption", "menu", "form");

    /**
     * A class or id naming page furniture. Matched against each class name and the id, lower-cased, as whole
     * words of it (words split at '-', '_' and camelCase).
     */
    private static final Pattern BOILERPLATE_NAME = Pattern.compile(String.join("|",
            "share|sharing|sharebar|sharetools|social|socials|sociallinks|likes?",
            "comments?|commenting|disqus|replies|respond|discussion",
            "related|recommended|recommendations?|more|popular|trending|mostread|most|outbrain|taboola|readmore|read|next|prev|previous|pagination|pager",
            "newsletters?|subscribe|subscription|signup|sign|paywall|piano|register|login|membership",
            "promo|promotion|promoted|advert|advertisement|advertising|ads?|adslot|adunit|adsense|dfp|gpt|sponsor|sponsored|partner|affiliate|commercial|banner|skyscraper|leaderboard",
            "sidebar|side|rail|widgets?|toolbar|tools|utility|util",
            "cookies?|consent|gdpr|notice|alert|modal|popup|overlay|lightbox",
            "breadcrumbs?|crumbs?|nav|navbar|navigation|menu|masthead|header|footer|foot|topbar|bottom",
            "captions?|credits?|figcaption|byline|bylines|author|authors|dateline|timestamp|meta|metadata|info|bio|avatar",
            "tags?|tagged|tagcloud|topics|keywords|categories",
            "hidden|hide|invisible|screenreader|sr|visually|print|noprint|skip",
            "gallery|slideshow|carousel|slider|video|player|media|embed|thumbnail|thumbs?",
            "rss|feed|follow|print|email|mail|whatsapp|facebook|twitter|pinterest|linkedin|reddit",
            "headline|title|kicker|eyebrow|subscribe|cta|disclaimer|copyright|legal|contact|newsletter"));

    /** Class or id words that say the element is the article's text: never boilerplate. */
    private static final Pattern CONTENT_NAME = Pattern.compile(
            "article|articlebody|body|content|entry|main|post|story|text|hentry|blog|prose|richtext|rte|copy|paragraph");

    private Boilerplate() {
    }

    /** The element's own names (class and id) mark it as page furniture and nothing marks it as content. */
    static boolean namedBoilerplate(Element e) {
        String names = names(e);
        if (names.isEmpty()) {
            return false;
        }
        boolean boilerplate = false;
        for (String name : names.split("\\s+")) {
            String[] words = words(name);
            // "article-body", "entry-content": the article's text, whatever else the element is called
            if (words.length > 0 && allContent(words)) {
                return false;
            }
            if (!boilerplate) {
                boilerplate = anyBoilerplate(words);
            }
        }
        return boilerplate;
    }

    /** One of the element's names is made of content words only ("article-body", "entry-content", "story"). */
    static boolean namedContent(Element e) {
        String names = names(e);
        if (names.isEmpty()) {
            return false;
        }
        for (String name : names.split("\\s+")) {
            String[] words = words(name);
            if (words.length > 0 && allContent(words)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allContent(String[] words) {
        for (String word : words) {
            if (!word.isEmpty() && !CONTENT_NAME.matcher(word).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyBoilerplate(String[] words) {
        for (String word : words) {
            if (BOILERPLATE_NAME.matcher(word).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The class names and the id, space separated. */
    static String names(Element e) {
        String className = e.className();
        String id = e.id();
        if (id.isEmpty()) {
            return className;
        }
        return className.isEmpty() ? id : className + " " + id;
    }

    /** "socialShare-bar_top" -> social, share, bar, top. */
    static String[] words(String name) {
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.split("[^a-z0-9]+");
    }
}
