package io.github.sagemakerlabeling.core.dataobject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Turns caller values into JSON trees and measures them the way the limits count. */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * Converts a value to the tree a manifest line would carry for it. The value is written and read back, so the
     * result is exactly what decoding the encoded line yields (for example a {@code double} becomes a decimal node),
     * and it shares no state with the caller's value.
     *
     * @throws IllegalArgumentException if the value has no JSON form (such as a NaN or infinite double)
     */
    static JsonNode toNode(String name, Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        try {
            JsonNode tree = Json.mapper().valueToTree(value);
            if (hasNonFiniteNumber(tree)) {
                throw new IllegalArgumentException("JSON has no NaN or infinite numbers");
            }
            return Json.read(Json.write(tree));
        } catch (UncheckedIOException e) {
            // A number too wide for plain notation (1e100000): kept as it is, so encoding reports it as a violation.
            return tree(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("attribute '" + name + "' has no JSON representation: " + value, e);
        }
    }

    private static JsonNode tree(Object value) {
        return Json.mapper().<JsonNode>valueToTree(value).deepCopy();
    }

    private static boolean hasNonFiniteNumber(JsonNode node) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasNonFiniteNumber(child)) {
                    return true;
                }
            }
            return false;
        }
        return (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue());
    }

    /**
     * The size of a value as the attribute limit counts it: the characters of a string, or the characters of the
     * compact JSON text of any other value.
     */
    static int characters(JsonNode value) {
        return characters(value.isTextual() ? value.textValue() : Json.write(value));
    }

    /** Unicode code points, so a character outside the Basic Multilingual Plane counts once. */
    static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
