package org.allegationatlas.common;

import static io.smallrye.graphql.JsonProviderHolder.JSON_PROVIDER;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import org.eclipse.microprofile.config.ConfigProvider;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.spi.config.Config;

/**
 * Writes the data of a successful answer as JSON text in one pass, for SmallRye to put in the response as it is.
 * SmallRye's own writer ({@code ExecutionResponse}) first copies the whole answer into a {@code jakarta.json}
 * tree, then writes the tree out: a quarter of the CPU of a request for a long list. Here the same JSON generator
 * writes straight from graphql-java's result, each value converted as SmallRye converts it, so the bytes are the
 * same. The text reaches SmallRye as a JSON number, whose text its JSON writer copies verbatim: that relies on
 * internals, so it is behind {@code atlas.graphql.lean-context} (false: SmallRye's own writer), and
 * {@code ResponseJsonTest} and {@code LeanContextIT} compare both. Only answers to HTTP requests, without errors or
 * extensions; a value SmallRye would convert through JSON-B leaves the whole answer to SmallRye.
 */
public class ResponseJson extends SimplePerformantInstrumentation {

    private static final JsonGeneratorFactory GENERATORS = JSON_PROVIDER.createGeneratorFactory(Map.of());

    private final boolean enabled;

    public ResponseJson() {
        boolean lean = ConfigProvider.getConfig().getOptionalValue(LeanFieldFetchers.LEAN_CONTEXT, Boolean.class).orElse(true);
        this.enabled = lean && !Config.get().isExcludeNullFieldsInResponses(); // SmallRye's writer drops the nulls then
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (!enabled || !result.getErrors().isEmpty() || !result.isDataPresent()
                || (result.getExtensions() != null && !result.getExtensions().isEmpty()) || GraphQLOverHttp.current() == null) {
            return CompletableFuture.completedFuture(result);
        }
        String json = write(result.getData());
        return CompletableFuture.completedFuture(json == null ? result
                : ExecutionResult.newExecutionResult().from(result).data(new Written(json)).build());
    }

    /**
     * The data as SmallRye would write it, or null when a value is of a kind it converts through JSON-B, or cannot be
     * written (a NaN): SmallRye's writer then does what it does.
     */
    static String write(Object data) {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator out = GENERATORS.createGenerator(text)) {
            write(out, null, data);
        } catch (RuntimeException e) {
            return null;
        }
        return text.toString();
    }

    /** One value, named inside an object or unnamed in an array; the cases and their order are SmallRye's. */
    private static void write(JsonGenerator out, String name, Object value) {
        if (value instanceof String s) {
            if (name == null) {
                out.write(s);
            } else {
                out.write(name, s);
            }
        } else if (value instanceof Map<?, ?> map) {
            if (name == null) {
                out.writeStartObject();
            } else {
                out.writeStartObject(name);
            }
            map.forEach((key, v) -> write(out, (String) key, v));
            out.writeEnd();
        } else if (value instanceof Collection<?> items) {
            if (name == null) {
                out.writeStartArray();
            } else {
                out.writeStartArray(name);
            }
            items.forEach(item -> write(out, null, item));
            out.writeEnd();
        } else {
            JsonValue leaf = leaf(value);
            if (name == null) {
                out.write(leaf);
            } else {
                out.write(name, leaf);
            }
        }
    }

    private static JsonValue leaf(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof JsonValue json) {
            return json;
        } else if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Double d) {
            return JSON_PROVIDER.createValue(d.doubleValue());
        } else if (value instanceof Float f) {
            return JSON_PROVIDER.createValue(new BigDecimal(String.valueOf(f)));
        } else if (value instanceof Long l) {
            return JSON_PROVIDER.createValue((Number) l);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JSON_PROVIDER.createValue(((Number) value).intValue());
        } else if (value instanceof BigDecimal d) {
            return JSON_PROVIDER.createValue(d);
        } else if (value instanceof BigInteger i) {
            return JSON_PROVIDER.createValue(i);
        } else if (value instanceof Enum<?> e) {
            return JSON_PROVIDER.createValue(e.name());
        }
        throw new NotPlain();
    }

    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    /** Data already written as JSON text; SmallRye's writer copies a number's text as it is. */
    static final class Written implements JsonNumber {
        private final String json;

        Written(String json) {
            this.json = json;
        }

        @Override
        public String toString() {
            return json;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.NUMBER;
        }

        @Override
        public boolean isIntegral() {
            throw notANumber();
        }

        @Override
        public int intValue() {
            throw notANumber();
        }

        @Override
        public int intValueExact() {
            throw notANumber();
        }

        @Override
        public long longValue() {
            throw notANumber();
        }

        @Override
        public long longValueExact() {
            throw notANumber();
        }

        @Override
        public BigInteger bigIntegerValue() {
            throw notANumber();
        }

        @Override
        public BigInteger bigIntegerValueExact() {
            throw notANumber();
        }

        @Override
        public double doubleValue() {
            throw notANumber();
        }

        @Override
        public BigDecimal bigDecimalValue() {
            throw notANumber();
        }

        private static UnsupportedOperationException notANumber() {
            return new UnsupportedOperationException("an answer's data, already written as JSON text");
        }
    }
}
