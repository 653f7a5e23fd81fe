package org.allegationatlas.news.read;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A check of the paragraphs found against the text a page states as its article in JSON-LD ({@code articleBody}),
 * where it does (hand-written). That text is often cut short, flattened or stale, so it is not the body; but when
 * the paragraphs found hold less than half of its words, the wrong part of the page was read: the body is then read
 * from the element whose text matches the stated text best.
 */
final class StatedBody {

    private static final int MIN_WORDS = 80;

    private StatedBody() {
    }

    static List<String> check(List<String> found, String statedBody, Element body, TextStats stats, List<String> headlines) {
        if (statedBody == null) {
            return found;
        }
        String stated = statedBody.indexOf('<') >= 0 ? Jsoup.parseBodyFragment(statedBody).text() : statedBody;
        Map<String, Integer> expected = words(stated);
        int expectedCount = count(expected);
        if (expectedCount < MIN_WORDS) {
            return found;
        }
        Map<String, Integer> got = words(String.join(" ", found));
        double coverage = (double) common(expected, got) / expectedCount;
        if (coverage >= 0.5) {
            return found;
        }
        // the element that holds the stated text, and little else
        int statedLength = stated.length();
        Element best = null;
        double bestF1 = f1(expected, expectedCount, got);
        for (Element e : body.getAllElements()) {
            int length = stats.text(e);
            if (length < statedLength * 0.5 || length > statedLength * 4) {
                continue;
            }
            Map<String, Integer> words = words(e.text());
            double f1 = f1(expected, expectedCount, words);
            if (f1 > bestF1 + 0.2) {
                best = e;
                bestF1 = f1;
            }
        }
        return best == null ? found : ArticleBody.paragraphsOf(best, stats, headlines);
    }

    private static double f1(Map<String, Integer> expected, int expectedCount, Map<String, Integer> got) {
        int gotCount = count(got);
        if (gotCount == 0) {
            return 0;
        }
        int common = common(expected, got);
        double recall = (double) common / expectedCount;
        double precision = (double) common / gotCount;
        return recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
    }

    private static int common(Map<String, Integer> a, Map<String, Integer> b) {
        int n = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            n += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
        }
        return n;
    }

    private static int count(Map<String, Integer> words) {
        int n = 0;
        for (int c : words.values()) {
            n += c;
        }
        return n;
    }

    /** Lower-cased runs of letters and digits, counted. */
    static Map<String, Integer> words(String text) {
        Map<String, Integer> words = new HashMap<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.merge(text.substring(start, i).toLowerCase(Locale.ROOT), 1, Integer::sum);
                start = -1;
            }
        }
        return words;
    }
}
