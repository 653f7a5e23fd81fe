package org.allegationatlas.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.allegationatlas.actor.Actor;
import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.common.Languages;
import org.allegationatlas.common.CountCache;
import org.allegationatlas.common.Page;
import org.allegationatlas.common.PageRequest;
import org.allegationatlas.common.SqlWhere;
import org.allegationatlas.common.Text;
import org.allegationatlas.common.data.JdbcReads;
import org.allegationatlas.common.graphql.ItemLimit;
import org.allegationatlas.country.Countries;

/**
 * Reads claims. Every method answers for a whole batch of parents with a fixed number
 * of statements, so that GraphQL lists never cost one query per row.
 */
@ApplicationScoped
@Transactional
public class ClaimService {

    private static final String ALLEGES = "'" + Stance.ALLEGES.name() + "'";
    private static final List<String> ROLES = List.of("claimant", "subject", "counterparty", "place");
    /** A claim's columns and its actors' ({@link #claim}), from claim {@code c} and its {@link #ACTORS}. */
    private static final String COLUMNS = "c.*" + ROLES.stream().map(role -> {
        String a = role + "_actor";
        return ", " + a + ".name as " + role + "_name, " + a + ".kind as " + role + "_kind, " + a + ".title as " + role
                + "_title, " + a + ".country_code as " + role + "_actor_country";
    }).collect(Collectors.joining());
    /** Each actor of claim {@code c} by its primary key: a probe per role and row of the page, no second statement. */
    private static final String ACTORS = ROLES.stream()
            .map(role -> (role.equals("claimant") || role.equals("subject") ? " join" : " left join") + " actor " + role
                    + "_actor on " + role + "_actor.id = c." + role + "_id")
            .collect(Collectors.joining());

    @Inject
    EntityManager em;
    @Inject
    Countries countries;
    @Inject
    CountCache counts;
    @Inject
    ClaimCounts kept;
    @Inject
    JdbcReads reads;
    @ConfigProperty(name = "atlas.graphql.max-items", defaultValue = "50000")
    int maxItems;

    /** The claims with these ids (read-only, for the API). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Claim> byIds(Collection<Long> ids) {
        Map<Long, Claim> found = new HashMap<>();
        if (!ids.isEmpty()) {
            reads.list("select " + COLUMNS + " from claim c" + ACTORS + " where c.id = any(?)", List.of(Set.copyOf(ids)),
                    Integer.MAX_VALUE, ClaimService::claim)
                    .forEach(c -> found.put(c.numericId(), c));
        }
        return found;
    }

    /** Claims of each article, in the order they appear in its body; at most the item limit of a request in all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<Claim>> byArticles(Collection<Long> articleIds) {
        return groupBy(articleIds, "article_id", Claim::articleId, "c.quote_start, c.id", "claims of articles");
    }

    /** Denials and confirmations that answer each claim; at most the item limit of a request in all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<Claim>> responsesTo(Collection<Long> claimIds) {
        return groupBy(claimIds, "responds_to_id", Claim::respondsToId, "c.id", "responses");
    }

    private Map<Long, List<Claim>> groupBy(Collection<Long> keys, String column, Function<Claim, Long> keyOf,
            String order, String what) {
        Map<Long, List<Claim>> grouped = new HashMap<>();
        if (!keys.isEmpty()) {
            List<Claim> rows = reads.list("select " + COLUMNS + " from claim c" + ACTORS + " where c." + column + " = any(?) order by "
                    + order,
                    List.of(Set.copyOf(keys)), maxItems + 1, ClaimService::claim);
            ItemLimit.atMost(rows, maxItems, what).forEach(c -> grouped.computeIfAbsent(keyOf.apply(c), k -> new ArrayList<>()).add(c));
        }
        return grouped;
    }

    /** The top-level claims list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Claim> page(ClaimFilter filter, ClaimOrder order, PageRequest request) {
        SqlWhere where = where(filter);
        long total = count(where);
        boolean descending = order != ClaimOrder.STATED_ON_ASC;
        SqlWhere paged = where.copy().after("c.stated_on", "c.id", descending, request.after(), request.after() == null ? null : request.after().dateKey());
        List<Claim> rows = pageOfClaims(paged, SqlWhere.orderBy("c.stated_on", "c.id", descending), request.fetchSize(),
                ClaimService::claim);
        return Page.of(rows, request, total);
    }

    /** Parents whose pages are read one index range each, in one statement; more are ranked with row_number(). */
    private static final int PARENTS_BY_INDEX = 100;

    /**
     * The claim table as {@code c}, for a page of {@code list}. For an actor's claims, on H2, with the list's index named:
     * H2 also has a one-column index for the actor's foreign key, equal in cost to its planner, and took it, sorting
     * every claim of the actor (tens of thousands at a million claims) for each page.
     */
    private String claims(ClaimList list) {
        String index = switch (list) {
            case MADE_BY -> "claim_claimant";
            case ABOUT -> "claim_subject";
            default -> null;
        };
        return index != null && reads.onH2() ? "claim c use index (" + index + ")" : "claim c";
    }

    /** One page of a list per parent key (a country code or an actor id), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Object, Page<Claim>> pages(ClaimList list, Collection<?> keys, ClaimFilter filter, PageRequest request) {
        Map<Object, Page<Claim>> pages = new LinkedHashMap<>();
        keys.forEach(k -> pages.put(k, Page.empty()));
        if (keys.isEmpty()) {
            return pages;
        }
        SqlWhere filtered = where(filter);
        if (list.allegationsOnly) {
            filtered.add("c.stance = " + ALLEGES);
        }
        SqlWhere where = filtered.copy().add("c." + list.column + " in (:keys)", "keys", Set.copyOf(keys));
        Map<Object, Long> totals = counts.get("totals " + list + where.key(), () -> {
            Map<Object, Long> byKey = new HashMap<>();
            SqlWhere.Jdbc grouped = where.jdbc("select c." + list.column + ", count(*) from claim c" + where.sql()
                    + " group by c." + list.column);
            reads.list(grouped.sql(), grouped.params(), Integer.MAX_VALUE,
                    row -> Map.entry(normalizeKey(row.getObject(1)), row.getLong(2)))
                    .forEach(e -> byKey.put(e.getKey(), e.getValue()));
            return Map.copyOf(byKey);
        });

        String order = SqlWhere.orderBy("c.stated_on", "c.id", true);
        SqlWhere paged = where.copy().after("c.stated_on", "c.id", true, request.after(), request.after() == null ? null : request.after().dateKey());
        JdbcReads.Row<Map.Entry<Object, Claim>> keyed = row -> Map.entry(normalizeKey(row.getObject(list.column)), claim(row));
        List<Map.Entry<Object, Claim>> rows;
        // the constant leading columns of the list's index, repeated in the order, let H2 read
        // the page straight from the index instead of sorting every row of the list
        String indexOrder = "c." + list.column + (list.allegationsOnly ? ", c.stance, " : ", ") + order;
        if (keys.size() == 1) {
            rows = pageOfClaims(claims(list), paged, indexOrder, request.fetchSize(), keyed);
        } else if (keys.size() <= PARENTS_BY_INDEX) {
            // one statement for every parent, each parent's page read from the index as for one parent: ranking every
            // row of the parents (below) took seconds for 20 actors of a million claims
            SqlWhere each = filtered.copy().after("c.stated_on", "c.id", true, request.after(),
                    request.after() == null ? null : request.after().dateKey());
            List<String> branches = new ArrayList<>();
            int i = 0;
            for (Object key : new LinkedHashSet<>(keys)) {
                String parent = "parent" + i++;
                branches.add("(select c.* from " + claims(list) + each.copy().add("c." + list.column + " = :" + parent).sql()
                        + " order by " + indexOrder + " fetch first " + request.fetchSize() + " rows only)");
                each.param(parent, key);
            }
            rows = selectClaims("select " + COLUMNS + " from (" + String.join(" union all ", branches) + ") c" + ACTORS
                    + " order by " + order, each, Integer.MAX_VALUE, keyed);
        } else {
            // one statement for every parent: the first rows of each partition
            // (the actors joined to the page's rows only, not to every row ranked)
            paged.param("fetch", request.fetchSize());
            rows = selectClaims("select " + COLUMNS + " from (select c.*, row_number() over (partition by c." + list.column
                    + " order by " + order + ") as page_row from claim c" + paged.sql() + ") c" + ACTORS
                    + " where c.page_row <= :fetch order by c.page_row", paged, Integer.MAX_VALUE, keyed);
        }
        Map<Object, List<Claim>> grouped = new HashMap<>();
        rows.forEach(e -> grouped.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        grouped.forEach((key, claims) -> pages.put(key, Page.of(claims, request, totals.getOrDefault(key, 0L))));
        return pages;
    }

    /** Allegation counts per (accuser, accused) country pair, most first. */
    public List<Object[]> allegationMatrix(ClaimFilter filter) {
        SqlWhere where = where(filter).add("c.stance = " + ALLEGES)
                .add("c.claimant_country is not null").add("c.subject_country is not null");
        if (kept.answers(filter)) {
            ClaimFilter allegations = withStance(filter, List.of(Stance.ALLEGES));
            if (allegations.stance().isEmpty()) {
                return List.of(); // the filter asks for other stances only
            }
            SqlWhere ragged = where(undated(filter)).add("c.stance = " + ALLEGES);
            return counts.get("kept pairs" + where.key(), () -> mostFirst(kept.perPair(allegations, language(filter), ragged)));
        }
        return countPairs("c.claimant_country", "c.subject_country", where);
    }

    /**
     * The filter without its dates, for the claims of a date range's ragged days (ClaimCounts), which bring their own:
     * with both, H2 read the claims through the whole range's dates (half of a million claims, past the statement
     * timeout) instead of the few days'.
     */
    private static ClaimFilter undated(ClaimFilter filter) {
        ClaimFilter f = filter == null ? ClaimFilter.NONE : filter;
        return new ClaimFilter(f.subjectCountry(), f.claimantCountry(), f.counterpartyCountry(), f.stance(), f.category(), null, null,
                f.text(), f.language());
    }

    /** The filter with {@code stance} as its stances (when it has others too, only those in both). */
    private static ClaimFilter withStance(ClaimFilter filter, List<Stance> stance) {
        ClaimFilter f = filter == null ? ClaimFilter.NONE : filter;
        List<Stance> stances = f.stance() == null ? stance : f.stance().stream().filter(stance::contains).toList();
        return new ClaimFilter(f.subjectCountry(), f.claimantCountry(), f.counterpartyCountry(), stances, f.category(),
                f.statedFrom(), f.statedTo(), f.text(), f.language());
    }

    /** Pair rows (first, second, count) most first, then by codes. */
    private static List<Object[]> mostFirst(List<Object[]> rows) {
        List<Object[]> sorted = new ArrayList<>();
        rows.forEach(r -> sorted.add(new Object[] { r[0], r[1], ((Number) r[2]).intValue() }));
        sorted.sort(Comparator.<Object[]> comparingInt(r -> -(int) r[2]).thenComparing(r -> (String) r[0])
                .thenComparing(r -> (String) r[1]));
        return List.copyOf(sorted);
    }

    private static String language(ClaimFilter filter) {
        return filter == null ? null : Languages.canonical(filter.language(), "filter.language");
    }

    /**
     * Per country, the claims under the filter whose subject and whose claimant it is (for the map):
     * rows of (country, as subject, as claimant), in code order. From the counts kept at write time (ClaimCounts) unless
     * the filter needs the claims; cached per data version.
     */
    public List<Object[]> claimTotals(ClaimFilter filter) {
        SqlWhere where = where(filter);
        if (kept.answers(filter)) {
            return counts.get("kept totals" + where.key(), () -> {
                List<Object[]> rows = new ArrayList<>();
                new TreeMap<>(kept.perCountry(filter, language(filter), where(undated(filter))))
                        .forEach((code, n) -> rows.add(new Object[] { code, (int) n[0], (int) n[1] }));
                return List.copyOf(rows);
            });
        }
        return counts.get("claim totals" + where.key(), () -> {
            Map<String, int[]> byCountry = new TreeMap<>();
            String[] roles = { "c.subject_country", "c.claimant_country" };
            for (int role = 0; role < roles.length; role++) {
                SqlWhere withRole = where.copy().add(roles[role] + " is not null");
                for (Object row : withRole.bind(em.createNativeQuery("select " + roles[role] + ", count(*) from claim c"
                        + withRole.sql() + " group by " + roles[role], Object[].class)).getResultList()) {
                    Object[] cols = (Object[]) row;
                    byCountry.computeIfAbsent((String) normalizeKey(cols[0]), k -> new int[2])[role] = ((Number) cols[1]).intValue();
                }
            }
            List<Object[]> rows = new ArrayList<>();
            byCountry.forEach((code, n) -> rows.add(new Object[] { code, n[0], n[1] }));
            return List.copyOf(rows);
        });
    }

    /** Claims under the filter per month of {@code statedOn}, oldest first: rows of ("2022-11", count); undated claims are left out. */
    public List<Object[]> perMonth(ClaimFilter filter) {
        SqlWhere where = where(filter).add("c.stated_on is not null");
        if (kept.answers(filter)) {
            return counts.get("kept per month" + where.key(), () -> {
                List<Object[]> rows = new ArrayList<>();
                new TreeMap<>(kept.perMonth(filter, language(filter), where(undated(filter)))).forEach((month, n) -> rows.add(new Object[] {
                        String.format(Locale.ROOT, "%04d-%02d", month / 100, month % 100), n.intValue() }));
                return List.copyOf(rows);
            });
        }
        return counts.get("per month" + where.key(), () -> {
            List<Object[]> rows = new ArrayList<>();
            where.bind(em.createNativeQuery("select extract(year from c.stated_on) as y, extract(month from c.stated_on) as m, count(*)"
                    + " from claim c" + where.sql() + " group by extract(year from c.stated_on), extract(month from c.stated_on)"
                    + " order by y, m", Object[].class)).getResultList().forEach(row -> {
                        Object[] cols = (Object[]) row;
                        rows.add(new Object[] { String.format(Locale.ROOT, "%04d-%02d", ((Number) cols[0]).intValue(),
                                ((Number) cols[1]).intValue()), ((Number) cols[2]).intValue() });
                    });
            return List.copyOf(rows);
        });
    }

    /**
     * For each country, the countries on the other side of its allegations, with counts:
     * its accusers when {@code accusers}, else the countries it accuses.
     * @return rows of (country, other country, count), most first
     */
    public List<Object[]> counterpartsOf(Collection<String> countryCodes, boolean accusers) {
        if (countryCodes.isEmpty()) {
            return List.of();
        }
        return counts.get("counterparts " + accusers + new TreeSet<>(countryCodes),
                () -> mostFirst(kept.counterparts(countryCodes, accusers)));
    }

    private List<Object[]> countPairs(String first, String second, SqlWhere where) {
        return counts.get("pairs " + first + " " + second + where.key(), () -> queryPairs(first, second, where));
    }

    private List<Object[]> queryPairs(String first, String second, SqlWhere where) {
        List<Object[]> rows = new ArrayList<>();
        where.bind(em.createNativeQuery("select " + first + ", " + second + ", count(*) as n from claim c" + where.sql()
                + " group by " + first + ", " + second + " order by n desc, " + first + ", " + second, Object[].class))
                .getResultList().forEach(row -> {
                    Object[] cols = (Object[]) row;
                    rows.add(new Object[] { normalizeKey(cols[0]), normalizeKey(cols[1]), ((Number) cols[2]).intValue() });
                });
        return List.copyOf(rows);
    }

    /** Codes of the countries that take part in at least one claim, in any role. */
    public Set<String> involvedCountryCodes() {
        return counts.get("involved", this::queryInvolvedCountryCodes);
    }

    private Set<String> queryInvolvedCountryCodes() {
        Set<String> codes = new TreeSet<>();
        for (String column : List.of("claimant_country", "subject_country", "counterparty_country", "place_country")) {
            em.createNativeQuery("select distinct " + column + " from claim where " + column + " is not null")
                    .getResultList().forEach(code -> codes.add((String) normalizeKey(code)));
        }
        return codes;
    }

    private SqlWhere where(ClaimFilter filter) {
        ClaimFilter f = filter == null ? ClaimFilter.NONE : filter;
        SqlWhere where = new SqlWhere()
                .add("c.subject_country = :subjectCountry", "subjectCountry",
                        countries.requireCode(f.subjectCountry(), "filter.subjectCountry"))
                .add("c.claimant_country = :claimantCountry", "claimantCountry",
                        countries.requireCode(f.claimantCountry(), "filter.claimantCountry"))
                .add("c.counterparty_country = :counterpartyCountry", "counterpartyCountry",
                        countries.requireCode(f.counterpartyCountry(), "filter.counterpartyCountry"))
                .add("c.stated_on >= :statedFrom", "statedFrom", f.statedFrom())
                .add("c.stated_on <= :statedTo", "statedTo", f.statedTo());
        if (f.stance() != null) {
            where.add("c.stance in (:stances)", "stances", f.stance().stream().map(Enum::name).toList());
        }
        if (f.category() != null) {
            where.add("c.category in (:categories)", "categories", f.category().stream().map(Enum::name).toList());
        }
        if (!Text.isBlank(f.text())) {
            where.add("(lower(c.summary) like :text escape '\\' or lower(c.quote) like :text escape '\\')", "text",
                    Text.containsPattern(f.text().trim().toLowerCase(Locale.ROOT)));
        }
        String language = Languages.canonical(f.language(), "filter.language");
        if (language != null) {
            // one primary-key probe per claim: about twice as fast on H2 as "article_id in (select ...)"
            where.add("exists (select 1 from article a where a.id = c.article_id and a.language = :language)", "language",
                    language);
        }
        return where;
    }

    private long count(SqlWhere where) {
        return counts.get("count" + where.key(), () -> {
            SqlWhere.Jdbc count = where.jdbc("select count(*) from claim c" + where.sql());
            return reads.list(count.sql(), count.params(), 1, row -> row.getLong(1)).get(0);
        });
    }

    /** Claims read by {@code sql}, at most {@code maxRows} (a limit in the SQL, so that the plan stops early). */
    /**
     * A page of claims in {@code order}: picked from the claim table alone, then its rows' actors joined. Joined
     * in one query, H2 may start from the smaller actor table and sort every claim (an unfiltered page of a
     * million claims then ran past the statement timeout).
     */
    private <T> List<T> pageOfClaims(SqlWhere paged, String order, int fetchSize, JdbcReads.Row<T> row) {
        return pageOfClaims("claim c", paged, order, fetchSize, row);
    }

    private <T> List<T> pageOfClaims(String claims, SqlWhere paged, String order, int fetchSize, JdbcReads.Row<T> row) {
        return selectClaims("select " + COLUMNS + " from (select c.* from " + claims + paged.sql() + " order by " + order
                + " fetch first " + fetchSize + " rows only) c" + ACTORS + " order by " + order, paged, Integer.MAX_VALUE, row);
    }

    private <T> List<T> selectClaims(String sql, SqlWhere where, int maxRows, JdbcReads.Row<T> row) {
        SqlWhere.Jdbc select = where.jdbc(maxRows == Integer.MAX_VALUE ? sql : sql + " fetch first " + maxRows + " rows only");
        return reads.list(select.sql(), select.params(), Integer.MAX_VALUE, row);
    }

    /** The claim in the current row of a {@code select COLUMNS from claim c ACTORS}. */
    static Claim claim(ResultSet row) throws SQLException {
        return new Claim(String.valueOf(row.getLong("id")), Stance.valueOf(row.getString("stance")),
                ClaimCategory.valueOf(row.getString("category")), row.getString("summary"), row.getString("quote"),
                row.getInt("quote_start"), row.getInt("quote_end"), row.getObject("stated_on", LocalDate.class),
                JdbcReads.nullableEnum(row, "stated_on_precision", DatePrecision.class), ClaimOrigin.valueOf(row.getString("origin")),
                JdbcReads.nullableDouble(row, "confidence"), row.getString("explanation"), actor(row, "claimant"),
                actor(row, "subject"), actor(row, "counterparty"), actor(row, "place"), row.getLong("article_id"),
                JdbcReads.nullableLong(row, "responds_to_id"), row.getString("subject_country"));
    }

    /** The actor in {@code role} of the current row (null where the claim has none). */
    private static Actor actor(ResultSet row, String role) throws SQLException {
        String kind = row.getString(role + "_kind");
        return kind == null ? null : new Actor(String.valueOf(row.getLong(role + "_id")), row.getString(role + "_name"),
                ActorKind.valueOf(kind), row.getString(role + "_title"), row.getString(role + "_actor_country"));
    }


    /** Country codes come back as CHAR(2) strings, actor ids as some Number: make them map keys. */
    private static Object normalizeKey(Object key) {
        if (key instanceof Number n) {
            return n.longValue();
        }
        return key == null ? null : key.toString().trim();
    }
}
