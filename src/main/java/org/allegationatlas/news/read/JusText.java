package org.allegationatlas.news.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.allegationatlas.extract.lexicon.ResourceFiles;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * jusText's paragraph classifier (Pomikálek, "Removing Boilerplate and Duplicate Content from Web Corpora", 2011),
 * written here after its published algorithm and default settings (there is no Java port): the whole page is cut
 * into blocks at block tags, and each block is judged by itself — long, few links and many function words: good;
 * many links, or short: bad or undecided — then undecided blocks take the verdict of their neighbours. It knows
 * nothing of class names or of the page's layout, so it fails differently from the container scoring of
 * {@link ArticleBody}: the reader uses it as an independent second opinion.
 * <p>
 * Function words: the extraction's own lists (English, Indonesian: extract/lexicon/function-words.tsv); a page in
 * another language has few of them, and is judged by length and links only (jusText's language-independent mode).
 */
final class JusText {

    enum Kind { GOOD, NEAR_GOOD, SHORT, BAD }

    /** One block of the page: its text, how much of it is in links, its words and function words. */
    record Block(String text, int links, int words, int functionWords, boolean heading, Element element) {

        int length() {
            return text.length();
        }

        double linkDensity() {
            return text.isEmpty() ? 0 : (double) links / text.length();
        }

        double functionWordDensity() {
            return words == 0 ? 0 : (double) functionWords / words;
        }
    }

    // jusText's defaults
    private static final double MAX_LINK_DENSITY = 0.2;
    private static final int LENGTH_LOW = 70;
    private static final int LENGTH_HIGH = 200;
    private static final double FUNCTION_WORDS_LOW = Double.parseDouble(System.getProperty("jt.low", "0.30"));
    private static final double FUNCTION_WORDS_HIGH = Double.parseDouble(System.getProperty("jt.high", "0.32"));
    private static final int MAX_HEADING_DISTANCE = 200;
    /** Under this share of function words over the whole page, its language is not one the lists know. */
    private static final double KNOWN_LANGUAGE = 0.15;

    private static final Set<String> FUNCTION_WORDS = functionWords();

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int links;
    private int inLink;
    private int inHeading;
    private Element blockElement;

    private JusText() {
    }

    /** The page's blocks in page order, each with its verdict. */
    static List<Block> blocks(Element body) {
        JusText reader = new JusText();
        reader.blockElement = body;
        reader.walk(body);
        reader.flush();
        return reader.blocks;
    }

    static Kind[] classify(List<Block> blocks) {
        long words = 0;
        long functionWords = 0;
        for (Block b : blocks) {
            words += b.words();
            functionWords += b.functionWords();
        }
        boolean knownLanguage = words > 0 && (double) functionWords / words >= KNOWN_LANGUAGE;
        double low = knownLanguage ? FUNCTION_WORDS_LOW : 0;
        double high = knownLanguage ? FUNCTION_WORDS_HIGH : 0;
        Kind[] initial = new Kind[blocks.size()];
        for (int i = 0; i < initial.length; i++) {
            initial[i] = contextFree(blocks.get(i), low, high);
        }
        return revise(blocks, initial);
    }

    private static Kind contextFree(Block b, double low, double high) {
        if (b.linkDensity() > MAX_LINK_DENSITY) {
            return Kind.BAD;
        }
        if (b.text().indexOf('©') >= 0) {
            return Kind.BAD;
        }
        if (b.length() < LENGTH_LOW) {
            return b.links() > 0 ? Kind.BAD : Kind.SHORT;
        }
        double density = b.functionWordDensity();
        if (density >= high) {
            return b.length() > LENGTH_HIGH ? Kind.GOOD : Kind.NEAR_GOOD;
        }
        return density >= low ? Kind.NEAR_GOOD : Kind.BAD;
    }

    /** jusText's context-sensitive pass: headings before good text, short blocks and near-good ones by their neighbours. */
    private static Kind[] revise(List<Block> blocks, Kind[] initial) {
        Kind[] kind = initial.clone();
        int n = kind.length;
        for (int i = 0; i < n; i++) {
            if (blocks.get(i).heading() && kind[i] == Kind.SHORT && goodWithin(blocks, kind, i)) {
                kind[i] = Kind.NEAR_GOOD;
            }
        }
        Kind[] revised = kind.clone();
        for (int i = 0; i < n; i++) {
            if (kind[i] != Kind.SHORT) {
                continue;
            }
            Kind previous = neighbour(kind, i, -1, true);
            Kind next = neighbour(kind, i, 1, true);
            if (previous == Kind.GOOD && next == Kind.GOOD) {
                revised[i] = Kind.GOOD;
            } else if (previous == Kind.BAD && next == Kind.BAD) {
                revised[i] = Kind.BAD;
            } else if ((previous == Kind.BAD && neighbour(kind, i, -1, false) == Kind.NEAR_GOOD)
                    || (next == Kind.BAD && neighbour(kind, i, 1, false) == Kind.NEAR_GOOD)) {
                revised[i] = Kind.GOOD;
            } else {
                revised[i] = Kind.BAD;
            }
        }
        kind = revised;
        for (int i = 0; i < n; i++) {
            if (kind[i] == Kind.NEAR_GOOD) {
                Kind previous = neighbour(kind, i, -1, true);
                Kind next = neighbour(kind, i, 1, true);
                kind[i] = previous == Kind.BAD && next == Kind.BAD ? Kind.BAD : Kind.GOOD;
            }
        }
        for (int i = 0; i < n; i++) {
            if (blocks.get(i).heading() && kind[i] == Kind.BAD && initial[i] != Kind.BAD && goodWithin(blocks, kind, i)) {
                kind[i] = Kind.GOOD;
            }
        }
        return kind;
    }

    private static boolean goodWithin(List<Block> blocks, Kind[] kind, int i) {
        int distance = 0;
        for (int j = i + 1; j < kind.length && distance <= MAX_HEADING_DISTANCE; j++) {
            if (kind[j] == Kind.GOOD) {
                return true;
            }
            distance += blocks.get(j).length();
        }
        return false;
    }

    /** The nearest block before or after that is good or bad (or near-good, unless ignored); bad past the page's ends. */
    private static Kind neighbour(Kind[] kind, int i, int step, boolean ignoreNearGood) {
        for (int j = i + step; j >= 0 && j < kind.length; j += step) {
            if (kind[j] == Kind.GOOD || kind[j] == Kind.BAD || (kind[j] == Kind.NEAR_GOOD && !ignoreNearGood)) {
                return kind[j];
            }
        }
        return Kind.BAD;
    }

    // ---- cutting the page into blocks

    private void walk(Element e) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                append(t.getWholeText());
            } else if (child instanceof Element c) {
                String tag = c.tagName();
                if (tag.equals("br")) {
                    text.append('\n');
                    if (endsWithTwoBreaks()) {
                        flush();
                    }
                    continue;
                }
                boolean block = ArticleBody.BLOCK_TAGS.contains(tag);
                Element outer = blockElement;
                if (block) {
                    flush();
                    blockElement = c;
                }
                boolean link = tag.equals("a");
                boolean heading = tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
                inLink += link ? 1 : 0;
                inHeading += heading ? 1 : 0;
                walk(c);
                inLink -= link ? 1 : 0;
                inHeading -= heading ? 1 : 0;
                if (block) {
                    flush();
                    blockElement = outer;
                }
            }
        }
    }

    private boolean endsWithTwoBreaks() {
        int i = text.length() - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 1 && text.charAt(i) == '\n' && text.charAt(i - 1) == '\n';
    }

    private void append(String s) {
        int before = text.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ' ' && text.charAt(text.length() - 1) != '\n') {
                    text.append(' ');
                }
            } else {
                text.append(c);
            }
        }
        if (inLink > 0) {
            links += text.length() - before;
        }
    }

    private void flush() {
        String t = text.toString().replace('\n', ' ').strip();
        int linkChars = Math.min(links, t.length());
        text.setLength(0);
        links = 0;
        if (t.isEmpty()) {
            return;
        }
        int words = 0;
        int function = 0;
        int start = -1;
        for (int i = 0; i <= t.length(); i++) {
            boolean letter = i < t.length() && Character.isLetterOrDigit(t.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                if (FUNCTION_WORDS.contains(t.substring(start, i).toLowerCase(Locale.ROOT))) {
                    function++;
                }
                start = -1;
            }
        }
        blocks.add(new Block(t, linkChars, words, function, inHeading > 0, blockElement));
    }

    private static Set<String> functionWords() {
        Set<String> words = new HashSet<>();
        for (String[] row : ResourceFiles.tsv("extract/lexicon/function-words.tsv")) {
            if (row.length > 1 && !row[0].endsWith("affix")) {
                words.addAll(List.of(row[1].split(" ")));
            }
        }
        return Set.copyOf(words);
    }
}
