package org.allegationatlas.extract.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.allegationatlas.common.Text;

/**
 * Splits text into tokens: dotted abbreviations ("U.S."), words (with inner hyphens, apostrophes
 * and dots: "diam-diam", "Sana'a", "REPUBLIKA.CO.ID"), and single punctuation marks. A possessive
 * "'s" is a token of its own, so "Israel's" names Israel. Lexicon phrases are tokenized the same way.
 */
public final class Tokenizer {

    private static final Pattern TOKEN = Pattern.compile(
            "(?:\\p{L}\\.){2,}|[\\p{L}\\p{N}]+(?:[-'’.][\\p{L}\\p{N}]+)*|\\S");

    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    public static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(from, to);
        while (m.find()) {
            String word = m.group();
            int possessive = possessiveAt(word);
            if (possessive > 0) {
                tokens.add(token(word.substring(0, possessive), m.start()));
                tokens.add(token(word.substring(possessive), m.start() + possessive));
            } else {
                tokens.add(token(word, m.start()));
            }
        }
        return tokens;
    }

    /** Where "'s" starts in "Korea's", or -1. */
    private static int possessiveAt(String word) {
        int n = word.length();
        if (n > 3 && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '’') && (word.charAt(n - 1) == 's')) {
            return n - 2;
        }
        return -1;
    }

    private static Token token(String text, int start) {
        return new Token(text, norm(text), start, start + text.length());
    }

    /** Lower case, no accents, one kind of apostrophe. */
    public static String norm(String text) {
        if (isPlainAscii(text)) {
            return text.toLowerCase(java.util.Locale.ROOT); // most words: no accents to strip, no regex to run
        }
        return Text.normalize(text).replace('’', '\'').replace('‘', '\'');
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || Character.isWhitespace(c) || c == '`') {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
