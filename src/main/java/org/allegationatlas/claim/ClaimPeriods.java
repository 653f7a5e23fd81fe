package org.allegationatlas.claim;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The spans claims are counted at (V7): all time, a year, a month; and how a date range is answered
 * from them: whole years and whole months from the counts, the days at its ragged ends from the claims.
 */
public final class ClaimPeriods {

    /** A count row's span: {@code A} all time (period 0), {@code Y} a year (2022), {@code M} a month (202211). */
    public record Span(String code, int period) {
    }

    /** Count rows of one span, periods {@code from} to {@code to}, both included. */
    public record Periods(String span, int from, int to) {
    }

    /** Days counted from the claims themselves, both included. */
    public record Days(LocalDate from, LocalDate to) {
    }

    /** A date range as count rows plus days; no date range is all time ('A', 0). */
    public record Split(List<Periods> periods, List<Days> days) {
    }

    private static final Span ALL_TIME = new Span("A", 0);
    private static final LocalDate EARLIEST = LocalDate.of(0, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private ClaimPeriods() {
    }

    /** The rows a claim stated on {@code statedOn} (null: undated) is counted in. */
    public static List<Span> spansOf(LocalDate statedOn) {
        if (statedOn == null) {
            return List.of(ALL_TIME);
        }
        return List.of(ALL_TIME, new Span("Y", statedOn.getYear()), new Span("M", month(statedOn)));
    }

    public static int month(LocalDate date) {
        return date.getYear() * 100 + date.getMonthValue();
    }

    /** [from, to] (either null: open) as whole years, whole months and ragged days; undated claims fall out of any range. */
    public static Split split(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return new Split(List.of(new Periods("A", 0, 0)), List.of());
        }
        LocalDate start = from == null ? EARLIEST : from;
        LocalDate end = to == null ? LATEST : to;
        List<Periods> periods = new ArrayList<>();
        List<Days> days = new ArrayList<>();
        if (start.isAfter(end)) {
            return new Split(periods, days);
        }
        LocalDate day = start;
        if (day.getDayOfMonth() != 1) { // ragged start: to the end of its month
            LocalDate last = min(day.with(TemporalAdjusters.lastDayOfMonth()), end);
            days.add(new Days(day, last));
            day = last.plusDays(1);
        }
        day = months(day, end, periods, true);
        if (!day.isAfter(end) && day.getDayOfYear() == 1 && !day.with(TemporalAdjusters.lastDayOfYear()).isAfter(end)) {
            int lastYear = end.getMonthValue() == 12 && end.getDayOfMonth() == 31 ? end.getYear() : end.getYear() - 1;
            periods.add(new Periods("Y", day.getYear(), lastYear));
            day = LocalDate.of(lastYear + 1, 1, 1);
        }
        day = months(day, end, periods, false);
        if (!day.isAfter(end)) { // ragged end
            days.add(new Days(day, end));
        }
        return new Split(periods, days);
    }

    /** Whole months from {@code day} (the first of a month) while they fit in the range, up to a January when {@code untilJanuary}. */
    private static LocalDate months(LocalDate day, LocalDate end, List<Periods> periods, boolean untilJanuary) {
        LocalDate first = day;
        while (!day.with(TemporalAdjusters.lastDayOfMonth()).isAfter(end) && !(untilJanuary && day.getMonthValue() == 1)) {
            day = day.plusMonths(1);
        }
        if (day.isAfter(first)) {
            periods.add(new Periods("M", month(first), month(day.minusMonths(1))));
        }
        return day;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
