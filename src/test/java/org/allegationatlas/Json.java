package org.allegationatlas;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A GraphQL answer as plain Java values (Map, List, String, Integer/Long/Double, Boolean,
 * null), read with dotted paths: {@code "claims.edges.node.summary"} maps over lists (one
 * list per list crossed), {@code "edges[0].node"} picks an element.
 */
public final class Json {

    private final Object root;

    private Json(Object root) {
        this.root = root;
    }

    public static Json parse(String text) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return new Json(plain(reader.readValue()));
        }
    }

    public static Json of(Object value) {
        return new Json(value);
    }

    /** The part of the answer at {@code path}, to read further from. */
    public Json at(String path) {
        return new Json(get(path));
    }

    /** The first element of the list at {@code listPath} whose {@code keyPath} equals {@code value}; null value when none. */
    public Json first(String listPath, String keyPath, Object value) {
        for (Object element : getList(listPath)) {
            if (Objects.equals(of(element).get(keyPath), value)) {
                return new Json(element);
            }
        }
        return new Json(null);
    }

    public Object root() {
        return root;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String path) {
        Object value = root;
        if (path == null || path.isEmpty()) {
            return (T) value;
        }
        for (String segment : path.split("\\.")) {
            String name = segment;
            Integer index = null;
            int bracket = segment.indexOf('[');
            if (bracket >= 0) {
                name = segment.substring(0, bracket);
                index = Integer.valueOf(segment.substring(bracket + 1, segment.indexOf(']')));
            }
            if (!name.isEmpty()) {
                value = field(value, name);
            }
            if (index != null) {
                List<Object> list = (List<Object>) value;
                value = list == null || index >= list.size() ? null : list.get(index);
            }
        }
        return (T) value;
    }

    @SuppressWarnings("unchecked")
    private static Object field(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (value instanceof List<?> list) {
            List<Object> projected = new ArrayList<>();
            for (Object element : list) {
                projected.add(field(element, name));
            }
            return projected;
        }
        return null;
    }

    public String getString(String path) {
        Object value = get(path);
        return value == null ? null : value.toString();
    }

    public int getInt(String path) {
        Object value = get(path);
        if (!(value instanceof Number n)) {
            throw new AssertionError(path + " is not a number: " + value + " in " + this);
        }
        return n.intValue();
    }

    public Boolean getBoolean(String path) {
        return get(path);
    }

    public <T> List<T> getList(String path) {
        return get(path);
    }

    public Map<String, Object> getMap(String path) {
        return get(path);
    }

    @Override
    public String toString() {
        return GraphQL.toJson(root);
    }

    private static Object plain(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, plain(v)));
                return map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(v -> list.add(plain(v)));
                return list;
            }
            case STRING -> {
                return ((JsonString) value).getString();
            }
            case NUMBER -> {
                JsonNumber n = (JsonNumber) value;
                if (n.isIntegral()) {
                    long l = n.longValue();
                    return l == (int) l ? (Object) (int) l : (Object) l;
                }
                return n.doubleValue();
            }
            case TRUE -> {
                return Boolean.TRUE;
            }
            case FALSE -> {
                return Boolean.FALSE;
            }
            default -> {
                return null;
            }
        }
    }
}
