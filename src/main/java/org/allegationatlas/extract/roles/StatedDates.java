package org.allegationatlas.extract.roles;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.allegationatlas.claim.DatePrecision;
import org.allegationatlas.extract.lexicon.Lexicon.DateType;
import org.allegationatlas.extract.lexicon.Lexicon.DateWord;
import org.allegationatlas.extract.lexicon.Lexicon;
import org.allegationatlas.extract.lexicon.PhraseTable;
import org.allegationatlas.extract.text.Token;

/**
 * When a sentence says something was said, read from its words and the publication date:
 * <ul>
 * <li>a full date ("(2/11/2022)", day/month in Indonesian, month/day in English unless impossible;
 * "2 November 2022", "November 2") is that DAY;</li>
 * <li>a weekday ("Rabu", "on Friday") is the latest such day not after publication, DAY;
 * "hari ini"/"today", "kemarin"/"yesterday" count back from publication;</li>
 * <li>a month alone ("pada Agustus", "in August") is the latest such month not after
 * publication (or of the year written after it), MONTH precision.</li>
 * </ul>
 * A bare year says when something happened, not when it was said, and is ignored. The most
 * precise expression of the sentence wins.
 */
final class StatedDates {

    record Stated(LocalDate date, DatePrecision precision) {
    }

    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final java.util.regex.Pattern FOUR_DIGITS = java.util.regex.Pattern.compile("\\d{4}");
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(19|20)\\d{2}");
    private static final java.util.regex.Pattern DAY_OR_MONTH = java.util.regex.Pattern.compile("\\d{1,2}");

    private StatedDates() {
    }

    static Stated find(List<Token> tokens, Lexicon.Language lang, LocalDate publishedOn) {
        Stated weekday = null;
        Stated month = null;
        for (int i = 0; i < tokens.size(); i++) {
            Stated numeric = numericAt(tokens, i, lang);
            if (numeric != null) {
                return numeric;
            }
            PhraseTable.Match<DateWord> word = lang.dates().longestAt(tokens, i);
            if (word == null) {
                continue;
            }
            DateWord w = word.value();
            if (w.type() == DateType.MONTH) {
                Integer day = dayNear(tokens, i, word.end());
                Integer year = yearAfter(tokens, word.end() + (day != null && isNumber(tokens, word.end()) ? 1 : 0));
                if (day != null) {
                    LocalDate date = dayOf(year, w.value(), day, publishedOn);
                    if (date != null) {
                        return new Stated(date, DatePrecision.DAY);
                    }
                } else if (month == null) {
                    LocalDate first = monthOf(year, w.value(), publishedOn);
                    month = first == null ? null : new Stated(first, DatePrecision.MONTH);
                }
            } else if (weekday == null && publishedOn != null) {
                LocalDate date = w.type() == DateType.WEEKDAY
                        ? publishedOn.with(TemporalAdjusters.previousOrSame(DayOfWeek.of(w.value())))
                        : publishedOn.minusDays(w.value());
                weekday = new Stated(date, DatePrecision.DAY);
            }
        }
        return weekday != null ? weekday : month;
    }

    /** "2/11/2022" (tokens 2 / 11 / 2022) or "2022-11-02". */
    private static Stated numericAt(List<Token> tokens, int i, Lexicon.Language lang) {
        Token t = tokens.get(i);
        if (ISO_DATE.matcher(t.text()).matches()) {
            try {
                return new Stated(LocalDate.parse(t.text()), DatePrecision.DAY);
            } catch (DateTimeException e) {
                return null;
            }
        }
        if (i + 4 >= tokens.size() || !isNumber(tokens, i) || !tokens.get(i + 1).is("/") || !isNumber(tokens, i + 2)
                || !tokens.get(i + 3).is("/") || !FOUR_DIGITS.matcher(tokens.get(i + 4).text()).matches()) {
            return null;
        }
        int first = Integer.parseInt(t.text());
        int second = Integer.parseInt(tokens.get(i + 2).text());
        int year = Integer.parseInt(tokens.get(i + 4).text());
        boolean dayFirst = Lexicon.INDONESIAN.equals(lang.code()) || second > 12;
        try {
            return new Stated(dayFirst ? LocalDate.of(year, second, first) : LocalDate.of(year, first, second), DatePrecision.DAY);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The day number right before ("2 November") or after ("November 2") a month name. */
    private static Integer dayNear(List<Token> tokens, int monthStart, int monthEnd) {
        if (monthStart > 0 && isDay(tokens, monthStart - 1)) {
            return Integer.parseInt(tokens.get(monthStart - 1).text());
        }
        if (isDay(tokens, monthEnd)) {
            return Integer.parseInt(tokens.get(monthEnd).text());
        }
        return null;
    }

    private static Integer yearAfter(List<Token> tokens, int at) {
        int i = at < tokens.size() && tokens.get(at).is(",") ? at + 1 : at;
        return i < tokens.size() && YEAR.matcher(tokens.get(i).text()).matches() ? Integer.valueOf(tokens.get(i).text()) : null;
    }

    private static boolean isNumber(List<Token> tokens, int i) {
        return i < tokens.size() && DAY_OR_MONTH.matcher(tokens.get(i).text()).matches();
    }

    private static boolean isDay(List<Token> tokens, int i) {
        return isNumber(tokens, i) && Integer.parseInt(tokens.get(i).text()) >= 1 && Integer.parseInt(tokens.get(i).text()) <= 31;
    }

    private static LocalDate dayOf(Integer year, int month, int day, LocalDate publishedOn) {
        try {
            if (year != null) {
                return LocalDate.of(year, month, day);
            }
            if (publishedOn == null) {
                return null;
            }
            LocalDate date = LocalDate.of(publishedOn.getYear(), month, day);
            return date.isAfter(publishedOn) ? date.minusYears(1) : date;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate monthOf(Integer year, int month, LocalDate publishedOn) {
        if (year != null) {
            return LocalDate.of(year, month, 1);
        }
        if (publishedOn == null) {
            return null;
        }
        YearMonth candidate = YearMonth.of(publishedOn.getYear(), month);
        if (candidate.isAfter(YearMonth.from(publishedOn))) {
            candidate = candidate.minusYears(1);
        }
        return candidate.atDay(1);
    }
}
