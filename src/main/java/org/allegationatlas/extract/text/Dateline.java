package org.allegationatlas.extract.text;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "CITY (Publisher) -" opening of a body: where the text proper starts ({@code end}), and the
 * publisher and city it names (either may be null).
 */
public record Dateline(int end, String publisher, String city) {

    public static final Dateline NONE = new Dateline(0, null, null);

    /** "REPUBLIKA.CO.ID, WASHINGTON -- ", "JAKARTA, KOMPAS.com - " */
    private static final Pattern TWO_PART = Pattern.compile("^\\s*([^\\n,]{2,40}?)\\s*,\\s*([^\\n,]{2,40}?)\\s*(?:--|—|–|-)\\s+");
    /** The part after the city's comma in "KABUL, Afghanistan (AP) - ": a place in words, then perhaps the wire. */
    private static final Pattern PLACE_THEN_WIRE = Pattern.compile("(\\p{Lu}[^()]*?)(?:\\s*\\(([^)]{2,30})\\))?");
    /** "WASHINGTON (Reuters) - " */
    private static final Pattern WIRE = Pattern.compile("^\\s*(\\p{Lu}[\\p{Lu} .'-]{1,30}?)\\s*\\(([^)\\n]{2,30})\\)\\s*(?:--|—|–|-)\\s+");
    /** "WASHINGTON -- " */
    private static final Pattern CITY = Pattern.compile("^\\s*(\\p{Lu}[\\p{Lu} .'-]{1,30}?)\\s*(?:--|—|–)\\s+");

    /**
     * The dateline at the start of {@code body}, or {@link #NONE}. In "A, B -" the part that is a
     * known publisher (or has a dot, as a web address does) is the publisher, the one in capitals the city.
     */
    public static Dateline of(String body, Predicate<String> knownPublisher) {
        String head = body.substring(0, Math.min(body.length(), 120));
        Matcher m = WIRE.matcher(head);
        if (m.find()) {
            return new Dateline(m.end(), m.group(2).trim(), m.group(1).trim());
        }
        m = TWO_PART.matcher(head);
        if (m.find()) {
            String first = m.group(1).trim();
            String second = m.group(2).trim();
            boolean firstIsPublisher = knownPublisher.test(first) || first.contains(".");
            boolean secondIsPublisher = knownPublisher.test(second) || second.contains(".");
            if (firstIsPublisher && isCapitals(second)) {
                return new Dateline(m.end(), first, second);
            }
            if (secondIsPublisher && isCapitals(first)) {
                return new Dateline(m.end(), second, first);
            }
            Matcher placed = PLACE_THEN_WIRE.matcher(second);
            if (!firstIsPublisher && isCapitals(first) && placed.matches() && !isCapitals(placed.group(1))) {
                // "DUBAI, United Arab Emirates — ", "KABUL, Afghanistan (AP) — ": the city, then its country or state,
                // which are no party of the first sentence
                return new Dateline(m.end(), placed.group(2), first);
            }
        }
        m = CITY.matcher(head);
        if (m.find() && isCapitals(m.group(1).trim())) {
            return new Dateline(m.end(), null, m.group(1).trim());
        }
        return NONE;
    }

    private static boolean isCapitals(String text) {
        return text.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)
                && text.codePoints().anyMatch(Character::isLetter);
    }
}
