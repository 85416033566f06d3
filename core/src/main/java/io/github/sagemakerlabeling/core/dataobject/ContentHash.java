package io.github.sagemakerlabeling.core.dataobject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deterministic deduplication id of a data object's content: SHA-256 (lowercase hex) over a canonical JSON form.
 *
 * <p>The canonical form holds source, source-ref and the attributes, but not the dedup key or id. Object keys are
 * sorted at every level, numbers are written by value (so {@code 1.5} and {@code 1.50} agree) and the text is
 * compact, so key order and whitespace in the input never change the id. Array order and string contents do.
 */
final class ContentHash {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContentHash() {
    }

    static String of(DataObject object) {
        ObjectNode content = NODES.objectNode();
        object.source().ifPresent(source -> content.put(DataObjectCodec.SOURCE, source));
        object.sourceRef().ifPresent(sourceRef -> content.put(DataObjectCodec.SOURCE_REF, sourceRef));
        content.setAll(object.attributes());
        return sha256Hex(Json.write(canonical(content)));
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(field -> sorted.put(field.getKey(), canonical(field.getValue())));
            ObjectNode object = NODES.objectNode();
            sorted.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        if (node.isNumber()) {
            return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
