package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads the deduplication fields of a line. The key is the attribute named by
 * {@code dataset-objectid-attribute-name}; when that field is absent, the service's own key
 * {@code $<label-attribute>-object-id} is used if the line has it. The ID is the key's value (a string, or a number
 * taken as its text). {@code $sequencer} is read when present.
 */
final class ObjectIds {

    private static final String KEY_NAME_FIELD = "dataset-objectid-attribute-name";
    private static final String SEQUENCER_FIELD = "$sequencer";

    private ObjectIds() {
    }

    static Optional<ObjectId> read(JsonFields line, String labelAttributeName) {
        return keyName(line, labelAttributeName)
                .map(key -> new ObjectId(key, idValue(line, key), line.optionalText(SEQUENCER_FIELD)));
    }

    private static Optional<String> keyName(JsonFields line, String labelAttributeName) {
        Optional<String> named = line.optionalText(KEY_NAME_FIELD);
        if (named.isPresent()) {
            return named;
        }
        String serviceKey = "$" + labelAttributeName + "-object-id";
        return line.optional(serviceKey).isPresent() ? Optional.of(serviceKey) : Optional.empty();
    }

    private static String idValue(JsonFields line, String key) {
        JsonNode value = line.optional(key).orElseThrow(() -> new OutputShapeException(
                KEY_NAME_FIELD + " names '" + key + "', which the line does not hold"));
        if (value.isTextual() || value.isNumber()) {
            return value.asText();
        }
        throw JsonValues.mismatch(line.path(key), "a string (the deduplication ID)", value);
    }
}
