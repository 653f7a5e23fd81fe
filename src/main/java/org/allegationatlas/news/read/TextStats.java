package org.allegationatlas.news.read;

import java.util.IdentityHashMap;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * How much text each element holds, how much of it in links, and its commas: counted once for the whole page
 * in one pass (asking jsoup for each element's text would read every subtree again for every ancestor).
 * Lengths are of the text with its whitespace collapsed.
 */
final class TextStats {

    private static final int TEXT = 0;
    private static final int LINKS = 1;
    private static final int COMMAS = 2;
    /** text in the element's own text nodes and inline children, not in block children */
    private static final int OWN = 3;
    private static final int BLOCK_CHILD = 4;
    /** where the element's text starts in the page's text */
    private static final int START = 5;

    private final Map<Element, int[]> counts = new IdentityHashMap<>();

    private int position;

    TextStats(Element root) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    of(e)[START] = position;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof TextNode text) {
                    if (node.parent() instanceof Element parent) {
                        String s = text.getWholeText();
                        int[] p = of(parent);
                        int length = collapsedLength(s);
                        position += length;
                        p[TEXT] += length;
                        p[OWN] += length;
                        p[COMMAS] += commas(s);
                    }
                } else if (node instanceof Element e) {
                    int[] c = of(e);
                    if (e.nameIs("a")) {
                        c[LINKS] = c[TEXT];
                    }
                    if (e.parent() != null) {
                        int[] p = of(e.parent());
                        p[TEXT] += c[TEXT];
                        p[LINKS] += c[LINKS];
                        p[COMMAS] += c[COMMAS];
                        if (ArticleBody.BLOCK_TAGS.contains(e.tagName())) {
                            p[BLOCK_CHILD] = 1;
                        } else {
                            p[OWN] += c[TEXT];
                        }
                    }
                }
            }
        }, root);
    }

    private int[] of(Element e) {
        return counts.computeIfAbsent(e, k -> new int[6]);
    }

    private int get(Element e, int what) {
        int[] c = counts.get(e);
        return c == null ? 0 : c[what];
    }

    int text(Element e) {
        return get(e, TEXT);
    }

    int links(Element e) {
        return get(e, LINKS);
    }

    int commas(Element e) {
        return get(e, COMMAS);
    }

    int ownText(Element e) {
        return get(e, OWN);
    }

    /** Where the element's text starts in the text of the whole page (in characters). */
    int start(Element e) {
        return get(e, START);
    }

    boolean hasBlockChild(Element e) {
        return get(e, BLOCK_CHILD) > 0;
    }

    double linkDensity(Element e) {
        int text = text(e);
        return text == 0 ? 0 : Math.min(1.0, (double) links(e) / text);
    }

    static int collapsedLength(String s) {
        int length = 0;
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    length++;
                    space = true;
                }
            } else {
                length++;
                space = false;
            }
        }
        return length;
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '\u060c' || c == '\uff0c' || c == '\u3001') {
                n++;
            }
        }
        return n;
    }
}
