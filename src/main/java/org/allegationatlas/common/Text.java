package org.allegationatlas.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as compared for matching and search: accents stripped, lower case, single spaces. */
public final class Text {

    /** Longest normalized text stored (the normalized columns are varchar(1200)). */
    public static final int MAX_LENGTH = 1200;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Typographic apostrophes, as in CLDR's "Côte d’Ivoire", match the one on keyboards. */
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02BC\u0060\u00B4]");

    private Text() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String bare = APOSTROPHES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("'");
        String normalized = SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        // compatibility decomposition can lengthen a name ("Ⅻ" is "xii"); stay within the column
        return normalized.length() <= MAX_LENGTH ? normalized : normalized.substring(0, MAX_LENGTH);
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
