package io.github.sagemakerlabeling.core.labels;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A label category configuration file: the labels workers choose from, and optionally worker instructions and (in
 * document version 2020-03-01) attributes, the video annotation tool and the audited label attribute.
 *
 * <p>Immutable. Creating one never enforces Ground Truth's rules, so that a file with mistakes can still be read,
 * inspected and reported on in full: call {@link #validate()} for the rules of the document itself and
 * {@link #validateLabelCount} for the label count a task type needs.
 *
 * <p>Fields of one document version set on a document of the other version are kept and written but not checked.
 * Keys this model does not know are kept, at every level, and written back after the known keys; see
 * {@link #unknownFields()}.
 */
public final class LabelCategoryConfig {

    private final DocumentVersion documentVersion;
    private final List<LabelCategory> labels;
    private final List<LabelAttribute> categoryGlobalAttributes;
    private final List<LabelAttribute> frameAttributes;
    private final Optional<AnnotationType> annotationType;
    private final Optional<Instructions> instructions;
    private final Optional<String> auditLabelAttributeName;
    private final Map<String, JsonNode> unknownFields;

    private LabelCategoryConfig(Builder builder) {
        this.documentVersion = builder.documentVersion;
        this.labels = List.copyOf(builder.labels);
        this.categoryGlobalAttributes = List.copyOf(builder.categoryGlobalAttributes);
        this.frameAttributes = List.copyOf(builder.frameAttributes);
        this.annotationType = Optional.ofNullable(builder.annotationType);
        this.instructions = Optional.ofNullable(builder.instructions);
        this.auditLabelAttributeName = Optional.ofNullable(builder.auditLabelAttributeName);
        this.unknownFields = UnknownFields.copyOf(builder.unknownFields, JsonKeys.CONFIG);
    }

    /** A 2018-11-28 document with plain labels, in the given order. */
    public static LabelCategoryConfig of(String... labels) {
        return of(List.of(labels));
    }

    /** A 2018-11-28 document with plain labels, in the given order. */
    public static LabelCategoryConfig of(List<String> labels) {
        Builder builder = builder(DocumentVersion.V2018_11_28);
        labels.forEach(builder::label);
        return builder.build();
    }

    /** Starts a document of the given version. */
    public static Builder builder(DocumentVersion version) {
        return new Builder(version);
    }

    /**
     * Reads a label category configuration file.
     *
     * @throws LabelingValidationException if the text is not a JSON object, its version is missing, unknown or under
     *         the other version's key, a required key is missing, a key has the wrong JSON type, or a string is not
     *         one of its fixed values; every such problem is reported at once, with its field path
     */
    public static LabelCategoryConfig fromJson(String json) {
        return LabelCategoryConfigReader.read(json);
    }

    /** The file as one compact line of JSON, with exactly the key names Ground Truth reads. */
    public String toJson() {
        return LabelCategoryConfigWriter.write(this);
    }

    /** The document version, which also decides the name of the version key. */
    public DocumentVersion documentVersion() {
        return documentVersion;
    }

    /** The labels, in file order. */
    public List<LabelCategory> labels() {
        return labels;
    }

    /** The names of the labels, in file order. */
    public List<String> labelNames() {
        return labels.stream().map(LabelCategory::label).toList();
    }

    /** Attributes that apply to every label (2020-03-01). */
    public List<LabelAttribute> categoryGlobalAttributes() {
        return categoryGlobalAttributes;
    }

    /** Attributes of a whole video frame or point cloud (2020-03-01). */
    public List<LabelAttribute> frameAttributes() {
        return frameAttributes;
    }

    /** The video frame annotation tool (2020-03-01); absent means Ground Truth's default, bounding box. */
    public Optional<AnnotationType> annotationType() {
        return annotationType;
    }

    /** The worker instructions, if given. */
    public Optional<Instructions> instructions() {
        return instructions;
    }

    /** The {@code LabelAttributeName} of the job whose labels an adjustment or verification job reviews. */
    public Optional<String> auditLabelAttributeName() {
        return auditLabelAttributeName;
    }

    /** A deep copy of the top-level keys this model does not know, in file order. */
    public Map<String, JsonNode> unknownFields() {
        return UnknownFields.copyOf(unknownFields);
    }

    /**
     * Checks the rules that hold for every document of its version, whatever the task type: labels are unique
     * (exact, case-sensitive match) and 1 to 256 characters long; and for 2020-03-01 also 1 to 16 characters, 1 to
     * 30 labels, both instruction texts present and within their lengths, and the attribute quotas and rules.
     * Lengths count Unicode code points.
     *
     * @return every violation found, each with its field path (for example {@code labels[3].label}); empty when the
     *         document is valid
     */
    public List<Violation> validate() {
        return LabelCategoryConfigValidator.validate(this);
    }

    /**
     * Checks the number of labels against a task type's bounds, for example at least 2 for classification.
     *
     * @param minimum the fewest labels allowed, at least 0
     * @param maximum the most labels allowed, if there is a limit
     * @return one violation on field {@code labels} when the count is out of bounds, otherwise none
     */
    public List<Violation> validateLabelCount(int minimum, OptionalInt maximum) {
        return LabelCategoryConfigValidator.labelCount(labels.size(), minimum, maximum, Optional.empty());
    }

    /**
     * Like {@link #validateLabelCount(int, OptionalInt)}, naming what needs the count: with {@code requiredFor}
     * {@code "text classification"} the rule reads "at least 2 labels are required for text classification".
     */
    public List<Violation> validateLabelCount(int minimum, OptionalInt maximum, String requiredFor) {
        return LabelCategoryConfigValidator.labelCount(labels.size(), minimum, maximum,
                Optional.of("for " + Objects.requireNonNull(requiredFor, "requiredFor")));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelCategoryConfig that
                && documentVersion == that.documentVersion
                && labels.equals(that.labels)
                && categoryGlobalAttributes.equals(that.categoryGlobalAttributes)
                && frameAttributes.equals(that.frameAttributes)
                && annotationType.equals(that.annotationType)
                && instructions.equals(that.instructions)
                && auditLabelAttributeName.equals(that.auditLabelAttributeName)
                && unknownFields.equals(that.unknownFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(documentVersion, labels, categoryGlobalAttributes, frameAttributes, annotationType,
                instructions, auditLabelAttributeName, unknownFields);
    }

    /** The document as JSON, prefixed with the class name. */
    @Override
    public String toString() {
        return "LabelCategoryConfig" + toJson();
    }

    /** Collects the parts of a {@link LabelCategoryConfig}. Not thread-safe; reusable after {@link #build()}. */
    public static final class Builder {

        private final DocumentVersion documentVersion;
        private final List<LabelCategory> labels = new ArrayList<>();
        private final List<LabelAttribute> categoryGlobalAttributes = new ArrayList<>();
        private final List<LabelAttribute> frameAttributes = new ArrayList<>();
        private AnnotationType annotationType;
        private Instructions instructions;
        private String auditLabelAttributeName;
        private final Map<String, JsonNode> unknownFields = new LinkedHashMap<>();

        private Builder(DocumentVersion documentVersion) {
            this.documentVersion = Objects.requireNonNull(documentVersion, "documentVersion");
        }

        /** Adds a plain label. */
        public Builder label(String label) {
            return label(LabelCategory.of(label));
        }

        /** Adds a named entity recognition label with its short display name. */
        public Builder label(String label, String shortDisplayName) {
            return label(LabelCategory.of(label, shortDisplayName));
        }

        /** Adds a label. */
        public Builder label(LabelCategory label) {
            labels.add(Objects.requireNonNull(label, "label"));
            return this;
        }

        /** Adds an attribute that applies to every label (2020-03-01). */
        public Builder categoryGlobalAttribute(LabelAttribute attribute) {
            categoryGlobalAttributes.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /** Adds a frame attribute (2020-03-01). */
        public Builder frameAttribute(LabelAttribute attribute) {
            frameAttributes.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /** Sets the video frame annotation tool (2020-03-01). */
        public Builder annotationType(AnnotationType value) {
            this.annotationType = Objects.requireNonNull(value, "annotationType");
            return this;
        }

        /** Sets the worker instructions; either text may be {@code null}. */
        public Builder instructions(String shortInstruction, String fullInstruction) {
            return instructions(new Instructions(shortInstruction, fullInstruction));
        }

        /** Sets the worker instructions. */
        public Builder instructions(Instructions value) {
            this.instructions = Objects.requireNonNull(value, "instructions");
            return this;
        }

        /** Sets the {@code LabelAttributeName} of the job an adjustment or verification job reviews. */
        public Builder auditLabelAttributeName(String value) {
            this.auditLabelAttributeName = Objects.requireNonNull(value, "auditLabelAttributeName");
            return this;
        }

        /**
         * Adds a top-level key this model does not know, written after the known keys.
         *
         * @throws IllegalArgumentException at {@link #build()} if {@code key} is a key the model carries itself
         */
        public Builder unknownField(String key, JsonNode value) {
            unknownFields.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /** The document; its rules are checked by {@link LabelCategoryConfig#validate()}, not here. */
        public LabelCategoryConfig build() {
            return new LabelCategoryConfig(this);
        }
    }
}
