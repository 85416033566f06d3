package io.github.sagemakerlabeling.core.dataobject;

import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.DEDUP_KEY_ATTRIBUTE;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.SOURCE;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.SOURCE_REF;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;

/**
 * Writes a data object as one compact line of JSON: source or source-ref first, then the attributes in insertion
 * order, then {@code dataset-objectid-attribute-name} and the attribute holding the id.
 */
final class ManifestLineWriter {

    private ManifestLineWriter() {
    }

    /**
     * @param key the dedup key to write
     * @param id  the dedup id to write under {@code key}, omitted when {@code null}; when the key names source or
     *            source-ref the id is that very value, so writing it again changes nothing
     */
    static String write(DataObject object, String key, String id) {
        ObjectNode line = Json.mapper().createObjectNode();
        object.source().ifPresent(source -> line.put(SOURCE, source));
        object.sourceRef().ifPresent(sourceRef -> line.put(SOURCE_REF, sourceRef));
        line.setAll(object.attributes());
        line.put(DEDUP_KEY_ATTRIBUTE, key);
        if (id != null) {
            line.put(key, id);
        }
        return Json.write(line);
    }
}
