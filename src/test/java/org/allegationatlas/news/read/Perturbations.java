package org.allegationatlas.news.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The benchmark's pages changed to show a class of page the dev pages have few of, the true body unchanged: a
 * validation of the reader's safety nets on every dev page rather than on the one page a rule was written for
 * ({@code -Dperturb=NAME}, bench/read-pages.sh PERTURB=NAME):
 * <ul>
 * <li>{@code nonames}: no class or id anywhere (a site whose names the reader's word lists do not know);</li>
 * <li>{@code appendstory}: another page's article, under its own h2 headline, in unnamed divs at the end of the body
 * (the next story loaded below, an unnamed comment thread);</li>
 * <li>{@code prependstory}: the same at the start of the body (a block of teasers above the article).</li>
 * </ul>
 * The other article is the true body of the page eleven places further in the list, so it is as long as articles are.
 */
final class Perturbations {

    private Perturbations() {
    }

    static Map<String, byte[]> apply(String name, Map<String, byte[]> pages, JsonNode truth, Map<String, String> urls) {
        List<String> shas = new ArrayList<>(pages.keySet());
        Map<String, byte[]> changed = new LinkedHashMap<>();
        for (int i = 0; i < shas.size(); i++) {
            String sha = shas.get(i);
            Document page = Jsoup.parse(PageCharset.decode(pages.get(sha), null), urls.get(sha));
            String other = truth.get(shas.get((i + 11) % shas.size())).get("articleBody").asText();
            switch (name) {
                case "nonames" -> page.getAllElements().forEach(e -> e.removeAttr("class").removeAttr("id"));
                case "appendstory" -> page.body().appendChild(story(other));
                case "prependstory" -> page.body().prependChild(story(other));
                default -> throw new IllegalArgumentException("no perturbation " + name);
            }
            page.charset(StandardCharsets.UTF_8);
            changed.put(sha, page.outerHtml().getBytes(StandardCharsets.UTF_8));
        }
        return changed;
    }

    private static Element story(String text) {
        Element story = new Element("div");
        story.appendElement("h2").text("Another story");
        Element body = story.appendElement("div");
        for (String paragraph : text.split("\\n+")) {
            if (!paragraph.isBlank()) {
                body.appendElement("p").text(paragraph);
            }
        }
        return story;
    }
}
