package io.github.sagemakerlabeling.core.labels;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code labels}: a class workers can choose.
 *
 * <p>{@code shortDisplayName} belongs to document version 2018-11-28 (named entity recognition); {@code editsAllowed}
 * and {@code categoryAttributes} belong to 2020-03-01. A value of the other version is kept and written but has no
 * documented meaning there, so {@link LabelCategoryConfig#validate()} does not check it.
 *
 * @param label              the class name shown to workers; unique within the document
 * @param shortDisplayName   the abbreviation NER shows on highlighted text
 * @param editsAllowed       whether workers of an adjustment or verification job may change this label
 * @param categoryAttributes attributes workers fill in for objects of this label (in addition to the global ones)
 * @param unknownFields      keys of the label object that this model does not know, kept for round trips
 */
public record LabelCategory(
        String label,
        Optional<String> shortDisplayName,
        Optional<EditsAllowed> editsAllowed,
        List<LabelAttribute> categoryAttributes,
        Map<String, JsonNode> unknownFields) {

    /** Checks for {@code null} and copies the collections. */
    public LabelCategory {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(shortDisplayName, "shortDisplayName");
        Objects.requireNonNull(editsAllowed, "editsAllowed");
        categoryAttributes = List.copyOf(categoryAttributes);
        unknownFields = UnknownFields.copyOf(unknownFields, JsonKeys.LABEL_CATEGORY);
    }

    /** A 2018-11-28 label, optionally with a short display name. */
    public LabelCategory(String label, Optional<String> shortDisplayName) {
        this(label, shortDisplayName, Optional.empty(), List.of(), Map.of());
    }

    /** A label with nothing but its name. */
    public static LabelCategory of(String label) {
        return new LabelCategory(label, Optional.empty());
    }

    /** A named entity recognition label with its short display name. */
    public static LabelCategory of(String label, String shortDisplayName) {
        return new LabelCategory(label, Optional.of(shortDisplayName));
    }

    /** This label with {@code editsAllowed} set (2020-03-01). */
    public LabelCategory withEditsAllowed(EditsAllowed value) {
        return new LabelCategory(label, shortDisplayName, Optional.of(value), categoryAttributes, unknownFields);
    }

    /** This label with the given {@code categoryAttributes} (2020-03-01), replacing any it had. */
    public LabelCategory withCategoryAttributes(LabelAttribute... attributes) {
        return new LabelCategory(label, shortDisplayName, editsAllowed, List.of(attributes), unknownFields);
    }

    /** A deep copy of the keys this model does not know. */
    @Override
    public Map<String, JsonNode> unknownFields() {
        return UnknownFields.copyOf(unknownFields);
    }
}
