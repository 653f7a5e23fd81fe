package org.allegationatlas.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites graphql-java's and SmallRye's messages about bad input into what a person can act on. */
final class Messages {

    /** graphql-java prints literals as AST objects: EnumValue{name='PLANET'}, StringValue{value='x'}. */
    private static final Pattern AST_VALUE = Pattern.compile("\\w+Value\\{(?:name|value)=('?)(.*?)\\1\\}");
    /** SmallRye, when an argument object cannot be read (a bad date in it), names a Java class. */
    private static final Pattern UNREADABLE_ARGUMENT = Pattern.compile(
            "argument '([^']+)' with value .* is not a valid 'Unknown Scalar Type \\[.*\\]'", Pattern.DOTALL);
    private static final Pattern DATE_FIELD = Pattern.compile(
            "\"(statedOn|statedFrom|statedTo|publishedOn|publishedFrom|publishedTo)\"\\s*:\\s*\"([^\"]*)\"");

    private Messages() {
    }

    static String readable(String message) {
        if (message == null) {
            return "Invalid request";
        }
        Matcher unreadable = UNREADABLE_ARGUMENT.matcher(message);
        if (unreadable.matches()) {
            return unreadableArgument(unreadable.group(1), message);
        }
        return AST_VALUE.matcher(message).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
    }

    private static String unreadableArgument(String argument, String message) {
        List<String> badDates = new ArrayList<>();
        Matcher date = DATE_FIELD.matcher(message);
        while (date.find()) {
            try {
                LocalDate.parse(date.group(2));
            } catch (DateTimeParseException e) {
                badDates.add(date.group(1) + ": \"" + date.group(2) + "\"");
            }
        }
        if (badDates.isEmpty()) {
            return "argument '" + argument + "' could not be read; check that every value has the type the schema gives";
        }
        return "argument '" + argument + "': " + String.join(", ", badDates)
                + (badDates.size() == 1 ? " is not a date" : " are not dates") + "; use an ISO-8601 calendar date, e.g. \"2022-11-02\"";
    }
}
