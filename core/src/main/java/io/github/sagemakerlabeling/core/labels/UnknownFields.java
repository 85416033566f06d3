package io.github.sagemakerlabeling.core.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keys of a JSON object that this package does not model, kept so that a document survives a read/write round trip
 * unchanged. Values are deep-copied on the way in and out, because Jackson trees are mutable.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    /**
     * An unmodifiable, order-preserving deep copy; a {@code null} value becomes JSON {@code null}.
     *
     * @throws IllegalArgumentException if a key is one the model already carries (it would be written twice)
     */
    static Map<String, JsonNode> copyOf(Map<String, JsonNode> fields, Set<String> modelledKeys) {
        Objects.requireNonNull(fields, "unknownFields");
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            Objects.requireNonNull(key, "unknown field key");
            if (modelledKeys.contains(key)) {
                throw new IllegalArgumentException("'" + key + "' is a modelled key; set it through its own field");
            }
            copy.put(key, value == null ? NullNode.getInstance() : value.deepCopy());
        });
        return Collections.unmodifiableMap(copy);
    }

    /** A deep copy for handing out, so that callers cannot change an immutable value through it. */
    static Map<String, JsonNode> copyOf(Map<String, JsonNode> fields) {
        return copyOf(fields, Set.of());
    }
}
