package org.allegationatlas.claim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.allegationatlas.common.SqlWhere;
import org.allegationatlas.common.Text;
import org.allegationatlas.country.Countries;

/**
 * Counts of claims per country and per country pair answered from the counts kept at write time (V7, V8):
 * a filter by stance, category, article language, subject and claimant country and dates groups count rows,
 * a date range its whole years and months, and only its ragged days are counted from the claims themselves.
 * A filter by text or counterparty needs the claims: {@link #answers} says no, and the caller counts them.
 */
@ApplicationScoped
public class ClaimCounts {

    /** A filter as conditions on count rows, on the claims (for ragged days), and the date range's split. */
    record Counting(SqlWhere counts, SqlWhere claims, ClaimPeriods.Split split) {
    }

    @Inject
    EntityManager em;
    @Inject
    Countries countries;

    /** Whether the counts answer {@code filter} (a text or counterparty condition needs the claims). */
    public boolean answers(ClaimFilter filter) {
        return filter == null || (Text.isBlank(filter.text()) && filter.counterpartyCountry() == null);
    }

    /**
     * Per (role, country), role S the claims naming the country as subject, C as claimant; countries only.
     * @param claimsWhere the filter as conditions on the claims (ClaimService), without its dates: for the ragged days of a
     *            date range, which add their own
     */
    public Map<String, long[]> perCountry(ClaimFilter filter, String language, SqlWhere claimsWhere) {
        Map<String, long[]> totals = new HashMap<>();
        ClaimFilter f = filter == null ? ClaimFilter.NONE : filter;
        String[] roles = { "S", "C" };
        String[] pairColumns = { "t.subject_country", "t.claimant_country" };
        String[] claimColumns = { "c.subject_country", "c.claimant_country" };
        for (int role = 0; role < 2; role++) {
            // the other role's country given: the pair counts (a claim with a country in both roles); else the country counts
            boolean pairs = (role == 0 ? f.claimantCountry() : f.subjectCountry()) != null;
            Counting counting = pairs ? counting(filter, language, claimsWhere, "t.subject_country", "t.claimant_country")
                    : counting(filter, language, claimsWhere, "t.country", "t.country");
            String sql = pairs ? "select " + pairColumns[role] + ", sum(t.claims) from country_pair_counts t"
                    : "select t.country, sum(t.claims) from country_claim_counts t";
            for (ClaimPeriods.Periods periods : counting.split().periods()) {
                SqlWhere where = rows(counting.counts(), periods);
                if (!pairs) {
                    where.add("t.role = '" + roles[role] + "'").add("t.country <> ''");
                }
                for (Object row : where.bind(em.createNativeQuery(sql + where.sql() + " group by " + (pairs ? pairColumns[role] : "t.country"),
                        Object[].class)).getResultList()) {
                    add(totals, (Object[]) row, role);
                }
            }
            for (ClaimPeriods.Days days : counting.split().days()) {
                SqlWhere where = days(counting.claims(), days).add(claimColumns[role] + " is not null");
                for (Object row : where.bind(em.createNativeQuery("select " + claimColumns[role] + ", count(*) from claim c" + where.sql()
                        + " group by " + claimColumns[role], Object[].class)).getResultList()) {
                    add(totals, (Object[]) row, role);
                }
            }
        }
        return totals;
    }

    private static void add(Map<String, long[]> totals, Object[] row, int role) {
        totals.computeIfAbsent(key(row[0]), k -> new long[2])[role] += ((Number) row[1]).longValue();
    }

    /** Per (claimant country, subject country), both known: rows of (claimant, subject, count). */
    public List<Object[]> perPair(ClaimFilter filter, String language, SqlWhere claimsWhere) {
        Map<List<String>, Long> totals = new HashMap<>();
        Counting counting = counting(filter, language, claimsWhere, "t.subject_country", "t.claimant_country");
        for (ClaimPeriods.Periods periods : counting.split().periods()) {
            SqlWhere where = rows(counting.counts(), periods);
            for (Object row : where.bind(em.createNativeQuery("select t.claimant_country, t.subject_country, sum(t.claims)"
                    + " from country_pair_counts t" + where.sql() + " group by t.claimant_country, t.subject_country",
                    Object[].class)).getResultList()) {
                Object[] cols = (Object[]) row;
                totals.merge(List.of(key(cols[0]), key(cols[1])), ((Number) cols[2]).longValue(), Long::sum);
            }
        }
        for (ClaimPeriods.Days days : counting.split().days()) {
            SqlWhere where = days(counting.claims(), days).add("c.claimant_country is not null").add("c.subject_country is not null");
            for (Object row : where.bind(em.createNativeQuery("select c.claimant_country, c.subject_country, count(*) from claim c"
                    + where.sql() + " group by c.claimant_country, c.subject_country", Object[].class)).getResultList()) {
                Object[] cols = (Object[]) row;
                totals.merge(List.of(key(cols[0]), key(cols[1])), ((Number) cols[2]).longValue(), Long::sum);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        totals.forEach((pair, n) -> rows.add(new Object[] { pair.get(0), pair.get(1), n }));
        return rows;
    }

    /** All-time allegations per (own, other) country pair: own as subject when {@code accusers}, else as claimant. */
    public List<Object[]> counterparts(Collection<String> codes, boolean accusers) {
        String own = accusers ? "t.subject_country" : "t.claimant_country";
        String other = accusers ? "t.claimant_country" : "t.subject_country";
        List<Object[]> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("select " + own + ", " + other + ", sum(t.claims) from country_pair_counts t"
                + " where " + own + " in (:codes) and t.span = 'A' and t.stance = 'ALLEGES' and t.period = 0 group by " + own + ", "
                + other, Object[].class).setParameter("codes", Set.copyOf(codes)).getResultList()) {
            Object[] cols = (Object[]) row;
            rows.add(new Object[] { key(cols[0]), key(cols[1]), cols[2] });
        }
        return rows;
    }

    /** Per month of statedOn (202211), dated claims only. */
    public Map<Integer, Long> perMonth(ClaimFilter filter, String language, SqlWhere claimsWhere) {
        Map<Integer, Long> totals = new HashMap<>();
        boolean pair = filter != null && filter.subjectCountry() != null && filter.claimantCountry() != null;
        boolean byClaimant = !pair && filter != null && filter.claimantCountry() != null;
        Counting counting = pair ? counting(filter, language, claimsWhere, "t.subject_country", "t.claimant_country")
                : counting(filter, language, claimsWhere, "t.role = 'S' and t.country", "t.role = 'C' and t.country");
        SqlWhere base = counting.counts().copy();
        if (!pair && !byClaimant && (filter == null || filter.subjectCountry() == null)) {
            base.add("t.role = 'S'"); // every claim once: its subject's row ('' when it has none)
        }
        ClaimPeriods.Split split = filter == null ? ClaimPeriods.split(null, null) : ClaimPeriods.split(filter.statedFrom(), filter.statedTo());
        List<ClaimPeriods.Periods> months = new ArrayList<>();
        for (ClaimPeriods.Periods periods : split.periods()) {
            switch (periods.span()) { // per month: a year's months, all time's every month
                case "Y" -> months.add(new ClaimPeriods.Periods("M", periods.from() * 100 + 1, periods.to() * 100 + 12));
                case "A" -> months.add(new ClaimPeriods.Periods("M", 0, 999_999));
                default -> months.add(periods);
            }
        }
        for (ClaimPeriods.Periods periods : months) {
            SqlWhere where = rows(base, periods);
            for (Object row : where.bind(em.createNativeQuery("select t.period, sum(t.claims) from "
                    + (pair ? "country_pair_counts" : "country_claim_counts") + " t" + where.sql() + " group by t.period",
                    Object[].class)).getResultList()) {
                Object[] cols = (Object[]) row;
                totals.merge(((Number) cols[0]).intValue(), ((Number) cols[1]).longValue(), Long::sum);
            }
        }
        for (ClaimPeriods.Days days : split.days()) {
            SqlWhere where = days(counting.claims(), days);
            for (Object row : where.bind(em.createNativeQuery("select extract(year from c.stated_on) * 100 + extract(month from c.stated_on),"
                    + " count(*) from claim c" + where.sql() + " group by extract(year from c.stated_on) * 100 + extract(month from c.stated_on)",
                    Object[].class)).getResultList()) {
                Object[] cols = (Object[]) row;
                totals.merge(((Number) cols[0]).intValue(), ((Number) cols[1]).longValue(), Long::sum);
            }
        }
        return totals;
    }

    /**
     * @param subjectColumn the count rows' condition naming the subject country (completed with " = :param")
     * @param claimantColumn the same for the claimant country
     */
    private Counting counting(ClaimFilter filter, String language, SqlWhere claimsWhere, String subjectColumn, String claimantColumn) {
        ClaimFilter f = filter == null ? ClaimFilter.NONE : filter;
        SqlWhere counts = new SqlWhere()
                .add(subjectColumn + " = :countedSubject", "countedSubject", countries.requireCode(f.subjectCountry(), "filter.subjectCountry"))
                .add(claimantColumn + " = :countedClaimant", "countedClaimant",
                        countries.requireCode(f.claimantCountry(), "filter.claimantCountry"))
                .add("t.language = :countedLanguage", "countedLanguage", language);
        if (f.stance() != null) {
            counts.add("t.stance in (:countedStances)", "countedStances", f.stance().stream().map(Enum::name).toList());
        }
        if (f.category() != null) {
            counts.add("t.category in (:countedCategories)", "countedCategories", f.category().stream().map(Enum::name).toList());
        }
        return new Counting(counts, claimsWhere, ClaimPeriods.split(f.statedFrom(), f.statedTo()));
    }

    private static SqlWhere rows(SqlWhere counts, ClaimPeriods.Periods periods) {
        SqlWhere where = counts.copy().add("t.span = :span", "span", periods.span());
        return periods.from() == periods.to() ? where.add("t.period = :period", "period", periods.from())
                : where.add("t.period between :periodFrom and :periodTo", "periodFrom", periods.from()).param("periodTo", periods.to());
    }

    private static SqlWhere days(SqlWhere claims, ClaimPeriods.Days days) {
        return claims.copy().add("c.stated_on between :daysFrom and :daysTo", "daysFrom", days.from()).param("daysTo", days.to());
    }

    private static String key(Object code) {
        return code == null ? null : code.toString().trim();
    }
}
