package org.allegationatlas.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as compared for matching and search: accents stripped, lower case, single spaces. */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** A LIKE pattern that finds {@code text} anywhere, with LIKE's wildcards escaped by '\'. */
    public static String containsPattern(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
