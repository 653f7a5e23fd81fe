package org.allegationatlas.extract.text;

import java.util.List;
import java.util.Set;

/**
 * Tells Indonesian from English by their function words: the language whose words make up the
 * larger share of the text's words wins ("yang", "dan", "di" against "the", "and", "of").
 * English when neither has any.
 */
public final class LanguageDetector {

    public static final String INDONESIAN = "id";
    public static final String ENGLISH = "en";

    private final Set<String> indonesian;
    private final Set<String> english;
    private final List<String> affixes;

    /** {@code affixes}: Indonesian word beginnings ("meng-") and endings ("-nya"). */
    public LanguageDetector(Set<String> indonesianFunctionWords, Set<String> englishFunctionWords, List<String> indonesianAffixes) {
        this.indonesian = indonesianFunctionWords;
        this.english = englishFunctionWords;
        this.affixes = indonesianAffixes;
    }

    /** "id" or "en". */
    public String detect(String text) {
        List<Token> tokens = Tokenizer.tokenize(text, 0, Math.min(text.length(), 20_000));
        double id = 0;
        double en = 0;
        for (Token token : tokens) {
            if (!token.isWord() || isCapitals(token.text())) {
                continue; // "AS" is a name in Indonesian, not the English "as"
            }
            String word = token.norm();
            id += indonesian.contains(word) ? 1 : hasAffix(word, affixes) ? 0.5 : 0;
            en += english.contains(word) ? 1 : 0;
        }
        return id > en ? INDONESIAN : ENGLISH;
    }

    private static boolean isCapitals(String word) {
        return word.length() > 1 && word.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    private static boolean hasAffix(String word, List<String> affixes) {
        if (word.length() < 6) {
            return false;
        }
        for (String affix : affixes) {
            boolean matches = affix.endsWith("-") ? word.startsWith(affix.substring(0, affix.length() - 1))
                    : word.endsWith(affix.substring(1));
            if (matches) {
                return true;
            }
        }
        return false;
    }
}
