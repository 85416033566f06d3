package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Converts single JSON values to Java values, or fails with an {@link OutputShapeException} that names the place
 * ({@code path}) and shows the offending value.
 */
final class JsonValues {

    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");
    private static final int MAX_SHOWN_LENGTH = 80;

    private JsonValues() {
    }

    static ArrayNode asArray(JsonNode value, String path) {
        if (!value.isArray()) {
            throw mismatch(path, "an array", value);
        }
        return (ArrayNode) value;
    }

    static String asText(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw mismatch(path, "a string", value);
        }
        return value.textValue();
    }

    static double asDouble(JsonNode value, String path) {
        if (!value.isNumber()) {
            throw mismatch(path, "a number", value);
        }
        if (!Double.isFinite(value.doubleValue())) {
            throw mismatch(path, "a number within double range", value);
        }
        return value.doubleValue();
    }

    /** A number with no fractional part ({@code 111} and {@code 111.0} both give 111) that fits an int. */
    static int asInt(JsonNode value, String path) {
        if (!value.isNumber()) {
            throw mismatch(path, "an integer", value);
        }
        try {
            return value.decimalValue().intValueExact();
        } catch (ArithmeticException e) {
            throw mismatch(path, "an integer", value);
        }
    }

    /** A class index: an integer, or a string of digits (the AWS docs show both {@code 0} and {@code "0"}). */
    static int asClassIndex(JsonNode value, String path) {
        if (value.isTextual()) {
            return parseIndex(value.textValue(), path, value);
        }
        if (!value.isNumber()) {
            throw mismatch(path, "a class index (integer or string of digits)", value);
        }
        return asInt(value, path);
    }

    /**
     * An object keyed by class index ({@code {"0": ..., "5": ...}}), each value converted by {@code reader}; the map
     * keeps the document order.
     */
    static <T> Map<Integer, T> asIndexedMap(JsonNode value, String path, BiFunction<JsonNode, String, T> reader) {
        if (!value.isObject()) {
            throw mismatch(path, "an object keyed by class index", value);
        }
        Map<Integer, T> map = new LinkedHashMap<>();
        value.properties().forEach(entry -> {
            String entryPath = path + "." + entry.getKey();
            map.put(parseIndex(entry.getKey(), entryPath, value), reader.apply(entry.getValue(), entryPath));
        });
        return Collections.unmodifiableMap(map);
    }

    private static int parseIndex(String text, String path, JsonNode shown) {
        if (!INDEX.matcher(text).matches()) {
            throw mismatch(path, "a class index (digits)", shown);
        }
        return Integer.parseInt(text);
    }

    static OutputShapeException mismatch(String path, String expected, JsonNode actual) {
        return new OutputShapeException(path + " must be " + expected + ", got " + shown(actual));
    }

    private static String shown(JsonNode value) {
        String text;
        try {
            text = Json.write(value);
        } catch (RuntimeException e) {
            // A number the mapper cannot write in plain notation (1e999999999): show it in scientific notation.
            text = value.isNumber() ? value.decimalValue().toString() : value.getNodeType().toString().toLowerCase();
        }
        return text.length() <= MAX_SHOWN_LENGTH ? text : text.substring(0, MAX_SHOWN_LENGTH) + "...";
    }
}
