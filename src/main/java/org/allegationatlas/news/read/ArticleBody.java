package org.allegationatlas.news.read;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Finds the article's text in a parsed page (hand-written: jsoup parses, nothing in it tells an article from
 * the page around it). Two steps, after Readability.js and trafilatura:
 * <ol>
 * <li><b>the container</b>: every paragraph scores by its length and commas, its score goes to its parent,
 * half to its grandparent and less further up; an element's total, less the share of its text in links, says how
 * much article it holds; the best, widened to the ancestor it shares with near-equal rivals and to siblings that
 * score well too, is the article;</li>
 * <li><b>the paragraphs</b> inside it, in order, less what the markup or the words mark as furniture: parts named
 * share/related/comment/caption..., link lists, "Read also:" lines, the headline again, bylines.</li>
 * </ol>
 * When that finds too little (a page marked up against the names), it is tried again without the names; when it
 * holds less than half of the text the page states in JSON-LD, it is read from the element matching that text
 * ({@link StatedBody}).
 */
final class ArticleBody {

    /** Tags whose element starts a new paragraph. */
    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "center", "dd",
            "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
            "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "legend", "html");

    private static final Set<String> SCORED_TAGS = Set.of("p", "pre", "td", "blockquote");
    private static final int MIN_PARAGRAPH = 25;
    /** Text between a headline and its article's first paragraph: a byline, a teaser, a picture's caption. */
    private static final int FAR_FROM_HEADLINE = 1500;

    private final Map<Element, double[]> scores = new IdentityHashMap<>();
    private final TextStats stats;
    private final boolean useNames;
    private int bodyText;
    private Element headline;

    ArticleBody(TextStats stats, boolean useNames) {
        this.stats = stats;
        this.useNames = useNames;
    }

    /**
     * The article's paragraphs. {@code headlines}: the titles the page states for it (JSON-LD, OpenGraph, {@code <title>});
     * {@code visibleHeadline}: its first h1, or null; neither is repeated in the text. {@code statedBody}: the text the
     * page's JSON-LD gives as its articleBody, or null.
     */
    static List<String> paragraphs(Element body, List<String> headlines, String visibleHeadline, String statedBody) {
        removeJunk(body);
        TextStats stats = new TextStats(body);
        List<String> notText = new ArrayList<>(headlines);
        if (visibleHeadline != null) {
            notText.add(visibleHeadline);
        }
        List<String> found = new ArticleBody(stats, true).read(body, headlines, notText);
        if (length(found) < 500 && Rules.on("loose")) {
            List<String> loose = new ArticleBody(stats, false).read(body, headlines, notText);
            if (length(loose) > length(found) * 1.5) {
                found = loose;
            }
        }
        return Rules.on("stated") ? StatedBody.check(found, statedBody, body, stats, notText) : found;
    }

    /** The paragraphs of one element, read as those of the container are. */
    static List<String> paragraphsOf(Element e, TextStats stats, List<String> notText) {
        Paragraphs paragraphs = new Paragraphs(stats, true, notText);
        paragraphs.add(e);
        return paragraphs.result();
    }

    private List<String> read(Element body, List<String> headlines, List<String> notText) {
        List<Element> article = container(body, headlines);
        if (headline != null) {
            notText = new ArrayList<>(notText);
            notText.add(headline.text()); // the headline as found (a dt, an h2), not repeated in the text
        }
        Paragraphs paragraphs = new Paragraphs(stats, useNames, notText);
        for (Element part : article) {
            paragraphs.add(part);
        }
        return paragraphs.result();
    }

    // ---- the container

    /** The elements that hold the article, in page order (package-private for the debugging tool in test scope). */
    List<Element> container(Element body, List<String> headlines) {
        bodyText = stats.text(body);
        headline = headlineElement(body, headlines);
        walkScored(body);
        if (scores.isEmpty()) {
            return List.of(body);
        }
        List<Element> ranked = new ArrayList<>(scores.keySet());
        for (Element e : ranked) {
            if (Rules.on("linkDensity")) {
                scores.get(e)[0] *= 1 - stats.linkDensity(e);
            }
        }
        ranked.sort((a, b) -> Double.compare(score(b), score(a)));
        Element story = Rules.on("stories") ? storyOfHeadline(body, headlines) : null;
        if (story != null) {
            // several stories on the page (the next ones loaded below): the one under the page's own headline
            List<Element> inStory = new ArrayList<>();
            for (Element e : ranked) {
                if (e == story || isAncestor(story, e)) {
                    inStory.add(e);
                }
            }
            if (!inStory.isEmpty()) {
                ranked = inStory;
            }
        }
        Element top = ranked.get(0);
        if (Rules.on("headlineAnchor")) {
            top = underHeadline(top, ranked, headline);
        }
        top = sharedAncestor(top, ranked);
        if (Rules.on("climb")) {
            top = climb(top, body);
        }
        return Rules.on("siblings") ? withSiblings(top) : List.of(top);
    }

    /**
     * Pages put the article's text under its headline. When the best-scoring part is not there — it ends before the
     * headline (a block of teasers above it) or lies after another article-like part that follows the headline (a
     * sidebar, a comment thread or more stories under a short article) — the best part that is under the headline
     * is the article, if it scores at least a tenth as well (an appended story may be much longer than a short article).
     */
    private Element underHeadline(Element top, List<Element> ranked, Element headline) {
        if (headline == null || isAncestor(top, headline)) {
            return top;
        }
        int headlineEnd = stats.start(headline) + stats.text(headline);
        int topStart = stats.start(top);
        boolean before = topStart + stats.text(top) <= stats.start(headline);
        boolean near = !before && topStart - headlineEnd < FAR_FROM_HEADLINE;
        if (near && !Rules.on("nearHeadlineChecked")) {
            return top;
        }
        // right under the headline, only a part of an article's size scoring near the top's is the article before it
        // (not a teaser, a caption or a box of key points)
        double least = near ? score(top) / 3 : score(top) / 10;
        int shortest = near ? 500 : 250;
        for (Element e : ranked) {
            if (score(e) < least) {
                break;
            }
            if (e == top || isAncestor(e, top) || isAncestor(top, e) || stats.text(e) < shortest) {
                continue;
            }
            int start = stats.start(e);
            boolean under = isAncestor(e, headline)
                    || (start >= headlineEnd && (before || start + stats.text(e) <= topStart));
            if (under) {
                return e;
            }
        }
        return top;
    }

    /**
     * The page's headline as shown: the first h1 or h2 whose text is one of the titles the page states (give or take
     * the site's name), else the first made of most of a title's words (a word edited), else any element whose own
     * text is a title, else an h1 or h2 sharing half its words with a title (rewritten for the page), else the element
     * its microdata calls the headline.
     */
    static Element headlineElement(Element body, List<String> headlines) {
        List<String> titles = new ArrayList<>();
        for (String headline : headlines) {
            titles.add(Paragraphs.normalized(headline));
        }
        org.jsoup.select.Elements candidates = body.select("h1, h2");
        for (Element h : candidates) {
            if (isTitle(Paragraphs.normalized(h.text()), titles)) {
                return h;
            }
        }
        for (double share : new double[] { 0.8, 0.5 }) {
            if (share < 0.8 && !Rules.on("looseHeadline")) {
                break;
            }
            for (Element h : candidates) {
                if (sharesWords(Paragraphs.normalized(h.text()), titles, share)) {
                    return h;
                }
            }
            if (share == 0.8 && Rules.on("headlineAnyTag")) {
                // the title written in another element (a dt, a div, a strong): its own text, whole
                for (Element e : body.getAllElements()) {
                    if (e.ownText().length() >= 10 && isTitle(Paragraphs.normalized(e.ownText()), titles)) {
                        return e;
                    }
                }
            }
        }
        for (Element h : body.select("[itemprop=headline]")) {
            if (h.text().length() >= 10) {
                return h;
            }
        }
        return null;
    }

    /** The text is a title, give or take the site's name at its end. */
    private static boolean isTitle(String text, List<String> titles) {
        for (String title : titles) {
            if (text.length() >= 10 && (title.equals(text) || (title.startsWith(text) && text.length() > 20)
                    || (text.startsWith(title) && title.length() > 20))) {
                return true;
            }
        }
        return false;
    }

    /** Most words of the text are in a title, and most of the title's in the text ("South Dakota says, 'Meth. We're On It'"). */
    private static boolean sharesWords(String text, List<String> titles, double share) {
        Set<String> words = new java.util.HashSet<>(List.of(text.split(" ")));
        for (String title : titles) {
            Set<String> titleWords = new java.util.HashSet<>(List.of(title.split(" ")));
            int common = 0;
            for (String word : words) {
                common += titleWords.contains(word) ? 1 : 0;
            }
            if (words.size() >= 4 && common >= share * words.size() && common >= share * titleWords.size()) {
                return true;
            }
        }
        return false;
    }

    private void walkScored(Element e) {
        for (Element child : e.children()) {
            if (useNames && Rules.on("skipFurniture") && isFurniture(child)) {
                continue;
            }
            if (isScored(child)) {
                int length = child.tagName().equals("div") ? stats.ownText(child) : stats.text(child);
                if (length >= MIN_PARAGRAPH) {
                    addScore(child, 1 + stats.commas(child) + Math.min(length / 100, 3));
                }
            }
            walkScored(child);
        }
    }

    private boolean isScored(Element e) {
        String tag = e.tagName();
        if (SCORED_TAGS.contains(tag)) {
            return !(tag.equals("td") && stats.hasBlockChild(e)) && !(tag.equals("blockquote") && stats.hasBlockChild(e));
        }
        // a div of text without paragraphs of its own is a paragraph (Readability turns it into one)
        return tag.equals("div") && stats.ownText(e) >= MIN_PARAGRAPH;
    }

    private void addScore(Element paragraph, double score) {
        Element ancestor = paragraph.parent();
        for (int level = 0; level < 5 && ancestor != null; level++, ancestor = ancestor.parent()) {
            if (ancestor.parent() == null) {
                break;
            }
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            scores.computeIfAbsent(ancestor, this::initialScore)[0] += score / divider;
        }
    }

    private double[] initialScore(Element e) {
        double score = switch (e.tagName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return new double[] { score + classWeight(e) };
    }

    private double classWeight(Element e) {
        if (!useNames || !Rules.on("classWeight")) {
            return 0;
        }
        if (Boilerplate.namedContent(e)) {
            return 25;
        }
        return Boilerplate.namedFurniture(e) ? -25 : 0;
    }

    double score(Element e) {
        double[] s = scores.get(e);
        return s == null ? 0 : s[0];
    }

    /**
     * Rivals near the top's score: the article is their common ancestor when three of them are under one
     * (Readability's rule), or when a rival is named as the top is (an article in several chunks).
     */
    private Element sharedAncestor(Element top, List<Element> ranked) {
        double topScore = score(top);
        List<Element> rivals = new ArrayList<>();
        for (int i = 1; i < Math.min(ranked.size(), 5); i++) {
            Element rival = ranked.get(i);
            if (score(rival) >= topScore * 0.75 && !isAncestor(rival, top) && !isAncestor(top, rival)) {
                rivals.add(rival);
            }
        }
        for (Element rival : Rules.on("sameClassRival") ? rivals : List.<Element>of()) {
            if (rival.tagName().equals(top.tagName()) && (top.className().isEmpty() ? sameShape(top, rival) : rival.className().equals(top.className()))) {
                Element common = commonAncestor(top, rival);
                if (!separateArticles(top, rival, common)) {
                    return common;
                }
            }
        }
        if (rivals.size() < 3 || !Rules.on("threeRivals")) {
            return top;
        }
        for (Element parent = top.parent(); parent != null && !parent.tagName().equals("body"); parent = parent.parent()) {
            int inside = 0;
            for (Element rival : rivals) {
                if (isAncestor(parent, rival)) {
                    inside++;
                }
            }
            if (inside >= 3) {
                return holdsSeveralStories(parent) ? top : parent;
            }
        }
        return top;
    }

    /**
     * Unnamed chunks of one article: the same tags up to their common ancestor (not the page's body), which holds
     * little besides them (no story or sidebar between the two).
     */
    private boolean sameShape(Element a, Element b) {
        if (!Rules.on("sameShapeRival") || !b.className().isEmpty()) {
            return false;
        }
        Element common = commonAncestor(a, b);
        if (common.nameIs("body") || stats.text(common) > 1.25 * (stats.text(a) + stats.text(b))) {
            return false;
        }
        Element x = a.parent();
        Element y = b.parent();
        for (; x != common && y != common; x = x.parent(), y = y.parent()) {
            if (!x.tagName().equals(y.tagName())) {
                return false;
            }
        }
        return x == common && y == common;
    }

    /** Two bodies in two {@code <article>}s, or under two headlines: the next story a page loads below, not a chunk of this one. */
    private static boolean separateArticles(Element a, Element b, Element common) {
        for (Element e : new Element[] { a, b }) {
            for (Element p = e; p != null && p != common; p = p.parent()) {
                if (p.nameIs("article")) {
                    return true;
                }
            }
        }
        return common.getElementsByTag("h1").size() > 1;
    }

    /** The {@code <article>} of the h1 that is the page's headline, when the page holds several stories; else null. */
    private static Element storyOfHeadline(Element body, List<String> headlines) {
        if (!holdsSeveralStories(body) || headlines.isEmpty()) {
            return null;
        }
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (String headline : headlines) {
            titles.add(Paragraphs.normalized(headline));
        }
        for (Element h1 : body.getElementsByTag("h1")) {
            if (titles.contains(Paragraphs.normalized(h1.text()))) {
                for (Element p = h1.parent(); p != null; p = p.parent()) {
                    if (p.nameIs("article")) {
                        return p;
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static boolean holdsSeveralStories(Element e) {
        return e.getElementsByTag("h1").size() > 1 || e.getElementsByTag("article").size() > 1;
    }

    private static Element commonAncestor(Element a, Element b) {
        for (Element p = a.parent(); p != null; p = p.parent()) {
            if (isAncestor(p, b)) {
                return p;
            }
        }
        return a;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Up while the parent scores higher (it holds more of the article), and through single-child wrappers. */
    private Element climb(Element top, Element body) {
        double last = score(top);
        double threshold = last / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            if (!scores.containsKey(parent)) {
                continue;
            }
            double parentScore = score(parent);
            if (parentScore < threshold) {
                break;
            }
            if (parentScore > last) {
                top = parent;
                break;
            }
            last = parentScore;
        }
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    /** The top and those of its siblings that read as more of the same article. */
    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double topScore = score(top);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> parts = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                parts.add(sibling);
                continue;
            }
            if (useNames && isFurniture(sibling)) {
                continue;
            }
            if (sibling.nameIs("article") && top.nameIs("article")) {
                continue; // the next story, loaded below this one
            }
            boolean sameClass = !top.className().isEmpty() && top.className().equals(sibling.className());
            if (parent.nameIs("body") && !sameClass && Rules.on("noBodySiblings")) {
                continue; // beside the page's wrapper: a story loaded below, a modal, not a chunk of this article
            }
            double bonus = sameClass ? topScore * 0.2 : 0;
            if (scores.containsKey(sibling) && score(sibling) + bonus >= threshold) {
                parts.add(sibling);
            } else if (sibling.tagName().equals("p")) {
                int length = stats.text(sibling);
                double links = stats.linkDensity(sibling);
                if (length > 80 && links < 0.25) {
                    parts.add(sibling);
                }
            }
        }
        return parts;
    }

    /**
     * A part left out of the scoring: a furniture tag, or a furniture name unless a name also says content
     * ("main-wrapper sidebar-left", Readability's rule); never a part that holds most of the page's text (no
     * wrapper of the whole page is furniture, whatever it is called).
     */
    private boolean isFurniture(Element e) {
        if (stats.text(e) > bodyText * 0.5 && Rules.on("wrapperNotFurniture")) {
            return false; // an ASP.NET page's <form> around everything
        }
        if (headline != null && isAncestor(e, headline) && Rules.on("headlineNotFurniture")) {
            return false; // the page's headline is in it: a layout named after its sidebar ("container penci_sidebar")
        }
        if (Boilerplate.BOILERPLATE_TAGS.contains(e.tagName())) {
            return true;
        }
        return !Boilerplate.anyContentWord(e) && Boilerplate.namedFurniture(e);
    }

    // ---- cleaning

    static void removeJunk(Element body) {
        List<Element> junk = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (Boilerplate.JUNK_TAGS.contains(e.tagName()) || (isHidden(e) && Rules.on("hidden"))) {
                junk.add(e);
            }
        }
        junk.forEach(Node::remove);
    }

    private static boolean isHidden(Element e) {
        if (e.hasAttr("hidden")) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String compact = style.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }

    private static int length(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += p.length();
        }
        return n;
    }
}
