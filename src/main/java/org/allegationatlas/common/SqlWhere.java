package org.allegationatlas.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    public <Q extends Query> Q bind(Q query) {
        params.forEach(query::setParameter);
        return query;
    }
}
