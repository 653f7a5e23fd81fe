package org.allegationatlas.news.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a date string names, in the forms pages write them: ISO 8601 and its relatives ("2019-11-18T16:54:19+00:00",
 * "2019-11-18 16:54", "20191118"), RFC 1123 ("Mon, 18 Nov 2019 16:54:19 GMT"), and dates in words in English and
 * Indonesian ("November 18, 2019", "18 Nov. 2019", "Rabu, 2 November 2022 08:15 WIB"), epoch milliseconds.
 * The day is the one written, in the writer's time zone: "2019-11-18T23:30-05:00" is 18 November.
 * java.time parses each form once it is recognised; recognising them is this class's work.
 */
final class Dates {

    private static final Map<String, Integer> MONTHS = months();
    private static final Pattern ISO = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)-(\\d\\d?)-(\\d\\d?)(?!\\d)");
    private static final Pattern ISO_SLASH = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)/(\\d\\d?)/(\\d\\d?)(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("^((?:19|20)\\d\\d)(\\d\\d)(\\d\\d)(?:T?\\d{4,6}.*)?$");
    private static final Pattern UTC_TIMESTAMP = Pattern.compile("(?<!\\d)(\\d\\d?):\\d\\d(?::\\d\\d(?:\\.\\d+)?)?\\s*(Z|[+-]00:?00|GMT|UTC)\\b");
    private static final Pattern EPOCH = Pattern.compile("^\\d{10}(\\d{3})?$");
    private static final String MONTH_WORD = "(\\p{L}{3,10})\\.?";
    /** "18 November 2019", "18. Nov 2019", "2 Nov, 2022" */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?iu)(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\.? (?:de )?" + MONTH_WORD
            + ",? (?:de )?((?:19|20)\\d\\d)(?!\\d)");
    /** "November 18, 2019", "Nov. 18 2019" */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?iu)(?<![\\p{L}])" + MONTH_WORD + " (\\d{1,2})(?:st|nd|rd|th)?,? ((?:19|20)\\d\\d)(?!\\d)");
    /** "18/11/2019", "18.11.2019" (day first: the order of most of the world; a month above 12 is read the other way) */
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d/.])(\\d{1,2})[./](\\d{1,2})[./]((?:19|20)\\d\\d)(?![\\d/])");

    private Dates() {
    }

    /** The day a metadata value names (a whole value: ISO, RFC 1123, words, epoch); null when it names none. */
    static LocalDate parse(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (EPOCH.matcher(s).matches()) {
            long number = Long.parseLong(s);
            Instant instant = s.length() == 13 ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
            return plausible(instant.atOffset(ZoneOffset.UTC).toLocalDate());
        }
        Matcher m = COMPACT.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = ISO.matcher(s);
        if (m.find() && m.start() < 12) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = ISO_SLASH.matcher(s);
        if (m.find() && m.start() < 12) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        return inText(s);
    }

    /**
     * Whether {@code local} can be the writer's own day for a UTC timestamp ("...T02:59:46Z", "+00:00", "GMT"):
     * the day before when it is morning in UTC (evening in the Americas), the day after when it is afternoon (night in
     * Asia). False for a timestamp with another offset, or none.
     */
    static boolean isLocalDayOf(LocalDate local, String utcTimestamp, LocalDate utcDay) {
        if (utcTimestamp == null) {
            return false;
        }
        Matcher m = UTC_TIMESTAMP.matcher(utcTimestamp);
        if (!m.find()) {
            return false;
        }
        int hour = Integer.parseInt(m.group(1));
        long days = local.toEpochDay() - utcDay.toEpochDay();
        return (days == -1 && hour < 12) || (days == 1 && hour >= 12);
    }

    /** The first date written in words or digits in a piece of text ("Published November 18, 2019 at 4:00 am"). */
    static LocalDate inText(String text) {
        LocalDate best = null;
        int bestStart = Integer.MAX_VALUE;
        for (Pattern pattern : new Pattern[] { DAY_MONTH_YEAR, MONTH_DAY_YEAR }) {
            Matcher m = pattern.matcher(text);
            while (m.find() && m.start() < bestStart) {
                LocalDate date = pattern == DAY_MONTH_YEAR ? words(m.group(1), m.group(2), m.group(3))
                        : words(m.group(2), m.group(1), m.group(3));
                if (date != null) {
                    best = date;
                    bestStart = m.start();
                    break;
                }
            }
        }
        Matcher m = ISO.matcher(text);
        if (m.find() && m.start() < bestStart) {
            LocalDate date = date(m.group(1), m.group(2), m.group(3));
            if (date != null) {
                best = date;
                bestStart = m.start();
            }
        }
        m = NUMERIC.matcher(text);
        if (m.find() && m.start() < bestStart) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            LocalDate date = second > 12 ? date(m.group(3), m.group(1), m.group(2)) : date(m.group(3), m.group(2), m.group(1));
            if (date != null && first <= 31) {
                best = date;
            }
        }
        return best;
    }

    private static LocalDate words(String day, String month, String year) {
        Integer number = MONTHS.get(month.toLowerCase(Locale.ROOT));
        return number == null ? null : date(year, String.valueOf(number), day);
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return plausible(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** Years the web has news in, not a placeholder ("0001-01-01", "1970-01-01"). */
    private static LocalDate plausible(LocalDate date) {
        return date.getYear() < 1991 || date.getYear() > 2100 ? null : date;
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new java.util.HashMap<>();
        String[][] names = {
                { "january", "jan", "januari", "janvier", "janeiro", "enero", "januar", "gennaio" },
                { "february", "feb", "februari", "pebruari", "février", "fevereiro", "fev", "febrero", "februar", "febbraio" },
                { "march", "mar", "maret", "mars", "março", "marzo", "märz", "mär" },
                { "april", "apr", "avril", "abril", "aprile" },
                { "may", "mei", "mai", "maio", "mayo", "maggio" },
                { "june", "jun", "juni", "juin", "junho", "junio", "giugno" },
                { "july", "jul", "juli", "juillet", "julho", "julio", "luglio" },
                { "august", "aug", "agustus", "agu", "agt", "août", "agosto", "ago" },
                { "september", "sep", "sept", "septembre", "setembro", "set", "septiembre", "settembre" },
                { "october", "oct", "oktober", "okt", "octobre", "outubro", "out", "octubre", "ottobre", "ott" },
                { "november", "nov", "nopember", "novembre", "novembro", "noviembre" },
                { "december", "dec", "desember", "des", "décembre", "dezembro", "dez", "diciembre", "dezember", "dicembre", "dic" } };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.put(name, i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
