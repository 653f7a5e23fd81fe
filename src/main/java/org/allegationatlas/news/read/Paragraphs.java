package org.allegationatlas.news.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The paragraphs of the article's container, in order: a block element (p, li, h2, div ...) ends one, inline
 * text joins it, two line breaks in a row end it too. Leaves out, by the markup: furniture tags and names
 * (unless the part holds most of the article: a misnamed wrapper), figures, link lists; by the words: lines
 * mostly of links, "Read also:"-style lines, the headline again, bylines. Hand-written rules.
 */
final class Paragraphs {

    /**
     * Short lines that lead elsewhere or are the page talking about itself: the words alone, or before a colon
     * or dash ("Read also: ...", "Baca juga: ...", "Advertisement", "Comments (12)").
     */
    private static final Pattern FURNITURE_LINE = Pattern.compile("(?iu)^\\W*(read (also|more|next)|also read|see also|related"
            + "( (articles?|stories|posts|coverage|content|news|links|reading|video))?|more( (on|about) this( story| topic)?| from [\\p{L} .]+)?"
            + "|baca (juga|pula|selengkapnya)|lihat juga|simak( juga)?|artikel terkait|berita terkait|advertisements?|advert|ads?|sponsored( content)?"
            + "|iklan|photos?|images?|credits?|watch|listen|videos?|leia (também|mais)|veja também|lesen sie auch|lire aussi|à lire aussi"
            + "|mehr zum thema|recommended( for you)?|comments?( \\(\\d+\\))?|share( this( article| story| post)?)?|follow us( on [\\p{L} ]+)?"
            + "|top stories|trending|most (read|popular|viewed)|editor'?s picks|you may also like|you might also like)"
            + "\\s*(\\d+\\s*)?([:|»›>–—-].*)?$"
            + "|(?iu)^\\W*((click|tap) here|sign up (for|to|now)|subscribe (to|now|for|here)|all rights reserved|copyright ©|©).*");
    private static final Pattern BYLINE = Pattern.compile("(?iu)^(by|oleh|por|von|par)\\s+\\p{Lu}.{0,80}$");
    /** A link's text that is an address (web, e-mail, a social handle): the article citing it, not a lead elsewhere. */
    private static final Pattern ADDRESS = Pattern.compile("(?i)(https?://|www\\.)\\S+|[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+|@\\w+|([\\w-]+\\.)+[a-z]{2,6}(/\\S*)?");
    private static final int FURNITURE_LINE_MAX = 160;
    private static final int MINOR_MAX = 400;

    private final TextStats stats;
    private final boolean useNames;
    private final Set<String> headlines = new HashSet<>();
    private final List<String> result = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private int linkChars;
    private int inLink;
    private int partText;

    Paragraphs(TextStats stats, boolean useNames, List<String> headlines) {
        this.stats = stats;
        this.useNames = useNames;
        for (String headline : headlines) {
            this.headlines.add(normalized(headline));
        }
    }

    void add(Element part) {
        partText = Math.max(1, stats.text(part));
        walkChildren(part);
        flush();
    }

    List<String> result() {
        return result;
    }

    private void walkChildren(Element e) {
        for (Node child : e.childNodes()) {
            walk(child);
        }
    }

    private void walk(Node node) {
        if (node instanceof TextNode text) {
            append(text.getWholeText());
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.tagName();
        if (tag.equals("br")) {
            lineBreak();
            return;
        }
        if (skip(e)) {
            return;
        }
        if (tag.equals("td") || tag.equals("th")) {
            append(" "); // a table's row is one line, its cells apart
        }
        boolean block = ArticleBody.BLOCK_TAGS.contains(tag) && !tag.equals("td") && !tag.equals("th");
        if (block) {
            flush();
        }
        boolean link = tag.equals("a");
        int linkStart = line.length();
        int linkCharsBefore = linkChars;
        if (link) {
            inLink++;
        }
        walkChildren(e);
        if (link) {
            inLink--;
            if (inLink == 0 && line.length() >= linkStart && Rules.on("addressLinks")
                    && ADDRESS.matcher(line.substring(linkStart).strip()).matches()) {
                linkChars = linkCharsBefore; // a cited address, not a lead elsewhere
            }
        }
        if (block) {
            flush();
        }
    }

    private boolean skip(Element e) {
        String tag = e.tagName();
        if (tag.equals("figure") && Rules.on("figure")) {
            return true;
        }
        int text = stats.text(e);
        if (text == 0) {
            return false;
        }
        boolean minor = text < partText * 0.5;
        if (Boilerplate.BOILERPLATE_TAGS.contains(tag) && minor && Rules.on("furnitureTags")) {
            return true;
        }
        if (tag.equals("header") && text < partText * 0.25 && Rules.on("header")) {
            return true;
        }
        boolean inTable = tag.equals("tr") || tag.equals("td") || tag.equals("th") || tag.equals("tbody");
        boolean named = ArticleBody.BLOCK_TAGS.contains(tag) && !inTable; // names on inline elements are styling
        if (useNames && minor && named) {
            if (Boilerplate.namedFurniture(e) && Rules.on("furnitureNames")) {
                return true;
            }
            // captions, bylines, tags, "more" boxes are short or links; a long text so named ("read-more-content",
            // the rest of the article behind a button) is the article's; so is an embedded post (a quoted tweet)
            if (Boilerplate.namedMinor(e) && (text < MINOR_MAX || stats.linkDensity(e) > 0.3) && Rules.on("minorNames")) {
                return e.selectFirst("blockquote") == null;
            }
        }
        // a box of links (related stories, tags, a menu): its text is mostly links
        boolean box = tag.equals("ul") || tag.equals("ol") || tag.equals("div") || tag.equals("section") || tag.equals("table")
                || tag.equals("dl");
        return box && minor && stats.linkDensity(e) > 0.5 && Rules.on("linkBoxes");
    }

    private void append(String text) {
        int before = line.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u200b' || c == '\u200d' || c == '\ufeff' || c == '\u00ad') {
                continue;
            }
            if (Character.isWhitespace(c) || c == '\u00a0' || Character.isSpaceChar(c)) {
                if (line.length() > 0 && line.charAt(line.length() - 1) != ' ' && line.charAt(line.length() - 1) != '\n') {
                    line.append(' ');
                }
            } else {
                line.append(c);
            }
        }
        if (inLink > 0) {
            linkChars += line.length() - before;
        }
    }

    private void lineBreak() {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        line.setLength(end);
        if (end > 0 && line.charAt(end - 1) == '\n') {
            flush(); // two line breaks: a new paragraph
        } else if (end > 0) {
            line.append('\n');
        }
    }

    private void flush() {
        String text = line.toString().strip();
        int links = linkChars;
        line.setLength(0);
        linkChars = 0;
        if (text.isEmpty()) {
            return;
        }
        text = text.replaceAll(" *\n *", "\n");
        if (keep(text, links)) {
            result.add(text);
        }
    }

    private boolean keep(String text, int links) {
        int length = text.length();
        // a line of links leads elsewhere; a long paragraph with many links (a deals post) is still text
        if ((links > length * 0.8 || (links > length * 0.5 && length < 250)) && Rules.on("linkLines")) {
            return false;
        }
        if (length < 400 && headlines.contains(normalized(text)) && Rules.on("headlineAgain")) {
            return false;
        }
        if (length <= FURNITURE_LINE_MAX && FURNITURE_LINE.matcher(text).matches() && Rules.on("furnitureLines")) {
            return false;
        }
        if (length <= FURNITURE_LINE_MAX && BYLINE.matcher(text).matches() && Rules.on("bylines")) {
            return false;
        }
        return true;
    }

    static String normalized(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
