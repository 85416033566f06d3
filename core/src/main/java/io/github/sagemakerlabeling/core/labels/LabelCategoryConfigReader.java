package io.github.sagemakerlabeling.core.labels;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads a label category configuration file into a {@link LabelCategoryConfig}.
 *
 * <p>It rejects only what the model cannot hold: text that is not a JSON object, a missing, unknown or misplaced
 * version, a required key that is missing ({@code labels}, a label's {@code label}, an attribute's {@code name} and
 * {@code type}), a key with the wrong JSON type, or a string outside a fixed value set. All such problems are
 * collected and thrown together. A JSON {@code null} counts as an absent key. Ground Truth's rules on values (lengths,
 * counts, uniqueness) are left to {@link LabelCategoryConfig#validate()}.
 */
final class LabelCategoryConfigReader {

    private static final String SUBJECT = "Label category configuration";

    private static final String DOCUMENT = "document";

    private final List<Violation> violations = new ArrayList<>();

    private LabelCategoryConfigReader() {
    }

    static LabelCategoryConfig read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = Json.read(json);
        } catch (JsonProcessingException e) {
            throw new LabelingValidationException(SUBJECT, new Violation(DOCUMENT, json, "is not valid JSON: " + problem(e)));
        }
        if (!(root instanceof ObjectNode object)) {
            throw new LabelingValidationException(SUBJECT, new Violation(DOCUMENT, json, "must be a JSON object"));
        }
        return new LabelCategoryConfigReader().config(object);
    }

    private static String problem(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        return e.getOriginalMessage()
                + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
    }

    private LabelCategoryConfig config(ObjectNode root) {
        Optional<DocumentVersion> version = version(root);
        if (absent(root.get(JsonKeys.LABELS))) {
            violations.add(new Violation(JsonKeys.LABELS, null, "is required"));
        }
        List<LabelCategory> labels = array(root, "", JsonKeys.LABELS, this::label);
        List<LabelAttribute> globals = array(root, "", JsonKeys.CATEGORY_GLOBAL_ATTRIBUTES, this::attribute);
        List<LabelAttribute> frames = array(root, "", JsonKeys.FRAME_ATTRIBUTES, this::attribute);
        Optional<AnnotationType> annotationType =
                wireValue(root, "", JsonKeys.ANNOTATION_TYPE, AnnotationType.values(), AnnotationType::value);
        Optional<Instructions> instructions = instructions(root);
        Optional<String> auditLabelAttributeName = text(root, "", JsonKeys.AUDIT_LABEL_ATTRIBUTE_NAME);
        if (!violations.isEmpty()) {
            throw new LabelingValidationException(SUBJECT, violations);
        }
        LabelCategoryConfig.Builder builder = LabelCategoryConfig.builder(version.orElseThrow());
        labels.forEach(builder::label);
        globals.forEach(builder::categoryGlobalAttribute);
        frames.forEach(builder::frameAttribute);
        annotationType.ifPresent(builder::annotationType);
        instructions.ifPresent(builder::instructions);
        auditLabelAttributeName.ifPresent(builder::auditLabelAttributeName);
        unknown(root, JsonKeys.CONFIG).forEach(builder::unknownField);
        return builder.build();
    }

    private Optional<DocumentVersion> version(ObjectNode root) {
        String kebabKey = DocumentVersion.V2018_11_28.jsonKey();
        String camelKey = DocumentVersion.V2020_03_01.jsonKey();
        boolean kebab = !absent(root.get(kebabKey));
        boolean camel = !absent(root.get(camelKey));
        if (kebab && camel) {
            violations.add(new Violation(camelKey, shown(root.get(camelKey)),
                    "must not be given together with \"" + kebabKey + "\": a document has one version key"));
            return Optional.empty();
        }
        if (!kebab && !camel) {
            violations.add(new Violation(kebabKey, null, "is required: " + versionChoices()));
            return Optional.empty();
        }
        String key = kebab ? kebabKey : camelKey;
        return text(root, "", key).flatMap(value -> {
            Optional<DocumentVersion> version =
                    WireValues.find(DocumentVersion.values(), DocumentVersion::value, value);
            if (version.isEmpty()) {
                violations.add(new Violation(key, value, "is not a known version: " + versionChoices()));
            } else if (!version.get().jsonKey().equals(key)) {
                violations.add(new Violation(key, value, "version " + value + " is given under the key \""
                        + version.get().jsonKey() + "\", not \"" + key + "\""));
                return Optional.empty();
            }
            return version;
        });
    }

    private static String versionChoices() {
        List<String> choices = new ArrayList<>();
        for (DocumentVersion version : DocumentVersion.values()) {
            choices.add("\"" + version.jsonKey() + "\": \"" + version.value() + "\"");
        }
        return "use " + String.join(" or ", choices);
    }

    private Optional<LabelCategory> label(ObjectNode node, String path) {
        String label = requiredText(node, path, JsonKeys.LABEL);
        Optional<String> shortDisplayName = text(node, path, JsonKeys.SHORT_DISPLAY_NAME);
        Optional<EditsAllowed> editsAllowed = editsAllowed(node, path);
        List<LabelAttribute> attributes = array(node, path, JsonKeys.CATEGORY_ATTRIBUTES, this::attribute);
        if (label == null) {
            return Optional.empty();
        }
        return Optional.of(new LabelCategory(label, shortDisplayName, editsAllowed, attributes,
                unknown(node, JsonKeys.LABEL_CATEGORY)));
    }

    private Optional<LabelAttribute> attribute(ObjectNode node, String path) {
        String name = requiredText(node, path, JsonKeys.NAME);
        if (absent(node.get(JsonKeys.TYPE))) {
            violations.add(new Violation(join(path, JsonKeys.TYPE), null, "is required"));
        }
        Optional<AttributeType> type =
                wireValue(node, path, JsonKeys.TYPE, AttributeType.values(), AttributeType::value);
        List<String> enumValues = texts(node, path, JsonKeys.ENUM);
        Optional<String> description = text(node, path, JsonKeys.DESCRIPTION);
        OptionalLong minimum = wholeNumber(node, path, JsonKeys.MINIMUM);
        OptionalLong maximum = wholeNumber(node, path, JsonKeys.MAXIMUM);
        Optional<EditsAllowed> editsAllowed = editsAllowed(node, path);
        Optional<Boolean> isRequired = bool(node, path, JsonKeys.IS_REQUIRED);
        if (name == null || type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LabelAttribute(name, type.get(), enumValues, description, minimum, maximum,
                editsAllowed, isRequired, unknown(node, JsonKeys.ATTRIBUTE)));
    }

    private Optional<Instructions> instructions(ObjectNode root) {
        JsonNode value = root.get(JsonKeys.INSTRUCTIONS);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode node)) {
            violations.add(new Violation(JsonKeys.INSTRUCTIONS, shown(value), "must be an object"));
            return Optional.empty();
        }
        String path = JsonKeys.INSTRUCTIONS;
        return Optional.of(new Instructions(text(node, path, JsonKeys.SHORT_INSTRUCTION).orElse(null),
                text(node, path, JsonKeys.FULL_INSTRUCTION).orElse(null), unknown(node, JsonKeys.INSTRUCTIONS_OBJECT)));
    }

    private Optional<EditsAllowed> editsAllowed(ObjectNode node, String path) {
        return wireValue(node, path, JsonKeys.EDITS_ALLOWED, EditsAllowed.values(), EditsAllowed::value);
    }

    private <T> List<T> array(ObjectNode node, String path, String key,
            BiFunction<ObjectNode, String, Optional<T>> readElement) {
        JsonNode value = node.get(key);
        if (absent(value)) {
            return List.of();
        }
        if (!value.isArray()) {
            violations.add(new Violation(join(path, key), shown(value), "must be an array of objects"));
            return List.of();
        }
        List<T> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String elementPath = join(path, key) + "[" + i + "]";
            if (value.get(i) instanceof ObjectNode element) {
                readElement.apply(element, elementPath).ifPresent(elements::add);
            } else {
                violations.add(new Violation(elementPath, shown(value.get(i)), "must be an object"));
            }
        }
        return elements;
    }

    private List<String> texts(ObjectNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (absent(value)) {
            return List.of();
        }
        if (!value.isArray()) {
            violations.add(new Violation(join(path, key), shown(value), "must be an array of strings"));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                texts.add(value.get(i).textValue());
            } else {
                violations.add(new Violation(join(path, key) + "[" + i + "]", shown(value.get(i)), "must be a string"));
            }
        }
        return texts;
    }

    private String requiredText(ObjectNode node, String path, String key) {
        if (absent(node.get(key))) {
            violations.add(new Violation(join(path, key), null, "is required"));
            return null;
        }
        return text(node, path, key).orElse(null);
    }

    private Optional<String> text(ObjectNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            violations.add(new Violation(join(path, key), shown(value), "must be a string"));
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private <E> Optional<E> wireValue(ObjectNode node, String path, String key, E[] constants,
            Function<E, String> wire) {
        return text(node, path, key).flatMap(value -> {
            Optional<E> constant = WireValues.find(constants, wire, value);
            if (constant.isEmpty()) {
                violations.add(new Violation(join(path, key), value,
                        "must be one of " + WireValues.list(constants, wire)));
            }
            return constant;
        });
    }

    private OptionalLong wholeNumber(ObjectNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (absent(value)) {
            return OptionalLong.empty();
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral()) {
            violations.add(new Violation(join(path, key), shown(value), "must be a whole number"));
        } else if (!value.canConvertToLong()) {
            violations.add(new Violation(join(path, key), shown(value), "is out of range for a whole number"));
        } else {
            return OptionalLong.of(value.longValue());
        }
        return OptionalLong.empty();
    }

    private Optional<Boolean> bool(ObjectNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            violations.add(new Violation(join(path, key), shown(value), "must be true or false"));
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    private static Map<String, JsonNode> unknown(ObjectNode node, Set<String> modelledKeys) {
        Map<String, JsonNode> unknown = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!modelledKeys.contains(field.getKey())) {
                unknown.put(field.getKey(), field.getValue());
            }
        }
        return unknown;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    /** The node as a violation value: strings, numbers and booleans as themselves, anything else as JSON text. */
    private static Object shown(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.isBoolean() ? value.booleanValue() : value.toString();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
