package org.allegationatlas.extract.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.allegationatlas.extract.text.Token;
import org.allegationatlas.extract.text.Tokenizer;

/**
 * Phrases of a lexicon, found in a token list by longest match. A phrase ending in "*" matches
 * any ending of its last word ("weapon*"). Case matters as people write names: a phrase with
 * capitals matches only text with a capital ("Turkey" is not "turkey"), and a short all-capital
 * phrase only that exact form ("AS" is the United States in Indonesian, "as" is not).
 */
public final class PhraseTable<T> {

    /** A phrase found over tokens [start, end). */
    public record Match<T>(int start, int end, T value) {
    }

    private enum CaseRule {
        ANY, CAPITALIZED, EXACT
    }

    private record Entry<T>(T value, CaseRule rule, List<String> words) {
    }

    private record PrefixEntry<T>(T value, List<String> leading, String prefix) {
    }

    private final Map<String, List<Entry<T>>> byKey = new HashMap<>();
    private final List<PrefixEntry<T>> prefixes = new ArrayList<>();
    private int maxTokens = 1;
    /** The most words of a phrase starting with a given word: most tokens start none, and are passed at once. */
    private final Map<String, Integer> longestByFirstWord = new HashMap<>();
    private int longestPrefixEntry;

    /** Adds a phrase; the first value added for a phrase wins. */
    public PhraseTable<T> add(String phrase, T value) {
        return add(phrase, value, false);
    }

    /** Adds a phrase whose value wins over the ones added before. */
    public PhraseTable<T> replace(String phrase, T value) {
        return add(phrase, value, true);
    }

    private PhraseTable<T> add(String phrase, T value, boolean first) {
        String trimmed = phrase.trim();
        if (trimmed.endsWith("*")) {
            List<Token> tokens = Tokenizer.tokenize(trimmed.substring(0, trimmed.length() - 1));
            List<String> leading = tokens.subList(0, tokens.size() - 1).stream().map(Token::norm).toList();
            prefixes.add(new PrefixEntry<>(value, leading, tokens.get(tokens.size() - 1).norm()));
            maxTokens = Math.max(maxTokens, tokens.size());
            longestPrefixEntry = Math.max(longestPrefixEntry, tokens.size());
            return this;
        }
        List<Token> tokens = Tokenizer.tokenize(trimmed);
        if (tokens.isEmpty()) {
            return this;
        }
        List<String> words = tokens.stream().map(Token::text).toList();
        String key = String.join(" ", tokens.stream().map(Token::norm).toList());
        List<Entry<T>> entries = byKey.computeIfAbsent(key, k -> new ArrayList<>());
        entries.add(first ? 0 : entries.size(), new Entry<>(value, caseRule(trimmed), words));
        maxTokens = Math.max(maxTokens, tokens.size());
        longestByFirstWord.merge(tokens.get(0).norm(), tokens.size(), Math::max);
        return this;
    }

    public boolean isEmpty() {
        return byKey.isEmpty() && prefixes.isEmpty();
    }

    /** The longest phrase starting at token {@code at}, or null (also when {@code at} is past the last token). */
    public Match<T> longestAt(List<Token> tokens, int at) {
        if (at >= tokens.size()) {
            return null; // e.g. the title after a name that ends the sentence: none (7 % of real pages threw here)
        }
        Integer byFirst = longestByFirstWord.get(tokens.get(at).norm());
        int longest = Math.min(Math.max(byFirst == null ? 0 : byFirst, longestPrefixEntry), tokens.size() - at);
        for (int length = longest; length >= 1; length--) {
            List<Entry<T>> entries = byFirst == null || length > byFirst ? null : byKey.get(key(tokens, at, at + length));
            if (entries != null) {
                for (Entry<T> entry : entries) {
                    if (caseFits(entry, tokens, at, at + length)) {
                        return new Match<>(at, at + length, entry.value());
                    }
                }
            }
            for (PrefixEntry<T> p : prefixes) {
                if (p.leading().size() + 1 == length && prefixFits(p, tokens, at)) {
                    return new Match<>(at, at + length, p.value());
                }
            }
        }
        return null;
    }

    /** Every phrase in tokens [from, to), left to right, longest first, not overlapping. */
    public List<Match<T>> findAll(List<Token> tokens, int from, int to) {
        List<Match<T>> found = new ArrayList<>();
        int i = from;
        while (i < to) {
            Match<T> m = longestAt(tokens, i);
            if (m != null && m.end() <= to) {
                found.add(m);
                i = m.end();
            } else {
                i++;
            }
        }
        return found;
    }

    /** The value of a phrase given as normalized words, ignoring case rules (for lookups of names out of text). */
    public T lookup(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<Entry<T>> entries = byKey.get(key(tokens, 0, tokens.size()));
        return entries == null ? null : entries.get(0).value();
    }

    private static String key(List<Token> tokens, int from, int to) {
        if (to - from == 1) {
            return tokens.get(from).norm();
        }
        StringBuilder key = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                key.append(' ');
            }
            key.append(tokens.get(i).norm());
        }
        return key.toString();
    }

    private static boolean prefixFits(PrefixEntry<?> p, List<Token> tokens, int at) {
        for (int i = 0; i < p.leading().size(); i++) {
            if (!tokens.get(at + i).norm().equals(p.leading().get(i))) {
                return false;
            }
        }
        return tokens.get(at + p.leading().size()).norm().startsWith(p.prefix());
    }

    private static CaseRule caseRule(String phrase) {
        long letters = phrase.codePoints().filter(Character::isLetter).count();
        boolean allCapitals = phrase.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        if (allCapitals && letters <= 3) {
            return CaseRule.EXACT;
        }
        return phrase.codePoints().anyMatch(Character::isUpperCase) ? CaseRule.CAPITALIZED : CaseRule.ANY;
    }

    private static boolean caseFits(Entry<?> entry, List<Token> tokens, int from, int to) {
        switch (entry.rule()) {
            case EXACT:
                for (int i = from; i < to; i++) {
                    if (!tokens.get(i).text().equals(entry.words().get(i - from))) {
                        return false;
                    }
                }
                return true;
            case CAPITALIZED:
                for (int i = from; i < to; i++) {
                    if (tokens.get(i).capitalized() && Character.isUpperCase(entry.words().get(i - from).codePointAt(0))) {
                        return true;
                    }
                }
                return false;
            default:
                return true;
        }
    }
}
