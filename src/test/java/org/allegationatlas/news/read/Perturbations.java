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
 * <li>{@code splitarticle}: the article's paragraphs cut in two at the middle, the second half moved into a div of
 * its own after a box of links (an article interrupted by a "related" box or an ad, in two containers).</li>
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
                case "splitarticle" -> split(page, truth.get(sha).get("articleBody").asText());
                default -> throw new IllegalArgumentException("no perturbation " + name);
            }
            page.charset(StandardCharsets.UTF_8);
            changed.put(sha, page.outerHtml().getBytes(StandardCharsets.UTF_8));
        }
        return changed;
    }

    /** The parent of most of the article's paragraphs, cut in two at its middle paragraph. */
    private static void split(Document page, String trueBody) {
        String body = Paragraphs.normalized(trueBody);
        java.util.Map<Element, Integer> parents = new java.util.IdentityHashMap<>();
        for (Element p : page.body().select("p")) {
            String text = Paragraphs.normalized(p.text());
            if (text.length() > 40 && body.contains(text) && p.parent() != null) {
                parents.merge(p.parent(), 1, Integer::sum);
            }
        }
        Element parent = parents.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(null);
        if (parent == null || parents.get(parent) < 4) {
            return;
        }
        List<Element> children = new ArrayList<>(parent.children());
        int middle = children.size() / 2;
        Element second = new Element("div");
        for (Element child : children.subList(middle, children.size())) {
            child.remove();
            second.appendChild(child);
        }
        Element links = new Element("div");
        Element list = links.appendElement("ul");
        for (int i = 1; i <= 5; i++) {
            list.appendElement("li").appendElement("a").attr("href", "/story-" + i).text("Another story everybody is reading today, number " + i);
        }
        parent.after(second);
        parent.after(links);
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
