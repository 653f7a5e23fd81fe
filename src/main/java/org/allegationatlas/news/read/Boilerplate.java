package org.allegationatlas.news.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
     * Class or id words naming page furniture for certain: such a part is left out of the scoring and of the
     * article, unless it holds most of the text around it. Matched against the words of each class name and of the
     * id, lower-cased (split at '-', '_' and camelCase).
     */
    private static final Set<String> FURNITURE_WORD = words(
            "share|sharing|sharebar|sharetools|social|socials|sociallinks",
            "comments?|commenting|disqus",
            "related|recommended|recommendations?|popular|trending|mostread|outbrain|taboola",
            "newsletters?|subscribe|signup|paywall",
            "promo|promotion|promoted|advert|advertisement|advertising|ads?|adslot|adunit|adsense|sponsor|sponsored|banner|skyscraper|leaderboard",
            "sidebar",
            "cookies?|consent|gdpr|modal|popup",
            "breadcrumbs?|nav|navbar|navigation|menu|masthead|footer");

    /**
     * Class or id words that make a small part inside the article furniture: captions, bylines, tags, media,
     * the headline, links elsewhere. Too common in wrappers' names to decide more than that.
     */
    private static final Set<String> MINOR_WORD = words(
            "captions?|credits?|figcaption|byline|bylines|author|authors|dateline|timestamp|meta|metadata|info|bio|avatar",
            "tags?|tagged|tagcloud|topics|keywords|categories",
            "hidden|hide|invisible|screenreader|sr|visually|print|noprint|skip",
            "gallery|slideshow|carousel|slider|media|thumbnail|thumbs?",
            "rss|feed|follow|email|mail|likes?",
            "headline|title|kicker|eyebrow|cta|disclaimer|copyright|legal|contact",
            "more|readmore|read|next|prev|previous|pagination|pager|header|toolbar|tools|utility|rail",
            "widgets?|alert|notice|overlay|lightbox|partner|affiliate|commercial|dfp|gpt|replies|respond|discussion",
            "login|register|membership|piano|subscription");

    /** Class or id words that say the element is the article's text: never boilerplate. */
    private static final Set<String> CONTENT_WORD = words(
            "article|articlebody|body|content|entry|main|post|story|text|hentry|blog|prose|richtext|rte|copy|paragraph");

    private Boilerplate() {
    }

    /** The element's own names (class and id) mark it as page furniture, and none of them as the article's text. */
    static boolean namedFurniture(Element e) {
        return named(e, FURNITURE_WORD);
    }

    /** Furniture, or one of the names of small parts inside an article (caption, byline, tags, media ...). */
    static boolean namedMinor(Element e) {
        return named(e, FURNITURE_WORD) || named(e, MINOR_WORD);
    }

    private static boolean named(Element e, Set<String> furniture) {
        String names = names(e);
        if (names.isEmpty()) {
            return false;
        }
        boolean found = false;
        for (String name : names.split("\\s+")) {
            List<String> words = split(name);
            // "article-body", "entry-content": the article's text, whatever else the element is called
            if (!words.isEmpty() && allContent(words)) {
                return false;
            }
            if (!found) {
                found = any(words, furniture);
            }
        }
        return found;
    }

    /** One of the element's names is made of content words only ("article-body", "entry-content", "story"). */
    static boolean namedContent(Element e) {
        String names = names(e);
        if (names.isEmpty()) {
            return false;
        }
        for (String name : names.split("\\s+")) {
            List<String> words = split(name);
            if (!words.isEmpty() && allContent(words)) {
                return true;
            }
        }
        return false;
    }

    /** A word of one of the element's names says content ("main-wrapper", "article-comments"). */
    static boolean anyContentWord(Element e) {
        for (String name : names(e).split("\\s+")) {
            for (String word : split(name)) {
                if (CONTENT_WORD.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean allContent(List<String> words) {
        for (String word : words) {
            if (!CONTENT_WORD.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean any(List<String> words, Set<String> set) {
        for (String word : words) {
            if (set.contains(word)) {
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

    /** "socialShare-bar_top" -> social, share, bar, top (lower-cased; digits end a word and are dropped). */
    static List<String> split(String name) {
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder();
        char previous = ' ';
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter || (c >= 'A' && c <= 'Z' && previous >= 'a' && previous <= 'z')) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            }
            if (letter) {
                word.append(Character.toLowerCase(c));
            }
            previous = c;
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** "comments?|nav" -> comment, comments, nav. */
    private static Set<String> words(String... alternatives) {
        Set<String> words = new HashSet<>();
        for (String group : alternatives) {
            for (String word : group.split("\\|")) {
                if (word.endsWith("?")) {
                    String stem = word.substring(0, word.length() - 2);
                    words.add(stem);
                    words.add(stem + word.charAt(word.length() - 2));
                } else {
                    words.add(word);
                }
            }
        }
        return Set.copyOf(words);
    }
}
