package org.allegationatlas.ingest;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A line of JSON Lines read as an ArticleInput (JSON-B, the contract's strings kept strings), and why a line is not
 * one, in words a person acts on: by its field where JSON-B names it, without the parser's tokens or Java names.
 */
final class ArticleLines {

    /** How JSON-B says where a value failed, one per level: "Unable to deserialize property 'claims' because of: ...". */
    private static final Pattern PROPERTY = Pattern.compile("Unable to deserialize property '([^']+)'");

    private final Jsonb json = JsonbBuilder.create(new JsonbConfig().withDeserializers(new StrictStrings()));

    /** The line's article, null for a JSON null; throws JsonbException (or ClassCastException) for anything else. */
    ArticleInput read(String line) {
        return json.fromJson(line, ArticleInput.class);
    }

    /**
     * The contract's strings are JSON strings: JSON-B would read 42 or true as "42" or "true" (an article stored under
     * the url "42"), where GraphQL refuses them. Null stays null: the checks then name a field that must not be null.
     */
    @RegisterForReflection // JSON-B reads the type it deserializes from its generic interface
    static final class StrictStrings implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NULL -> null;
            case NUMBER -> throw new JsonbException("expected a string, not a number");
            case TRUE, FALSE -> throw new JsonbException("expected a string, not " + value);
            case ARRAY -> throw new JsonbException("expected a string, not an array");
            case OBJECT -> throw new JsonbException("expected a string, not an object");
            };
        }
    }

    /** A line JSON-B could not read: by its field where JSON-B names it ("input.claims.quote: ..."). */
    static String whyNotAnArticle(RuntimeException e) {
        List<String> path = new ArrayList<>();
        Matcher property = PROPERTY.matcher(String.valueOf(e.getMessage()));
        while (property.find()) {
            path.add(property.group(1));
        }
        return (path.isEmpty() ? "not an ArticleInput in JSON" : "input." + String.join(".", path)) + ": " + plain(firstLine(e));
    }

    private static final Pattern BAD_TOKEN = Pattern.compile("Invalid token=(\\w+) .*Expected tokens are: \\[([A-Z, ]*)\\]");
    private static final Pattern WRONG_KIND = Pattern.compile("Received event: (\\w+)");

    /** The parser's words as a person reads them: no token names, no Java class or package names. */
    private static String plain(String parser) {
        Matcher token = BAD_TOKEN.matcher(parser);
        if (token.find()) {
            if (token.group(1).equals("EOF")) {
                return "the line ends before its JSON does";
            }
            List<String> expected = new ArrayList<>();
            for (String name : token.group(2).split(",\\s*")) {
                expected.add(jsonToken(name));
            }
            return "not valid JSON: " + jsonToken(token.group(1)) + " where it needs " + String.join(" or ", expected);
        }
        Matcher kind = WRONG_KIND.matcher(parser);
        if (kind.find()) {
            return "a JSON " + kind.group(1).replace("START_", "").replace("VALUE_", "").toLowerCase(Locale.ROOT)
                    + " where an object is needed";
        }
        if (parser.equals("NoSuchElementException")) {
            return "a JSON value that is not an object";
        }
        // without Java package names ("org.allegationatlas.ingest.ArticleInput": ArticleInput)
        return parser.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)", "$1");
    }

    private static String jsonToken(String name) {
        return switch (name) {
        case "CURLYOPEN" -> "\"{\"";
        case "CURLYCLOSE" -> "\"}\"";
        case "SQUAREOPEN" -> "\"[\"";
        case "SQUARECLOSE" -> "\"]\"";
        case "COLON" -> "\":\"";
        case "COMMA" -> "\",\"";
        case "STRING" -> "a string";
        case "NUMBER" -> "a number";
        default -> name.toLowerCase(Locale.ROOT);
        };
    }

    /** The first line of the innermost cause's message. */
    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
