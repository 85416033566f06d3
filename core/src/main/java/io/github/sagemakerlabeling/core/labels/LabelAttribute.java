package io.github.sagemakerlabeling.core.labels;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An attribute workers fill in (document version 2020-03-01): a label category attribute (in a label's
 * {@code categoryAttributes} or in {@code categoryGlobalAttributes}) or a frame attribute ({@code frameAttributes}).
 * The rules on it (lengths, {@code minimum}/{@code maximum} for numbers, {@code enum} only for strings, a
 * {@code description} for frame attributes) are checked by {@link LabelCategoryConfig#validate()}, not here.
 *
 * @param name          the attribute name workers see
 * @param type          string or number
 * @param enumValues    the choices of a string attribute ({@code "enum"}); empty means free-form text
 * @param description   more information for workers; required for frame attributes
 * @param minimum       the smallest number allowed (inclusive), for number attributes
 * @param maximum       the largest number allowed (inclusive), for number attributes
 * @param editsAllowed  whether workers of an adjustment or verification job may change the attribute
 * @param isRequired    whether workers must fill the attribute in before they can submit
 * @param unknownFields keys of the attribute object that this model does not know, kept for round trips
 */
public record LabelAttribute(
        String name,
        AttributeType type,
        List<String> enumValues,
        Optional<String> description,
        OptionalLong minimum,
        OptionalLong maximum,
        Optional<EditsAllowed> editsAllowed,
        Optional<Boolean> isRequired,
        Map<String, JsonNode> unknownFields) {

    /** Checks for {@code null} and copies the collections. */
    public LabelAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        enumValues = List.copyOf(enumValues);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(editsAllowed, "editsAllowed");
        Objects.requireNonNull(isRequired, "isRequired");
        unknownFields = UnknownFields.copyOf(unknownFields, JsonKeys.ATTRIBUTE);
    }

    /** Starts an attribute with its two required members; unknown keys can only be given to the constructor. */
    public static Builder builder(String name, AttributeType type) {
        return new Builder(name, type);
    }

    /** A deep copy of the keys this model does not know. */
    @Override
    public Map<String, JsonNode> unknownFields() {
        return UnknownFields.copyOf(unknownFields);
    }

    /** Collects the optional members of a {@link LabelAttribute}. */
    public static final class Builder {

        private final String name;
        private final AttributeType type;
        private List<String> enumValues = List.of();
        private String description;
        private Long minimum;
        private Long maximum;
        private EditsAllowed editsAllowed;
        private Boolean isRequired;

        private Builder(String name, AttributeType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** The choices of a string attribute ({@code "enum"}). */
        public Builder enumValues(String... values) {
            return enumValues(List.of(values));
        }

        /** The choices of a string attribute ({@code "enum"}). */
        public Builder enumValues(List<String> values) {
            this.enumValues = List.copyOf(values);
            return this;
        }

        /** The description workers see; required for frame attributes. */
        public Builder description(String value) {
            this.description = Objects.requireNonNull(value, "description");
            return this;
        }

        /** The smallest number allowed, inclusive. */
        public Builder minimum(long value) {
            this.minimum = value;
            return this;
        }

        /** The largest number allowed, inclusive. */
        public Builder maximum(long value) {
            this.maximum = value;
            return this;
        }

        /** Whether workers of an adjustment or verification job may change the attribute. */
        public Builder editsAllowed(EditsAllowed value) {
            this.editsAllowed = Objects.requireNonNull(value, "editsAllowed");
            return this;
        }

        /** Whether workers must fill the attribute in. */
        public Builder isRequired(boolean value) {
            this.isRequired = value;
            return this;
        }

        /** The attribute; its rules are checked by {@link LabelCategoryConfig#validate()}. */
        public LabelAttribute build() {
            return new LabelAttribute(name, type, enumValues, Optional.ofNullable(description),
                    minimum == null ? OptionalLong.empty() : OptionalLong.of(minimum),
                    maximum == null ? OptionalLong.empty() : OptionalLong.of(maximum),
                    Optional.ofNullable(editsAllowed), Optional.ofNullable(isRequired), Map.of());
        }
    }
}
