package org.allegationatlas.extract.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a body into sentences, as [start, end) offsets without surrounding spaces. A sentence ends
 * at a line break, or at . ! ? (with any closing quotes or brackets after it) followed by a space
 * and a capital, digit, quote or bracket; not after an abbreviation ("Gen.", "U.S."), an initial
 * ("John F. Kennedy") or inside an open quotation. "(2/11/2022)" holds no full stop, so it splits nothing.
 */
public final class SentenceSplitter {

    /** [start, end) in the body; {@code paragraph} counts the line-separated paragraphs that hold a sentence. */
    public record Sentence(int start, int end, int paragraph) {
    }

    /** A quotation longer than this is taken for a missing closing quote, not a quotation. */
    private static final int LONGEST_QUOTE = 600;

    private final Set<String> abbreviations;

    /** {@code abbreviations}: lower-case words with their full stop ("gen.", "u.s."). */
    public SentenceSplitter(Set<String> abbreviations) {
        this.abbreviations = abbreviations;
    }

    /** The sentences of {@code text} from offset {@code from}. */
    public List<Sentence> split(String text, int from) {
        List<Sentence> sentences = new ArrayList<>();
        int paragraph = 0;
        int start = from;
        int quoteOpenedAt = -1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(sentences, text, start, i, paragraph);
                if (!sentences.isEmpty() && sentences.get(sentences.size() - 1).paragraph() == paragraph) {
                    paragraph++; // a line break ends a paragraph that holds a sentence
                }
                start = i + 1;
                quoteOpenedAt = -1;
                continue;
            }
            if (c == '"') {
                quoteOpenedAt = quoteOpenedAt < 0 ? i : -1;
            } else if (c == '“') {
                quoteOpenedAt = i;
            } else if (c == '”') {
                quoteOpenedAt = -1;
            }
            boolean inQuote = quoteOpenedAt >= 0 && i - quoteOpenedAt < LONGEST_QUOTE;
            if ((c == '.' || c == '!' || c == '?') && !inQuote || (c == '.' || c == '!' || c == '?') && closesQuote(text, i)) {
                int end = i + 1;
                while (end < text.length() && "\"”’')]".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                if (endsSentence(text, i, end)) {
                    add(sentences, text, start, end, paragraph);
                    start = end;
                    quoteOpenedAt = -1;
                    i = end - 1;
                }
            }
        }
        add(sentences, text, start, text.length(), paragraph);
        return sentences;
    }

    /** "... diterima." followed by a closing quote ends the quotation and may end the sentence. */
    private static boolean closesQuote(String text, int i) {
        return i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '”');
    }

    private boolean endsSentence(String text, int stop, int end) {
        if (end >= text.length()) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(end))) {
            return false;
        }
        int next = end;
        while (next < text.length() && Character.isWhitespace(text.charAt(next)) && text.charAt(next) != '\n') {
            next++;
        }
        if (next >= text.length() || text.charAt(next) == '\n') {
            return true;
        }
        char first = text.charAt(next);
        boolean opensSentence = Character.isUpperCase(first) || Character.isDigit(first) || "\"“'(‘[".indexOf(first) >= 0;
        return opensSentence && !(text.charAt(stop) == '.' && isAbbreviation(text, stop));
    }

    /** The word before the full stop at {@code dot} is an abbreviation or an initial. */
    private boolean isAbbreviation(String text, int dot) {
        int wordStart = dot;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1)) && "(\"“".indexOf(text.charAt(wordStart - 1)) < 0) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot + 1);
        if (word.length() == 2 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return abbreviations.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(List<Sentence> sentences, String text, int start, int end, int paragraph) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new Sentence(start, end, paragraph));
        }
    }
}
