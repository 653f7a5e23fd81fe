package org.allegationatlas.export;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks two servers the same GraphQL operations and compares their answers, ids and cursors aside:
 * after an export was imported elsewhere (H2 to PostgreSQL, say), both must answer alike. Operations
 * named {@code ...Pages} are followed page by page through {@code $after}. Uses the JDK alone, so
 * that an operator can run it from a checkout without building anything:
 *
 * <pre>
 * java src/test/java/org/allegationatlas/export/AnswerComparison.java http://old:8080 http://new:8080
 * java .../AnswerComparison.java --token-a R1 --token-b R2 --queries FILE URL_A URL_B   # reader tokens, other questions
 * </pre>
 *
 * Exit code 0 when every answer is the same, 1 otherwise (the first difference of each operation is shown).
 */
public final class AnswerComparison {

    static final String DEFAULT_QUERIES = "src/test/resources/roundtrip/answers.graphql";
    private static final Pattern OPERATION = Pattern.compile("(?m)^query\\s+(\\w+)");
    private static final List<String> IGNORED = List.of("id", "cursor", "endCursor");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String document;
    private final Side a;
    private final Side b;

    record Side(String base, String token) {
    }

    /** The outcome of one operation: how many pages and list items were compared, and the first difference. */
    public record Outcome(String operation, int pages, int items, String difference) {

        public boolean same() {
            return difference == null;
        }

        @Override
        public String toString() {
            return String.format("%s: %,d page%s, %,d items: %s", operation, pages, pages == 1 ? "" : "s", items,
                    same() ? "same" : "DIFFERENT\n  " + difference);
        }
    }

    public AnswerComparison(String document, String baseA, String tokenA, String baseB, String tokenB) {
        this.document = document;
        this.a = new Side(baseA.replaceAll("/+$", ""), tokenA);
        this.b = new Side(baseB.replaceAll("/+$", ""), tokenB);
    }

    public static void main(String... args) throws Exception {
        String tokenA = null;
        String tokenB = null;
        String queries = DEFAULT_QUERIES;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--token-a" -> tokenA = args[++i];
                case "--token-b" -> tokenB = args[++i];
                case "--queries" -> queries = args[++i];
                default -> urls.add(args[i]);
            }
        }
        if (urls.size() != 2) {
            System.err.println("usage: java AnswerComparison.java [--token-a T] [--token-b T] [--queries FILE] URL_A URL_B");
            System.exit(2);
        }
        String document = Files.readString(Path.of(queries));
        List<Outcome> outcomes = new AnswerComparison(document, urls.get(0), tokenA, urls.get(1), tokenB).compareAll(System.out);
        System.exit(outcomes.stream().allMatch(Outcome::same) ? 0 : 1);
    }

    /** Compares every operation of the document, printing each outcome as it is known. */
    public List<Outcome> compareAll(PrintStream out) throws IOException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        Matcher operations = OPERATION.matcher(document);
        while (operations.find()) {
            Outcome outcome = compare(operations.group(1));
            out.println(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    Outcome compare(String operation) throws IOException, InterruptedException {
        boolean paged = operation.endsWith("Pages");
        String afterA = null;
        String afterB = null;
        int pages = 0;
        int items = 0;
        while (true) {
            Object answerA = ask(a, operation, afterA);
            Object answerB = ask(b, operation, afterB);
            pages++;
            for (Object answer : List.of(answerA, answerB)) {
                if (map(answer).containsKey("errors")) {
                    return new Outcome(operation, pages, items, "page " + pages + ": " + (answer == answerA ? a : b).base()
                            + " answered errors: " + shown(map(answer).get("errors")));
                }
            }
            String difference = difference("", normalized(answerA), normalized(answerB));
            if (difference != null) {
                return new Outcome(operation, pages, items, "page " + pages + ": " + difference);
            }
            Map<String, Object> data = map(map(answerA).get("data"));
            items += countItems(data);
            if (!paged) {
                return new Outcome(operation, pages, items, null);
            }
            Map<String, Object> connectionA = map(data.values().iterator().next());
            Map<String, Object> connectionB = map(map(map(answerB).get("data")).values().iterator().next());
            if (!Boolean.TRUE.equals(map(connectionA.get("pageInfo")).get("hasNextPage"))) {
                return new Outcome(operation, pages, items, null);
            }
            afterA = (String) map(connectionA.get("pageInfo")).get("endCursor");
            afterB = (String) map(connectionB.get("pageInfo")).get("endCursor");
        }
    }

    private Object ask(Side side, String operation, String after) throws IOException, InterruptedException {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (after != null) {
            variables.put("after", after);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("operationName", operation);
        body.put("variables", variables);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(side.base() + "/graphql"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        if (side.token() != null) {
            request.header("Authorization", "Bearer " + side.token());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(side.base() + " answered " + operation + " with HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        return new Reader(response.body()).value();
    }

    private static int countItems(Object value) {
        if (value instanceof List<?> list) {
            int n = list.size();
            for (Object element : list) {
                n += countItems(element);
            }
            return n;
        }
        if (value instanceof Map<?, ?> map) {
            int n = 0;
            for (Object element : map.values()) {
                n += countItems(element);
            }
            return n;
        }
        return 0;
    }

    /** The answer without what differs between two databases by design: ids and cursors. */
    static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> kept = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!IGNORED.contains(k)) {
                    kept.put((String) k, normalized(v));
                }
            });
            return kept;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AnswerComparison::normalized).toList();
        }
        return value;
    }

    /** Where two answers first differ, as a path with both values; null when they are the same. */
    static String difference(String path, Object a, Object b) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!ma.keySet().equals(mb.keySet())) {
                return (path.isEmpty() ? "(root)" : path) + ": fields " + ma.keySet() + " vs " + mb.keySet();
            }
            for (Object key : ma.keySet()) {
                String found = difference(path.isEmpty() ? key.toString() : path + "." + key, ma.get(key), mb.get(key));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                String found = difference(path + "[" + i + "]", la.get(i), lb.get(i));
                if (found != null) {
                    return found;
                }
            }
            return la.size() == lb.size() ? null : path + ": " + la.size() + " items vs " + lb.size();
        }
        return Objects.equals(a, b) ? null : path + ": " + shown(a) + " vs " + shown(b);
    }

    private static String shown(Object value) {
        String text = write(value);
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** JSON text of plain values (Map, List, String, a number as read, Boolean, null). */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                write(e.getKey().toString(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            out.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            out.append('"');
        } else {
            out.append(value); // Boolean, null, or a number's own text
        }
    }

    /** A small JSON reader: objects keep their order, numbers stay the text they were sent as. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            switch (c) {
                case '{' -> {
                    at++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    skipSpace();
                    if (text.charAt(at) == '}') {
                        at++;
                        return map;
                    }
                    while (true) {
                        skipSpace();
                        String key = string();
                        skipSpace();
                        expect(':');
                        map.put(key, value());
                        skipSpace();
                        if (text.charAt(at++) == '}') {
                            return map;
                        }
                    }
                }
                case '[' -> {
                    at++;
                    List<Object> list = new ArrayList<>();
                    skipSpace();
                    if (text.charAt(at) == ']') {
                        at++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        skipSpace();
                        if (text.charAt(at++) == ']') {
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int start = at;
                    while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                        at++;
                    }
                    String word = text.substring(start, at);
                    return switch (word) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> new JsonNumber(word);
                    };
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'u' -> {
                        s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> s.append(e);
                }
            }
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalArgumentException("not JSON: expected " + c + " at " + (at - 1));
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }

    /** A number as its JSON text: compared exactly, never rounded through a double. */
    private record JsonNumber(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
