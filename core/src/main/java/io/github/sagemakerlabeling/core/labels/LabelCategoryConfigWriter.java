package io.github.sagemakerlabeling.core.labels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.util.List;

/**
 * Writes a {@link LabelCategoryConfig} as Ground Truth reads it. Known keys come first in a fixed order, then the
 * unknown keys in their original order. Absent optional values and empty lists other than {@code labels} are left
 * out; {@code labels} is always written because both versions require it.
 */
final class LabelCategoryConfigWriter {

    private static final JsonNodeFactory NODES = Json.mapper().getNodeFactory();

    private LabelCategoryConfigWriter() {
    }

    static String write(LabelCategoryConfig config) {
        ObjectNode root = NODES.objectNode();
        root.put(config.documentVersion().jsonKey(), config.documentVersion().value());
        ArrayNode labels = root.putArray(JsonKeys.LABELS);
        config.labels().forEach(label -> labels.add(label(label)));
        putAttributes(root, JsonKeys.CATEGORY_GLOBAL_ATTRIBUTES, config.categoryGlobalAttributes());
        putAttributes(root, JsonKeys.FRAME_ATTRIBUTES, config.frameAttributes());
        config.annotationType().ifPresent(type -> root.put(JsonKeys.ANNOTATION_TYPE, type.value()));
        config.instructions().ifPresent(instructions -> root.set(JsonKeys.INSTRUCTIONS, instructions(instructions)));
        config.auditLabelAttributeName().ifPresent(name -> root.put(JsonKeys.AUDIT_LABEL_ATTRIBUTE_NAME, name));
        root.setAll(config.unknownFields());
        return Json.write(root);
    }

    private static ObjectNode label(LabelCategory label) {
        ObjectNode node = NODES.objectNode();
        node.put(JsonKeys.LABEL, label.label());
        label.shortDisplayName().ifPresent(name -> node.put(JsonKeys.SHORT_DISPLAY_NAME, name));
        label.editsAllowed().ifPresent(edits -> node.put(JsonKeys.EDITS_ALLOWED, edits.value()));
        putAttributes(node, JsonKeys.CATEGORY_ATTRIBUTES, label.categoryAttributes());
        node.setAll(label.unknownFields());
        return node;
    }

    private static void putAttributes(ObjectNode parent, String key, List<LabelAttribute> attributes) {
        if (!attributes.isEmpty()) {
            ArrayNode array = parent.putArray(key);
            attributes.forEach(attribute -> array.add(attribute(attribute)));
        }
    }

    private static ObjectNode attribute(LabelAttribute attribute) {
        ObjectNode node = NODES.objectNode();
        node.put(JsonKeys.NAME, attribute.name());
        attribute.description().ifPresent(description -> node.put(JsonKeys.DESCRIPTION, description));
        node.put(JsonKeys.TYPE, attribute.type().value());
        if (!attribute.enumValues().isEmpty()) {
            ArrayNode values = node.putArray(JsonKeys.ENUM);
            attribute.enumValues().forEach(values::add);
        }
        attribute.minimum().ifPresent(minimum -> node.put(JsonKeys.MINIMUM, minimum));
        attribute.maximum().ifPresent(maximum -> node.put(JsonKeys.MAXIMUM, maximum));
        attribute.editsAllowed().ifPresent(edits -> node.put(JsonKeys.EDITS_ALLOWED, edits.value()));
        attribute.isRequired().ifPresent(required -> node.put(JsonKeys.IS_REQUIRED, required));
        node.setAll(attribute.unknownFields());
        return node;
    }

    private static ObjectNode instructions(Instructions instructions) {
        ObjectNode node = NODES.objectNode();
        if (instructions.shortInstruction() != null) {
            node.put(JsonKeys.SHORT_INSTRUCTION, instructions.shortInstruction());
        }
        if (instructions.fullInstruction() != null) {
            node.put(JsonKeys.FULL_INSTRUCTION, instructions.fullInstruction());
        }
        node.setAll(instructions.unknownFields());
        return node;
    }
}
