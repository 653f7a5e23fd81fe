package org.allegationatlas.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.allegationatlas.claim.ClaimCategory;
import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import io.smallrye.graphql.execution.ExecutionResponse;

/**
 * The answer's JSON written in one pass ({@link ResponseJson}) is byte for byte what SmallRye's own writer makes of
 * the same result: escapes, every number type, nulls, enums, nesting, and a thousand random answers.
 */
class ResponseJsonTest {

    @Test
    void writesWhatSmallRyeWritesForEveryKindOfValue() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("plain", "North Korea");
        data.put("escapes", "quote \" backslash \\ slash / \b\f\n\r\t \u0000 \u001f \u007f end");
        data.put("unicode", "Korea Utara, Corée du Nord, Северная Корея, 北朝鮮, 🇰🇵, \u2028\u2029");
        data.put("key \"quoted\"\n", "value");
        data.put("ints", Arrays.asList(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, (short) 7, (byte) -8));
        data.put("longs", List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L));
        data.put("doubles", List.of(0.1, 1.0, -0.0, 1e10, 1e-7, 123456789.123, Double.MAX_VALUE, Double.MIN_VALUE));
        data.put("floats", List.of(1.1f, 3.0f, 1e-7f));
        data.put("decimals", List.of(new BigDecimal("1.10"), new BigDecimal("1E+3"), new BigInteger("123456789012345678901234567890")));
        data.put("booleans", List.of(true, false));
        data.put("null", null);
        data.put("nulls", Arrays.asList(null, "x", null));
        data.put("enum", ClaimCategory.ARMS_TRANSFER);
        data.put("empty", Map.of());
        data.put("emptyList", List.of());
        data.put("nested", List.of(Map.of("a", List.of(List.of(Map.of("b", 1))))));
        assertSame(data);
    }

    @Test
    void writesWhatSmallRyeWritesForRandomAnswers() {
        Random random = new Random(20261201);
        for (int i = 0; i < 1000; i++) {
            assertSame(randomObject(random, 0));
        }
    }

    @Test
    void leavesToSmallRyeWhatItConvertsThroughJsonB() {
        assertNull(ResponseJson.write(Map.of("date", LocalDate.of(2022, 5, 1))), "a value that is not a JSON leaf");
        assertNull(ResponseJson.write(Map.of("nan", Double.NaN)), "a number JSON cannot hold");
        assertNotNull(ResponseJson.write(Map.of("code", "KP")));
    }

    private static void assertSame(Object data) {
        ExecutionResult plain = ExecutionResult.newExecutionResult().data(data).build();
        String json = ResponseJson.write(data);
        assertNotNull(json, () -> "written: " + data);
        ExecutionResult written = ExecutionResult.newExecutionResult().data(new ResponseJson.Written(json)).build();
        assertEquals(new ExecutionResponse(plain).getExecutionResultAsString(),
                new ExecutionResponse(written).getExecutionResultAsString());
    }

    private static Map<String, Object> randomObject(Random random, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        int fields = random.nextInt(depth == 0 ? 6 : 4);
        for (int f = 0; f < fields; f++) {
            object.put(randomString(random), randomValue(random, depth + 1));
        }
        return object;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 8 : 10);
        return switch (kind) {
            case 0 -> null;
            case 1 -> randomString(random);
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 5 -> random.nextBoolean();
            case 6 -> ClaimCategory.values()[random.nextInt(ClaimCategory.values().length)];
            case 7 -> new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(20) - 10);
            case 8 -> randomObject(random, depth);
            default -> {
                List<Object> items = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    items.add(randomValue(random, depth + 1));
                }
                yield items;
            }
        };
    }

    /** Characters from every range: controls, ASCII, Latin, other scripts, surrogate pairs. */
    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int range = random.nextInt(5);
            int c = switch (range) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x60);
                case 2 -> 0x80 + random.nextInt(0x780);
                case 3 -> 0x800 + random.nextInt(0xD000);
                default -> 0x10000 + random.nextInt(0x10000);
            };
            s.appendCodePoint(c);
        }
        return s.toString();
    }
}
