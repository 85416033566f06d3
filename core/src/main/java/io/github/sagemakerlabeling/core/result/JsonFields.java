package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

/**
 * Typed access to the fields of one JSON object, each failure naming the field's path (for example
 * {@code bounding-box-metadata.class-map}). A field whose value is JSON {@code null} counts as absent.
 */
final class JsonFields {

    private final ObjectNode node;
    private final String path;

    private JsonFields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The fields of a whole line; paths are the bare key names. */
    static JsonFields root(ObjectNode line) {
        return new JsonFields(line, "");
    }

    /** The fields of {@code value}, which must be an object; {@code path} names it in messages. */
    static JsonFields of(JsonNode value, String path) {
        if (!value.isObject()) {
            throw JsonValues.mismatch(path, "an object", value);
        }
        return new JsonFields((ObjectNode) value, path);
    }

    ObjectNode node() {
        return node;
    }

    String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    Optional<JsonNode> optional(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    JsonNode required(String field) {
        return optional(field).orElseThrow(() -> new OutputShapeException(path(field) + " is missing"));
    }

    String text(String field) {
        return JsonValues.asText(required(field), path(field));
    }

    Optional<String> optionalText(String field) {
        return optional(field).map(value -> JsonValues.asText(value, path(field)));
    }

    double number(String field) {
        return JsonValues.asDouble(required(field), path(field));
    }

    OptionalDouble optionalNumber(String field) {
        return optional(field)
                .map(value -> OptionalDouble.of(JsonValues.asDouble(value, path(field))))
                .orElse(OptionalDouble.empty());
    }

    int integer(String field) {
        return JsonValues.asInt(required(field), path(field));
    }

    int classIndex(String field) {
        return JsonValues.asClassIndex(required(field), path(field));
    }

    JsonFields object(String field) {
        return of(required(field), path(field));
    }

    /** A required array whose elements are all objects. */
    List<JsonFields> objects(String field) {
        ArrayNode array = JsonValues.asArray(required(field), path(field));
        List<JsonFields> elements = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            elements.add(of(array.get(i), path(field) + "[" + i + "]"));
        }
        return elements;
    }

    <T> Map<Integer, T> indexedMap(String field, BiFunction<JsonNode, String, T> reader) {
        return JsonValues.asIndexedMap(required(field), path(field), reader);
    }

    Map<Integer, String> classMap(String field) {
        return indexedMap(field, JsonValues::asText);
    }

    /**
     * The per-item confidences Ground Truth lists next to boxes and entities ({@code [{"confidence": 0.8}, ...]}),
     * in item order. An absent or empty list gives no confidence for any item; otherwise it must hold one entry per
     * item.
     */
    List<OptionalDouble> itemConfidences(String field, int itemCount) {
        Optional<JsonNode> list = optional(field);
        if (list.isEmpty() || list.get().isArray() && list.get().isEmpty()) {
            return Collections.nCopies(itemCount, OptionalDouble.empty());
        }
        List<JsonFields> entries = objects(field);
        if (entries.size() != itemCount) {
            throw new OutputShapeException(path(field) + " has " + entries.size() + " entries for " + itemCount
                    + " labeled items; expected one per item");
        }
        return entries.stream().map(entry -> entry.optionalNumber("confidence")).toList();
    }
}
