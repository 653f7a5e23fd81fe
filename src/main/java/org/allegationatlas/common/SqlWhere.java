package org.allegationatlas.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.Query;

/** The WHERE clause of a native query, built from optional conditions, with its parameters. */
public final class SqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    public SqlWhere copy() {
        SqlWhere copy = new SqlWhere();
        copy.conditions.addAll(conditions);
        copy.params.putAll(params);
        return copy;
    }

    public SqlWhere add(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Adds {@code condition}, which uses {@code :param}, unless {@code value} is null. */
    public SqlWhere add(String condition, String param, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(param, value);
        }
        return this;
    }

    public SqlWhere param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** The keyset condition of a list ordered by (column nulls last, idColumn), both one way. */
    public SqlWhere after(String column, String idColumn, boolean descending, Cursor cursor, Object key) {
        if (cursor == null) {
            return this;
        }
        String cmp = descending ? "<" : ">";
        params.put("afterId", cursor.id());
        if (key == null) {
            return add("(" + column + " is null and " + idColumn + " " + cmp + " :afterId)");
        }
        params.put("afterKey", key);
        return add("(" + column + " " + cmp + " :afterKey or (" + column + " = :afterKey and " + idColumn + " " + cmp
                + " :afterId) or " + column + " is null)");
    }

    public static String orderBy(String column, String idColumn, boolean descending) {
        String direction = descending ? " desc" : " asc";
        return column + direction + " nulls last, " + idColumn + direction;
    }

    /** The clause with its parameters, as a cache key. */
    public String key() {
        return sql() + " " + new java.util.TreeMap<>(params);
    }

    public String sql() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** A statement with JDBC's {@code ?} parameters and their values, in order. */
    public record Jdbc(String sql, List<Object> params) {
    }

    private static final Pattern NAMED = Pattern.compile(":(\\w+)");

    /** {@code sql} (using this clause's {@code :names}) for JDBC: a collection's values each take a {@code ?}. */
    public Jdbc jdbc(String sql) {
        List<Object> values = new ArrayList<>();
        Matcher named = NAMED.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (named.find()) {
            if (!params.containsKey(named.group(1))) {
                throw new IllegalArgumentException("no value for :" + named.group(1));
            }
            Object value = params.get(named.group(1));
            String marks = "?";
            if (value instanceof Collection<?> many) {
                values.addAll(many);
                marks = String.join(", ", Collections.nCopies(many.size(), "?"));
            } else {
                values.add(value);
            }
            named.appendReplacement(out, marks);
        }
        named.appendTail(out);
        return new Jdbc(out.toString(), values);
    }

    public <Q extends Query> Q bind(Q query) {
        params.forEach(query::setParameter);
        return query;
    }
}
