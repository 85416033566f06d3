package io.github.sagemakerlabeling.core.dataobject;

import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.DEDUP_KEY_ATTRIBUTE;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.DEFAULT_DEDUP_KEY;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.SOURCE;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.SOURCE_REF;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a manifest line into a {@link DataObject}, separating source, source-ref, the dedup fields and the other
 * attributes. It rejects only what the model cannot hold; the Ground Truth rules are the validator's job.
 */
final class ManifestLineReader {

    /**
     * Ground Truth adds this field to the output of objects that came through an S3 event, next to its own dedup id
     * (§3.5 of the reference). It is service metadata, and its {@code $} prefix is not allowed in input, so a chained
     * output line is read without it; the dedup id it belongs to is kept.
     */
    private static final String S3_SEQUENCER = "$sequencer";

    private static final Logger LOG = LoggerFactory.getLogger(ManifestLineReader.class);
    private static final String SUBJECT = "Manifest line";

    private ManifestLineReader() {
    }

    static DataObject read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = Json.read(json);
        } catch (JsonProcessingException e) {
            throw new LabelingValidationException(SUBJECT,
                    new Violation("manifest line", json, "must be valid JSON: " + e.getOriginalMessage()));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new LabelingValidationException(SUBJECT,
                    new Violation("manifest line", json, "must be one JSON object"));
        }
        return readObject(object);
    }

    static DataObject read(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        map.forEach((name, value) -> fields.put(name, JsonValues.toNode(name, value)));
        ObjectNode object = Json.mapper().createObjectNode();
        object.setAll(fields);
        return readObject(object);
    }

    private static DataObject readObject(ObjectNode object) {
        List<Violation> violations = new ArrayList<>();
        String source = text(object, SOURCE, violations);
        String sourceRef = text(object, SOURCE_REF, violations);
        String key = text(object, DEDUP_KEY_ATTRIBUTE, violations);
        boolean keyNamesAttribute = key != null && !key.equals(SOURCE) && !key.equals(SOURCE_REF);
        String id = keyNamesAttribute ? text(object, key, violations) : null;
        if (!violations.isEmpty()) {
            throw new LabelingValidationException(SUBJECT, violations);
        }

        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        object.properties().forEach(field -> {
            String name = field.getKey();
            if (name.equals(SOURCE) || name.equals(SOURCE_REF) || name.equals(DEDUP_KEY_ATTRIBUTE)
                    || (keyNamesAttribute && name.equals(key))) {
                return;
            }
            if (name.equals(S3_SEQUENCER)) {
                LOG.debug("Dropping '{}' = {} from a chained output line: it is Ground Truth's own metadata",
                        name, field.getValue());
                return;
            }
            attributes.put(name, field.getValue());
        });
        return DataObject.of(source, sourceRef, attributes, key == null ? DEFAULT_DEDUP_KEY : key, id);
    }

    private static String text(ObjectNode object, String name, List<Violation> violations) {
        JsonNode value = object.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Violation(name, value.toString(), "must be a JSON string"));
            return null;
        }
        return value.textValue();
    }
}
