package org.allegationatlas;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import io.restassured.response.Response;

/**
 * Posts the GraphQL documents of {@code src/test/resources/graphql/} to {@code POST /graphql},
 * as a client would: {@code {"query": ..., "variables": ...}} over application/json.
 */
public final class GraphQL {

    private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Jsonb JSONB = JsonbBuilder.create();
    /** What must never reach a client: exception names, stack frames, Java class names. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat (org|java|io|jdk|sun)\\.|\\b(org|java|jakarta|io|graphql|com)(\\.[a-z_][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*"
                    + "|(?i:\\bhibernate\\b|\\bjdbc\\b|\\bsql statement\\b)");

    private GraphQL() {
    }

    /** The text of {@code graphql/<name>.graphql}. */
    public static String document(String name) {
        return DOCUMENTS.computeIfAbsent(name, n -> {
            String path = "graphql/" + n + ".graphql";
            try (InputStream in = GraphQL.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("no test document " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Variables from name/value pairs; null values are kept (an explicit null). */
    public static Map<String, Object> vars(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("vars takes name/value pairs");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            vars.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return vars;
    }

    /** Posts a document with variables; the raw response. */
    public static Response post(String name, Map<String, Object> variables) {
        return postQuery(document(name), variables);
    }

    public static Response postQuery(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        return given().contentType("application/json").accept("application/json")
                .body(JSONB.toJson(body))
                .when().post("/graphql");
    }

    /** Posts a document that must succeed: HTTP 200, no {@code errors}; its {@code data}. */
    public static Json ok(String name, Map<String, Object> variables) {
        Response response = post(name, variables);
        String text = response.asString();
        assertEquals(200, response.statusCode(), () -> name + " answered HTTP " + response.statusCode() + ": " + text);
        Json json = Json.parse(text);
        assertThat(name + " must answer without errors: " + text, json.get("errors"), nullValue());
        assertThat(name + " must answer data: " + text, json.get("data"), notNullValue());
        return json.at("data");
    }

    public static Json ok(String name, Object... namesAndValues) {
        return ok(name, vars(namesAndValues));
    }

    /**
     * Posts a document that must fail with an error of {@code code} whose message names
     * {@code mentioned}; checks that no error leaks internals. The whole answer, from its root.
     */
    public static Json error(String name, Map<String, Object> variables, String code, String mentioned) {
        return assertError(name, post(name, variables), code, mentioned);
    }

    public static Json errorOfQuery(String query, Map<String, Object> variables, String code, String mentioned) {
        return assertError("query", postQuery(query, variables), code, mentioned);
    }

    private static Json assertError(String name, Response response, String code, String mentioned) {
        String text = response.asString();
        assertTrue(response.statusCode() == 200 || response.statusCode() == 400,
                () -> name + " answered HTTP " + response.statusCode() + ": " + text);
        Json json = Json.parse(text);
        List<Map<String, Object>> errors = json.getList("errors");
        assertThat(name + " must answer errors: " + text, errors, notNullValue());
        assertFalse(errors.isEmpty(), () -> name + " must answer errors: " + text);
        assertThat(name + ": " + text, json.getString("errors[0].extensions.code"), is(code));
        assertThat(name + ": " + text, json.getString("errors[0].message"), not(emptyOrNullString()));
        if (mentioned != null) {
            assertThat("the message must name the offending value: " + text, json.getString("errors[0].message"),
                    containsString(mentioned));
        }
        assertNoLeak(json);
        return json;
    }

    /**
     * Every error has a code, and no message or extension shows an exception, a stack frame
     * or a class name. {@code extensions.classification} is left to {@link #assertStrictlyNoLeak}.
     */
    public static void assertNoLeak(Json answer) {
        check(answer, false);
    }

    /** As {@link #assertNoLeak}, and {@code extensions.classification} too. */
    public static void assertStrictlyNoLeak(Json answer) {
        check(answer, true);
    }

    private static void check(Json answer, boolean classificationToo) {
        List<Map<String, Object>> errors = answer.getList("errors");
        if (errors == null) {
            return;
        }
        for (Map<String, Object> error : errors) {
            @SuppressWarnings("unchecked")
            Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
            assertThat("every error carries extensions.code: " + error, extensions == null ? null : extensions.get("code"),
                    notNullValue());
            Map<String, Object> shownExtensions = new LinkedHashMap<>(extensions);
            if (!classificationToo) {
                shownExtensions.remove("classification");
            }
            String shown = error.get("message") + " " + JSONB.toJson(shownExtensions);
            assertFalse(LEAK.matcher(shown).find(), () -> "an error shows internals: " + shown);
        }
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }
}
