package org.allegationatlas.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.allegationatlas.GraphQL;
import org.allegationatlas.RunningApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lean fetchers ({@code atlas.graphql.lean-context}, on by default: operations, relation batches and
 * properties) answer exactly what SmallRye's own fetchers answer: the same database asked the same documents (every relation, fragments,
 * aliases, arguments, refused arguments and a write refused for want of a token), byte for byte, once
 * with the switch on and once off.
 */
class LeanContextIT {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Test
    void answersAreTheSameByteForByteWithTheSwitchOnAndOff(@TempDir Path data) throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getProperty("atlas.db-kind", "h2")),
                "one embedded database asked twice (the fetcher does not depend on the database)");
        Map<String, String> lean;
        try (RunningApp app = RunningApp.start(data)) {
            lean = answers(app);
            app.stop();
        }
        Map<String, String> smallRyes;
        try (RunningApp app = RunningApp.start(data, "-Datlas.graphql.lean-context=false")) {
            smallRyes = answers(app);
            app.stop();
        }
        assertEquals(smallRyes, lean);
        assertTrue(lean.get("claims").contains("\"country\":{\"code\""), "the claims have actors with countries: " + lean.get("claims"));
        assertFalse(lean.get("claims").contains("\"errors\""), lean.get("claims"));
        assertTrue(lean.get("refused").contains("\"path\":[\"tooMany\"]") && lean.get("refused").contains("\"path\":[\"badId\"]")
                && lean.get("refused").contains("\"code\":\"VALIDATION\""), "each refused argument has its error: " + lean.get("refused"));
        assertTrue(lean.get("delete").contains("\"errors\""), "a write without a token is refused: " + lean.get("delete"));
    }

    private static Map<String, String> answers(RunningApp app) throws IOException, InterruptedException {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("claims", ask(app, document("claimsEverything"), Map.of("first", 50)));
        answers.put("countries", ask(app, document("countries"), Map.of("code", "KP")));
        // graphql-java lists the errors of fields resolved side by side in the order they fail: on a busy machine
        // that order varies from run to run, so each answer's errors are compared in the order of their paths
        answers.put("refused", inPathOrder(ask(app, document("refused"), Map.of())));
        answers.put("delete", ask(app, "mutation { deleteArticle(id: \"1\") }", Map.of()));
        return answers;
    }

    private static String ask(RunningApp app, String query, Map<String, Object> variables) throws IOException, InterruptedException {
        byte[] body = GraphQL.toJson(Map.of("query", query, "variables", variables)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = app.post("/graphql", "application/json", null, body);
        return response.statusCode() + " " + response.body();
    }

    @SuppressWarnings("unchecked")
    private static String inPathOrder(String answer) {
        int body = answer.indexOf(' ');
        Map<String, Object> json = JSONB.fromJson(answer.substring(body + 1), LinkedHashMap.class);
        if (json.get("errors") instanceof List<?> errors) {
            List<Object> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing(error -> String.valueOf(((Map<String, Object>) error).get("path"))));
            json.put("errors", sorted);
        }
        return answer.substring(0, body) + " " + JSONB.toJson(json);
    }

    private static String document(String name) throws IOException {
        try (InputStream in = LeanContextIT.class.getResourceAsStream("/graphql/lean-context/" + name + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
