package org.allegationatlas.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.allegationatlas.ProtectedApp;

/**
 * Generates bad requests of six kinds, each from its own seeded {@link Random}: the same seed and
 * index give the same request. Documents start from the test documents of
 * {@code src/test/resources/graphql/} and are mutated or built from scratch; the rest wrap them in
 * wrong variables, broken JSON, odd content types and headers; import lines are valid articles,
 * broken ones and ones that may go either way.
 */
final class BadInputs {

    enum Category {
        DOCUMENTS, VARIABLES, JSON_BODIES, CONTENT_TYPES, IMPORT_LINES, HEADERS;

        String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /**
     * One generated request. {@code kind} names what makes it bad (failures are grouped by it);
     * {@code lines} is set for an import an editor sends as it should, to check what was stored.
     */
    record Input(Category category, String kind, RawRequest request, ImportLines lines) {
    }

    /** The lines of one import: which must be stored, which must be refused, which may go either way. */
    record ImportLines(String marker, List<String> goodUrls, List<String> eitherUrls, int bad, boolean huge, int refusedWith) {
    }

    /** A value written into JSON as it is: numbers JSON parsers may choke on, nesting no encoder would produce. */
    private record Raw(String json) {
    }

    static final String VALID_QUERY = "{ country(code: \"KP\") { name } }";

    private static final String[] DOCUMENT_NAMES = { "actor", "actors", "allegationMatrix", "article", "articles", "claim",
            "claimAdded", "claims", "countries", "countriesWithAllegations", "country", "countryAllegationsAgainst",
            "countryRelations", "deleteArticle", "extractArticle", "extractArticlesByText", "extractDeleteArticle",
            "ingestArticle", "provenance", "totals", "invalid/actorsOfUnknownKind", "invalid/claimsOfUnknownStance" };
    private static final String[] FIELDS = { "country", "countries", "article", "articles", "actor", "actors", "claim",
            "claims", "allegationMatrix", "name", "code", "alpha3", "edges", "node", "totalCount", "pageInfo",
            "allegationsAgainst", "accusers", "claimant", "subject", "quote", "aliases", "__typename", "__schema", "__type",
            "ingestArticle", "deleteArticle", "unknownField" };
    private static final String[] ARGUMENTS = { "code", "search", "first", "after", "filter", "id", "kind", "input",
            "orderBy", "involved", "language", "bogus" };
    private static final String[] TOKENS = { "{", "}", "(", ")", "[", "]", ":", "$x", "$", "...", "... on Country",
            "@skip(if: $x)", "@include(if: true)", "@bogus", "\"", "\"\"\"", "\\", "#", "\u0000", "\uFFFF", "\uD800",
            "\uD83D\uDE42", "-1e999", "99999999999999999999", "1.5", "null", "true", "__typename",
            "__schema { types { name fields { name } } }", "fragment F on Query { country(code: \"KP\") { name } }",
            "...F", "query", "mutation", "subscription", "on", "=", "!", "|", "&", ",", "\n", "first: -1",
            "first: 2147483648", "after: \"!!\"", "code: 5", "code: null", "id: \"\"", "filter: { text: [1] }" };
    private static final String[] VALUE_KEYS = { "subjectCountry", "claimantCountry", "category", "stance", "text",
            "statedFrom", "first", "after", "url", "body", "language", "actors", "claims", "key", "kind", "id", "code",
            "filter", "input", "__proto__", "" };
    private static final String[] CONTENT_TYPES = { "text/plain", "text/html", "application/xml", "application/octet-stream",
            "image/png", "application/x-www-form-urlencoded", "application/json; charset=utf-16",
            "application/json; charset=latin-1", "application/json; charset=no-such-charset", "application/json;;;",
            "APPLICATION/JSON", " application/json", "application/json+x", "application/jsonx",
            "application/graphql-response+json", "application/graphql; charset=utf-8", "application/graphql",
            "multipart/mixed", "application/x-ndjson", "", ";", "*/*", "application/*", "json" };
    private static final String[] ACCEPTS = { "*/*", "application/json", "application/graphql-response+json",
            "application/graphql-response+json, application/json;q=0.9", "application/json;q=0", "text/html", "application/xml",
            "text/event-stream", "multipart/mixed", "application/*", "*/*;q=0", ";;;", "", "application/json, */*",
            "application/graphql-response+json;charset=utf-16", "image/*, text/*", "*" };
    private static final String[] CACHE_CONTROLS = { "no-cache", "no-store", "max-age=0", "max-age=abc", "max-age=-1",
            "max-age=99999999999999999999", "only-if-cached", "no-transform", "must-revalidate", "private, no-cache",
            "NO-CACHE", ",,,", "=", "max-stale", "min-fresh=1", "public" };

    private final String run;
    private final Map<String, String> documents = new LinkedHashMap<>();
    private int imports;

    /** @param run a word unique to this test run, in every url and body it imports */
    BadInputs(String run) {
        this.run = run;
        for (String name : DOCUMENT_NAMES) {
            documents.put(name, resource("graphql/" + name + ".graphql"));
        }
    }

    Input next(Category category, Random r) {
        return switch (category) {
            case DOCUMENTS -> document(r);
            case VARIABLES -> variables(r);
            case JSON_BODIES -> jsonBody(r);
            case CONTENT_TYPES -> contentType(r);
            case IMPORT_LINES -> importLines(r);
            case HEADERS -> headers(r);
        };
    }

    // ---- GraphQL documents: mutated test documents, random ones, deep, wide, fragment bombs

    private Input document(Random r) {
        String kind;
        String query;
        int choice = r.nextInt(21);
        if (choice == 20) {
            String path = new String[] { "/graphql", "/graphql?query=", "/graphql?variables=%7B%7D", "/graphql?operationName=Q",
                    "/graphql?query=%20", "/graphql?query", "/graphql?query=%7B&query=%7D" }[r.nextInt(7)];
            return new Input(Category.DOCUMENTS, "GET without a query", RawRequest.get(path, "Authorization",
                    "Bearer " + ProtectedApp.READER_TOKEN), null);
        }
        if (choice < 11) {
            query = anyDocument(r);
            int mutations = 1 + r.nextInt(4);
            for (int i = 0; i < mutations; i++) {
                query = mutate(r, query);
            }
            kind = "mutated document";
        } else if (choice < 15) {
            query = randomDocument(r, 0);
            kind = "random document";
        } else if (choice < 17) {
            int depth = 10 + r.nextInt(r.nextBoolean() ? 60 : 6000);
            query = r.nextBoolean() ? "{".repeat(depth) + "}".repeat(r.nextInt(depth + 1))
                    : "{ " + "country(code: \"KP\") { actors { country { ".repeat(depth / 10 + 1) + "name"
                            + " } } }".repeat(depth / 10 + 1) + " }";
            kind = "deep document";
        } else if (choice < 19) {
            StringBuilder wide = new StringBuilder("{");
            int fields = 50 + r.nextInt(r.nextInt(4) > 0 ? 1500 : 12000);
            for (int i = 0; i < fields; i++) {
                wide.append(" a").append(i).append(": country(code: \"KP\") { name }");
            }
            query = wide.append(" }").toString();
            kind = "wide document";
        } else {
            int levels = 5 + r.nextInt(25);
            StringBuilder bomb = new StringBuilder("query { country(code: \"KP\") { ...F").append(levels).append(" } }");
            bomb.append(" fragment F0 on Country { name code }");
            for (int i = 1; i <= levels; i++) {
                bomb.append(" fragment F").append(i).append(" on Country { ...F").append(i - 1).append(" ...F").append(i - 1)
                        .append(" }");
            }
            if (r.nextBoolean()) {
                bomb.append(" fragment Cycle on Country { ...Cycle }");
            }
            query = bomb.toString();
            kind = "fragment bomb";
        }
        return new Input(Category.DOCUMENTS, kind, carry(r, query, null, null), null);
    }

    /** A document over one of the three ways a query travels: POST JSON, GET, POST application/graphql. */
    private RawRequest carry(Random r, String query, Object variables, Object operationName) {
        int way = r.nextInt(20);
        if (way < 3) {
            StringBuilder path = new StringBuilder("/graphql?query=").append(urlEncode(query));
            if (variables != null) {
                path.append("&variables=").append(urlEncode(json(variables)));
            }
            if (operationName != null) {
                path.append("&operationName=").append(urlEncode(String.valueOf(operationName)));
            }
            return RawRequest.get(path.toString(), "Authorization", "Bearer " + ProtectedApp.READER_TOKEN);
        }
        if (way < 5 && variables == null && operationName == null) {
            return RawRequest.post("/graphql", utf8(query), "Content-Type", "application/graphql", "Authorization",
                    "Bearer " + ProtectedApp.READER_TOKEN);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        return jsonPost(json(body));
    }

    private static RawRequest jsonPost(String body) {
        return RawRequest.post("/graphql", utf8(body), "Content-Type", "application/json", "Authorization",
                "Bearer " + ProtectedApp.READER_TOKEN);
    }

    private String anyDocument(Random r) {
        List<String> texts = new ArrayList<>(documents.values());
        return texts.get(r.nextInt(texts.size()));
    }

    private static String mutate(Random r, String text) {
        if (text.isEmpty()) {
            return TOKENS[r.nextInt(TOKENS.length)];
        }
        int at = r.nextInt(text.length());
        int end = Math.min(text.length(), at + 1 + r.nextInt(Math.max(1, text.length() / 4)));
        return switch (r.nextInt(8)) {
            case 0 -> text.substring(0, at) + text.substring(end); // a span deleted
            case 1 -> text.substring(0, end) + text.substring(at, end) + text.substring(end); // a span doubled
            case 2, 3 -> text.substring(0, at) + " " + TOKENS[r.nextInt(TOKENS.length)] + " " + text.substring(at);
            case 4 -> text.substring(0, at) + (char) r.nextInt(0x80) + text.substring(Math.min(text.length(), at + 1));
            case 5 -> text.substring(0, at); // truncated
            case 6 -> replaceLiterals(r, text);
            default -> text.substring(0, at) + text.substring(at, end).repeat(2 + r.nextInt(40)) + text.substring(end);
        };
    }

    /** String and number literals replaced with odd ones. */
    private static String replaceLiterals(Random r, String text) {
        Matcher literals = Pattern.compile("\"[^\"\\n]*\"|\\b\\d+\\b").matcher(text);
        StringBuilder out = new StringBuilder();
        while (literals.find()) {
            String odd = switch (r.nextInt(8)) {
                case 0 -> "-1";
                case 1 -> "2147483648";
                case 2 -> "1e400";
                case 3 -> "\"\"";
                case 4 -> "\"" + "x".repeat(r.nextInt(20000)) + "\"";
                case 5 -> "\"\\u0000\\uD800\"";
                case 6 -> "null";
                default -> "[\"KP\", 1]";
            };
            literals.appendReplacement(out, Matcher.quoteReplacement(odd));
        }
        literals.appendTail(out);
        return out.toString();
    }

    private static String randomDocument(Random r, int depth) {
        StringBuilder doc = new StringBuilder();
        if (depth == 0) {
            doc.append(new String[] { "", "query ", "query Q ", "mutation ", "subscription ", "query Q($x: Int) ",
                    "query Q($x: [String!]! = [null]) " }[r.nextInt(7)]);
        }
        doc.append("{");
        int fields = 1 + r.nextInt(4);
        for (int i = 0; i < fields; i++) {
            doc.append(' ');
            if (r.nextInt(5) == 0) {
                doc.append("a").append(i).append(": ");
            }
            doc.append(FIELDS[r.nextInt(FIELDS.length)]);
            if (r.nextBoolean()) {
                doc.append("(");
                int arguments = 1 + r.nextInt(3);
                for (int a = 0; a < arguments; a++) {
                    doc.append(ARGUMENTS[r.nextInt(ARGUMENTS.length)]).append(": ").append(graphQLValue(r, 0)).append(' ');
                }
                doc.append(")");
            }
            if (depth < 6 && r.nextBoolean()) {
                doc.append(' ').append(randomDocument(r, depth + 1));
            }
        }
        return doc.append(" }").toString();
    }

    private static String graphQLValue(Random r, int depth) {
        return switch (r.nextInt(depth > 3 ? 7 : 9)) {
            case 0 -> String.valueOf(r.nextInt());
            case 1 -> "\"" + randomText(r, 12) + "\"";
            case 2 -> "\"KP\"";
            case 3 -> "null";
            case 4 -> "true";
            case 5 -> "$x";
            case 6 -> new String[] { "ALLEGES", "ARMS_TRANSFER", "STATE", "BOGUS", "STATED_ON_DESC" }[r.nextInt(5)];
            case 7 -> "[" + graphQLValue(r, depth + 1) + ", " + graphQLValue(r, depth + 1) + "]";
            default -> "{ " + VALUE_KEYS[r.nextInt(VALUE_KEYS.length)] + ": " + graphQLValue(r, depth + 1) + " }";
        };
    }

    // ---- variables of wrong types, and a variables member that is not an object

    private Input variables(Random r) {
        List<String> withVariables = documents.values().stream().filter(d -> d.contains("$")).toList();
        String query = withVariables.get(r.nextInt(withVariables.size()));
        int choice = r.nextInt(10);
        if (choice < 3) {
            Object member = switch (r.nextInt(7)) {
                case 0 -> r.nextInt(1000) - 500;
                case 1 -> "x";
                case 2 -> "{\"first\": 1}";
                case 3 -> List.of(1, "two");
                case 4 -> true;
                case 5 -> new Raw("1e999");
                default -> "";
            };
            return new Input(Category.VARIABLES, "variables member is a " + typeName(member), carry(r, query, member, null),
                    null);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        Matcher declared = Pattern.compile("\\$(\\w+)\\s*:").matcher(query);
        while (declared.find()) {
            if (r.nextInt(3) > 0) {
                variables.put(declared.group(1), randomValue(r, 0));
            }
        }
        String kind = "variables of wrong types";
        if (choice == 3) {
            variables.put(VALUE_KEYS[r.nextInt(VALUE_KEYS.length)], randomValue(r, 0));
            kind = "undeclared variables";
        } else if (choice == 4) {
            String name = variables.isEmpty() ? "filter" : variables.keySet().iterator().next();
            variables.put(name, deep(r, 20 + r.nextInt(r.nextBoolean() ? 200 : 20000)));
            kind = "deeply nested variable";
        } else if (choice == 5) {
            String name = variables.isEmpty() ? "first" : variables.keySet().iterator().next();
            variables.put(name, "y".repeat(10_000 + r.nextInt(200_000)));
            kind = "huge variable";
        }
        return new Input(Category.VARIABLES, kind, carry(r, query, variables, null), null);
    }

    /** A JSON value of any type: numbers at the edges, odd strings, arrays, objects, nesting. */
    private static Object randomValue(Random r, int depth) {
        return switch (r.nextInt(depth > 2 ? 10 : 13)) {
            case 0 -> r.nextInt();
            case 1 -> new Raw(new String[] { "2147483648", "-9223372036854775809", "1e308", "-1e999", "0.5", "-0", "1E2" }[r
                    .nextInt(7)]);
            case 2 -> "";
            case 3 -> randomText(r, 30);
            case 4 -> new String[] { "KP", "XX", "ALLEGES", "ARMS_TRANSFER", "2022-13-45", "2022-11-02", "null", "STATE",
                    "eyJpZCI6MX0=", "claim:1", "-1" }[r.nextInt(11)];
            case 5 -> r.nextBoolean();
            case 6 -> null;
            case 7 -> "\u0000\uD800\uFFFF\u202E";
            case 8 -> List.of();
            case 9 -> Map.of();
            case 10 -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    list.add(randomValue(r, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    map.put(VALUE_KEYS[r.nextInt(VALUE_KEYS.length)], randomValue(r, depth + 1));
                }
                yield map;
            }
        };
    }

    private static Raw deep(Random r, int depth) {
        boolean arrays = r.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return new Raw(open.repeat(depth) + (arrays ? "" : "1") + close.repeat(depth));
    }

    // ---- JSON bodies: broken, not objects, deeply nested, members of the wrong type

    private Input jsonBody(Random r) {
        String valid = json(Map.of("query", VALID_QUERY));
        String kind;
        byte[] body;
        switch (r.nextInt(12)) {
            case 0 -> {
                body = utf8(valid.substring(0, r.nextInt(valid.length())));
                kind = "truncated JSON";
            }
            case 1 -> {
                body = new byte[r.nextInt(200)];
                r.nextBytes(body);
                kind = "random bytes";
            }
            case 2 -> {
                body = utf8(new String[] { "[]", "5", "\"x\"", "null", "true", "[{\"query\": \"{ __typename }\"}]", "{}", " ",
                        "[" + valid + "," + valid + "]" }[r.nextInt(9)]);
                kind = "not a JSON object";
            }
            case 3 -> {
                int depth = 100 + r.nextInt(r.nextBoolean() ? 2000 : 50_000);
                body = utf8("{\"query\": \"{ __typename }\", \"extensions\": " + deep(r, depth).json() + "}");
                kind = "deeply nested JSON";
            }
            case 4 -> {
                Object name = new Object[] { 5, List.of("Q"), Map.of("a", 1), true, "", "NoSuchOperation", null }[r.nextInt(7)];
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("query", r.nextBoolean() ? VALID_QUERY : "query A { __typename } query B { __typename }");
                request.put("operationName", name);
                body = utf8(json(request));
                kind = "operationName is a " + typeName(name);
            }
            case 5 -> {
                Object query = new Object[] { 5, List.of(VALID_QUERY), Map.of("query", VALID_QUERY), false, "", null }[r.nextInt(6)];
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("query", query);
                body = utf8(json(request));
                kind = "query is a " + typeName(query);
            }
            case 6 -> {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("query", VALID_QUERY);
                request.put("extensions", r.nextBoolean() ? randomValue(r, 0)
                        : Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", randomText(r, 64))));
                body = utf8(json(request));
                kind = "odd extensions";
            }
            case 7 -> {
                body = utf8("{\"query\": \"{ __typename }\", \"query\": " + json(randomValue(r, 0)) + "}");
                kind = "duplicate members";
            }
            case 8 -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[][] prefixes = { { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, { (byte) 0xFF, (byte) 0xFE }, { 0 },
                        { (byte) 0xC3, (byte) 0x28 } };
                byte[] valid8 = utf8(valid);
                int at = r.nextInt(valid8.length);
                bytes.write(valid8, 0, at);
                bytes.writeBytes(prefixes[r.nextInt(prefixes.length)]);
                bytes.write(valid8, at, valid8.length - at);
                body = bytes.toByteArray();
                kind = "bytes that are not UTF-8 text";
            }
            case 9 -> {
                StringBuilder many = new StringBuilder("{\"query\": \"{ __typename }\"");
                for (int i = 5_000 + r.nextInt(35_000); i > 0; i--) {
                    many.append(", \"k").append(i).append("\": ").append(i);
                }
                body = utf8(many.append('}').toString());
                kind = "very many members";
            }
            case 10 -> {
                body = new byte[0];
                kind = "empty body";
            }
            default -> {
                body = utf8("{\"query\": \"{ country(code: \\\"KP\\\") { name } }\", \"variables\": {\"n\": "
                        + new String[] { "1e99999999", "-" + "9".repeat(5000), "NaN", "Infinity", "01", "0x10", "1.", ".5" }[r
                                .nextInt(8)]
                        + "}}");
                kind = "number JSON does not allow or cannot hold";
            }
        }
        RawRequest request = RawRequest.post("/graphql", body, "Content-Type", "application/json", "Authorization",
                "Bearer " + ProtectedApp.READER_TOKEN);
        return new Input(Category.JSON_BODIES, kind, r.nextInt(8) == 0 ? request.sentChunked() : request, null);
    }

    // ---- content types: uploads, forms, text, none, several

    private Input contentType(Random r) {
        byte[] valid = utf8(json(Map.of("query", VALID_QUERY)));
        String path = r.nextInt(5) == 0 ? "/import" : "/graphql";
        String auth = "Bearer " + (path.equals("/import") || r.nextBoolean() ? ProtectedApp.EDITOR_TOKEN : ProtectedApp.READER_TOKEN);
        int choice = r.nextInt(10);
        RawRequest request;
        String kind;
        if (choice < 3) {
            String boundary = "----atlas" + Long.toHexString(r.nextLong());
            byte[] file = new byte[1024 + r.nextInt(r.nextBoolean() ? 4096 : 512 * 1024)];
            r.nextBytes(file);
            ByteArrayOutputStream multipart = new ByteArrayOutputStream();
            if (r.nextBoolean()) { // the GraphQL multipart request convention
                multipart.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n"
                        + json(Map.of("query", VALID_QUERY)) + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{\"0\": [\"variables.file\"]}\r\n"));
            }
            multipart.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + new String[] { "3MB.bin", "../../escape.bin", "a b.json", "" }[r.nextInt(4)]
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            multipart.writeBytes(file);
            multipart.writeBytes(utf8("\r\n--" + boundary + (r.nextInt(4) == 0 ? "" : "--") + "\r\n"));
            String type = "multipart/form-data; boundary=" + boundary;
            request = r.nextInt(3) == 0 ? RawRequest.post(path, multipart.toByteArray(), "Content-Type", type)
                    : RawRequest.post(path, multipart.toByteArray(), "Content-Type", type, "Authorization", auth);
            kind = "multipart/form-data upload";
        } else if (choice == 3) {
            request = RawRequest.post(path, utf8("query=" + urlEncode(VALID_QUERY)), "Content-Type",
                    "application/x-www-form-urlencoded", "Authorization", auth);
            kind = "form";
        } else if (choice == 4) {
            request = RawRequest.post(path, valid, "Authorization", auth);
            kind = "no content type";
        } else if (choice == 5) {
            request = RawRequest.post(path, valid, "Content-Type", "application/json", "Content-Type",
                    CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)], "Authorization", auth);
            kind = "content type twice";
        } else if (choice == 6) {
            request = RawRequest.post(path, valid, "Content-Type",
                    CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)] + ", " + CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)],
                    "Authorization", auth);
            kind = "content types in one header";
        } else {
            String type = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)];
            byte[] body = type.contains("utf-16") && r.nextBoolean() ? json(Map.of("query", VALID_QUERY)).getBytes(StandardCharsets.UTF_16)
                    : valid;
            request = RawRequest.post(path, body, "Content-Type", type, "Authorization", auth);
            kind = "odd content type";
        }
        return new Input(Category.CONTENT_TYPES, kind + " to " + path, r.nextInt(6) == 0 ? request.sentChunked() : request, null);
    }

    // ---- import lines

    private Input importLines(Random r) {
        int batch = imports++;
        String marker = run + "b" + batch;
        List<String> good = new ArrayList<>();
        List<String> either = new ArrayList<>();
        int bad = 0;
        boolean huge = false;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int lines = 1 + r.nextInt(8);
        for (int n = 0; n < lines; n++) {
            String url = "https://test.invalid/generated/" + marker + "/" + n;
            String line = articleLine(marker, url, n);
            int kind = r.nextInt(24);
            byte[] bytes = null;
            if (kind < 9) {
                good.add(url);
                if (kind == 0) {
                    line = line + "\r"; // CRLF line ends
                }
            } else if (kind == 9) {
                line = "   ";
            } else if (kind == 10) {
                either.add(url);
                line = "\uFEFF" + line;
            } else if (kind == 11) {
                either.add(url);
                line = line.replaceFirst("\\{", "{\"extra\": " + Matcher.quoteReplacement(deep(r, 10 + r.nextInt(50_000)).json()) + ", ");
            } else if (kind == 12 && !huge) {
                either.add(url);
                huge = true;
                line = line.replaceFirst("Palau accused Nauru", "Palau " + "very ".repeat(200_000 + r.nextInt(20_000)) + "accused Nauru");
            } else if (kind == 13) {
                bad++;
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes(utf8("{"));
                b.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xFE, (byte) 0xC3, (byte) 0x28 });
                b.writeBytes(utf8(line.substring(1)));
                bytes = b.toByteArray();
            } else {
                bad++;
                line = breakLine(r, line);
            }
            if (bytes == null) {
                bytes = utf8(line);
            }
            raw.writeBytes(bytes);
            if (n < lines - 1 || r.nextInt(4) > 0) {
                raw.writeBytes(utf8("\n"));
            }
        }
        int who = r.nextInt(14);
        RawRequest request;
        String kind;
        int refusedWith = 0;
        if (who == 0) {
            request = RawRequest.post("/import", raw.toByteArray(), "Content-Type", "application/x-ndjson");
            kind = "import without a token";
            refusedWith = 401;
        } else if (who == 1) {
            request = RawRequest.post("/import", raw.toByteArray(), "Content-Type", "application/x-ndjson", "Authorization",
                    "Bearer " + ProtectedApp.READER_TOKEN);
            kind = "import with a reader token";
            refusedWith = 403;
        } else if (who == 2) {
            request = RawRequest.post("/import", raw.toByteArray(), "Content-Type",
                    new String[] { "application/json", "text/plain", "application/x-ndjsonx" }[r.nextInt(3)], "Authorization",
                    "Bearer " + ProtectedApp.EDITOR_TOKEN);
            kind = "import of another content type";
            refusedWith = 415;
        } else {
            request = RawRequest.post("/import", raw.toByteArray(), "Content-Type",
                    r.nextBoolean() ? "application/x-ndjson" : "application/x-ndjson; charset=utf-8", "Authorization",
                    "Bearer " + ProtectedApp.EDITOR_TOKEN);
            kind = "import lines";
        }
        if (r.nextInt(4) == 0) {
            request = request.sentChunked();
        }
        ImportLines expected = new ImportLines(marker, good, either, bad, huge, refusedWith);
        return new Input(Category.IMPORT_LINES, kind, request, expected);
    }

    /** A valid ArticleInput line: Palau accuses Nauru, Nauru denies; its body holds the marker. */
    static String articleLine(String marker, String url, int n) {
        return "{\"url\":\"" + url + "\",\"language\":\"en\",\"publishedOn\":\"2023-03-0" + (1 + n % 9)
                + "\",\"body\":\"Report " + marker + " line " + n
                + ". Palau accused Nauru of dumping waste. Nauru denied it.\",\"actors\":["
                + "{\"key\":\"pw\",\"name\":\"Palau Ministry " + marker + "\",\"kind\":\"GOVERNMENT_BODY\",\"country\":\"PW\"},"
                + "{\"key\":\"nr\",\"name\":\"Nauru\",\"kind\":\"STATE\",\"country\":\"NR\"}],\"claims\":["
                + "{\"key\":\"a\",\"claimant\":\"pw\",\"subject\":\"nr\",\"stance\":\"ALLEGES\",\"category\":\"OTHER\","
                + "\"summary\":\"Palau accused Nauru of dumping waste.\",\"quote\":\"Palau accused Nauru of dumping waste.\"},"
                + "{\"claimant\":\"nr\",\"subject\":\"nr\",\"respondsTo\":\"a\",\"stance\":\"DENIES\",\"category\":\"OTHER\","
                + "\"summary\":\"Nauru denied it.\",\"quote\":\"Nauru denied it.\"}]}";
    }

    /** The line made into one no importer may store. */
    private static String breakLine(Random r, String line) {
        List<Function<String, String>> breakers = List.of(
                l -> l.substring(0, 1 + r.nextInt(l.length() - 2)), // truncated
                l -> l.replace("\"actors\":[", "\"actors\":[null,"),
                l -> l.replace("\"claims\":[", "\"claims\":[null,"),
                l -> l.replaceFirst("\"country\":\"NR\"", "\"country\":\"XX\""),
                l -> l.replaceFirst("\"stance\":\"ALLEGES\"", "\"stance\":\"MAYBE\""),
                l -> l.replaceFirst("\"quote\":\"Palau accused Nauru of dumping waste.\"", "\"quote\":\"Tuvalu is not in the body.\""),
                l -> l.replaceFirst("\"claimant\":\"pw\"", "\"claimant\":\"zz\""),
                l -> l.replaceFirst("\"publishedOn\":\"[^\"]*\"", "\"publishedOn\":\"yesterday\""),
                l -> l.replaceFirst("\\{", "{\"title\":[1,2],"),
                l -> l.replaceFirst("\"actors\":\\[", "\"actors\":{\"a\":["),
                l -> new String[] { "[]", "5", "\"text\"", "null", "true", "[{}]", "{}", "not json at all", "}{" }[r.nextInt(9)]);
        return breakers.get(r.nextInt(breakers.size())).apply(line);
    }

    // ---- headers: Accept, Authorization, Cache-Control, conditionals and the rest

    private Input headers(Random r) {
        RawRequest request = r.nextInt(3) == 0 ? RawRequest.get("/graphql?query=" + urlEncode(VALID_QUERY))
                : RawRequest.post("/graphql", utf8(json(Map.of("query", VALID_QUERY))), "Content-Type", "application/json");
        List<String> kinds = new ArrayList<>();
        int headers = 1 + r.nextInt(3);
        boolean authorized = false;
        for (int i = 0; i < headers; i++) {
            switch (r.nextInt(7)) {
                case 0 -> {
                    request = request.withHeader("Accept", r.nextInt(8) == 0 ? "application/" + "x".repeat(8000)
                            : ACCEPTS[r.nextInt(ACCEPTS.length)]);
                    kinds.add("Accept");
                }
                case 1 -> {
                    String value = switch (r.nextInt(9)) {
                        case 0 -> "Bearer";
                        case 1 -> "Bearer ";
                        case 2 -> "Basic dXNlcjpwYXNz";
                        case 3 -> "Bearer " + randomAscii(r, 1 + r.nextInt(r.nextBoolean() ? 40 : 16_000));
                        case 4 -> "bearer " + ProtectedApp.READER_TOKEN.toUpperCase();
                        case 5 -> "Bearer " + ProtectedApp.READER_TOKEN + " " + ProtectedApp.EDITOR_TOKEN;
                        case 6 -> "Bearer\t" + ProtectedApp.READER_TOKEN;
                        case 7 -> randomAscii(r, 20);
                        default -> "Bearer " + ProtectedApp.EDITOR_TOKEN;
                    };
                    request = request.withHeader("Authorization", value);
                    kinds.add("Authorization");
                }
                case 2 -> {
                    request = request.withHeader(r.nextBoolean() ? "Cache-Control" : "Pragma", CACHE_CONTROLS[r.nextInt(CACHE_CONTROLS.length)]);
                    kinds.add("Cache-Control");
                }
                case 3 -> {
                    String[] conditional = { "If-None-Match", "*", "If-None-Match", "\"abc\"", "If-None-Match", "W/\"1\", \"2\"",
                            "If-None-Match", randomAscii(r, 30), "If-Modified-Since", "yesterday", "If-Match", "\"x\"" };
                    int at = 2 * r.nextInt(conditional.length / 2);
                    request = request.withHeader(conditional[at], conditional[at + 1]);
                    kinds.add("conditional");
                }
                case 4 -> {
                    String[] other = { "Range", "bytes=0-10", "Accept-Encoding", "gzip, br, zstd", "Accept-Encoding", "x;q=abc",
                            "Content-Encoding", "gzip", "Accept-Charset", "ebcdic", "Origin", "https://evil.invalid",
                            "X-HTTP-Method-Override", "DELETE", "X-Forwarded-For", randomAscii(r, 40), "Forwarded", "for=\"[::1",
                            "Accept-Language", "*;q=2", "Expect", "100-continue" };
                    int at = 2 * r.nextInt(other.length / 2);
                    if (!other[at].equals("Expect")) { // 100-continue: the answer would start with an interim 100
                        request = request.withHeader(other[at], other[at + 1]);
                    }
                    kinds.add(other[at]);
                }
                case 5 -> {
                    for (int h = 50 + r.nextInt(200); h > 0; h--) {
                        request = request.withHeader("X-Atlas-" + h, randomAscii(r, 1 + r.nextInt(60)));
                    }
                    kinds.add("many headers");
                }
                default -> {
                    request = request.withHeader("Authorization", "Bearer " + ProtectedApp.READER_TOKEN);
                    authorized = true;
                }
            }
        }
        if (!authorized && r.nextBoolean()) {
            request = request.withHeader("Authorization", "Bearer " + ProtectedApp.READER_TOKEN);
        }
        return new Input(Category.HEADERS, kinds.isEmpty() ? "reader token" : String.join(" + ", kinds), request, null);
    }

    // ---- helpers

    private static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Raw) {
            return "number out of range";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof String s) {
            return s.startsWith("{") ? "string of JSON" : s.isEmpty() ? "empty string" : "string";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof Map) {
            return "object";
        }
        return value.getClass().getSimpleName().toLowerCase();
    }

    private static String randomText(Random r, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            text.appendCodePoint(switch (r.nextInt(4)) {
                case 0 -> 0x20 + r.nextInt(0x5f);
                case 1 -> r.nextInt(0x20);
                case 2 -> 0xa0 + r.nextInt(0x2000);
                default -> 0x1F300 + r.nextInt(0x100);
            });
        }
        return text.toString();
    }

    /** Visible ASCII, as header values must be. */
    private static String randomAscii(Random r, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + r.nextInt(0x5e)));
        }
        return text.toString();
    }

    /** JSON text of maps, lists, strings, numbers, booleans, null and {@link Raw} values. */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String s) {
            out.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> {
                        if (c < 0x20 || Character.isSurrogate(c)) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                write(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
                first = false;
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String resource(String path) {
        try (InputStream in = BadInputs.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
