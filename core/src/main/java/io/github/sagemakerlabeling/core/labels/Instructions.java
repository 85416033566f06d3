package io.github.sagemakerlabeling.core.labels;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Worker instructions shown in the labeling UI; HTML markup is allowed. Named entity recognition jobs need them, and
 * in document version 2020-03-01 both texts must be given, the short one under 255 characters and the full one under
 * 2,048 (see {@link LabelCategoryConfig#validate()}).
 *
 * @param shortInstruction the short instructions, or {@code null} when absent
 * @param fullInstruction  the full instructions, or {@code null} when absent
 * @param unknownFields    keys of the {@code instructions} object that this model does not know, kept for round trips
 */
public record Instructions(String shortInstruction, String fullInstruction, Map<String, JsonNode> unknownFields) {

    /** Copies {@code unknownFields} and rejects keys the record already models. */
    public Instructions {
        unknownFields = UnknownFields.copyOf(unknownFields, JsonKeys.INSTRUCTIONS_OBJECT);
    }

    /** Instructions without unknown keys; either text may be {@code null}. */
    public Instructions(String shortInstruction, String fullInstruction) {
        this(shortInstruction, fullInstruction, Map.of());
    }

    /** A deep copy of the keys this model does not know. */
    @Override
    public Map<String, JsonNode> unknownFields() {
        return UnknownFields.copyOf(unknownFields);
    }
}
