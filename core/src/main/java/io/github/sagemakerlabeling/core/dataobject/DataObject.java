package io.github.sagemakerlabeling.core.dataobject;

import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.DEDUP_KEY_ATTRIBUTE;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.DEFAULT_DEDUP_KEY;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.SOURCE;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.SOURCE_REF;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One data object for a streaming labeling job: a text {@code source} or an S3 {@code source-ref}, any extra
 * attributes (passed through to the output unchanged), and the deduplication key and id that make Ground Truth label
 * it only once.
 *
 * <p>Immutable: every {@code with...} method returns a new instance. Apart from {@link #s3(String)} parsing its URI,
 * nothing is validated here beyond what the model cannot represent; {@link DataObjectCodec#validate(DataObject)}
 * checks the Ground Truth rules and reports all broken ones at once.
 *
 * <p>Deduplication: {@link #dedupKey()} names the attribute that holds the id
 * ({@value DataObjectCodec#DEFAULT_DEDUP_KEY} unless changed). When the key names {@code source} or
 * {@code source-ref}, that value is the id; otherwise it is the id given with {@link #withDedupId(String)} or read
 * from a manifest line, and failing that a hash of the content computed by the codec. The dedup key and id are not
 * part of {@link #attributes()}.
 */
public final class DataObject {

    private final String source;
    private final String sourceRef;
    private final Map<String, JsonNode> attributes;
    private final String dedupKey;
    private final String dedupId;

    private DataObject(String source, String sourceRef, Map<String, JsonNode> attributes, String dedupKey,
            String dedupId) {
        this.source = source;
        this.sourceRef = sourceRef;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.dedupKey = Objects.requireNonNull(dedupKey, "dedupKey");
        this.dedupId = namesSource(dedupKey) ? null : dedupId;
    }

    /** Used by the manifest-line reader, which has already separated the fields. */
    static DataObject of(String source, String sourceRef, Map<String, JsonNode> attributes, String dedupKey,
            String dedupId) {
        return new DataObject(source, sourceRef, attributes, dedupKey, dedupId);
    }

    /** A text object: {@code {"source": "..."}}. */
    public static DataObject text(String source) {
        return new DataObject(Objects.requireNonNull(source, "source"), null, Map.of(), DEFAULT_DEDUP_KEY, null);
    }

    /**
     * An S3 object: {@code {"source-ref": "s3://bucket/key"}}.
     *
     * @throws LabelingValidationException if the URI is not a valid {@code s3://bucket/key}, naming field
     *         {@code source-ref} and every rule it breaks
     */
    public static DataObject s3(String sourceRef) {
        List<Violation> violations = S3Uri.violations(SOURCE_REF, Objects.requireNonNull(sourceRef, "sourceRef"));
        if (!violations.isEmpty()) {
            throw new LabelingValidationException("Data object", violations);
        }
        return s3(S3Uri.parse(sourceRef));
    }

    /** An S3 object: {@code {"source-ref": "s3://bucket/key"}}. */
    public static DataObject s3(S3Uri sourceRef) {
        return new DataObject(null, sourceRef.toString(), Map.of(), DEFAULT_DEDUP_KEY, null);
    }

    /**
     * Reads one manifest line (the JSON object Ground Truth takes as an SNS message). Accepts any line: one naming
     * its own key with {@code dataset-objectid-attribute-name} (whose id is then kept), and a previous labeling
     * job's output line, for chaining jobs (its label attributes become ordinary attributes, its dedup key and id are
     * kept, and the service-generated {@code $sequencer} field is dropped).
     *
     * @throws io.github.sagemakerlabeling.core.validation.LabelingValidationException if the text is not one JSON
     *         object or a field has the wrong JSON type
     */
    public static DataObject fromManifestLine(String json) {
        return ManifestLineReader.read(json);
    }

    /**
     * Builds an object from the fields of a manifest line given as a map, with the same rules as
     * {@link #fromManifestLine(String)}.
     */
    public static DataObject fromMap(Map<String, ?> map) {
        return ManifestLineReader.read(map);
    }

    /**
     * Adds or replaces an attribute.
     *
     * @param name  the attribute name; validated when encoding ({@code $} prefix, empty name)
     * @param value a {@code String}, {@code Number}, {@code Boolean}, {@code Map}, {@code List}, {@code JsonNode} or
     *              {@code null} (JSON null); copied, so later changes to it do not leak in
     * @throws IllegalArgumentException if the name is {@code source}, {@code source-ref},
     *         {@code dataset-objectid-attribute-name} or the current dedup key (use the dedicated methods), or if the
     *         value cannot be represented as JSON (for example a non-finite double)
     */
    public DataObject withAttribute(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (name.equals(SOURCE) || name.equals(SOURCE_REF) || name.equals(DEDUP_KEY_ATTRIBUTE)
                || name.equals(dedupKey)) {
            throw new IllegalArgumentException("attribute '" + name + "' is reserved: set the source with text()/s3()"
                    + " and the deduplication key and id with withDedupKey()/withDedupId()");
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>(attributes);
        copy.put(name, JsonValues.toNode(name, value));
        return new DataObject(source, sourceRef, copy, dedupKey, dedupId);
    }

    /**
     * Sets the deduplication id explicitly; it wins over the content hash. If the dedup key named {@code source} or
     * {@code source-ref}, it is reset to {@value DataObjectCodec#DEFAULT_DEDUP_KEY} so the given id is the one sent.
     */
    public DataObject withDedupId(String id) {
        Objects.requireNonNull(id, "id");
        String key = namesSource(dedupKey) ? DEFAULT_DEDUP_KEY : dedupKey;
        return new DataObject(source, sourceRef, attributes, key, id);
    }

    /**
     * Names the attribute that holds the deduplication id ({@code dataset-objectid-attribute-name}).
     *
     * <ul>
     *   <li>{@code source} or {@code source-ref}: that value is the id.</li>
     *   <li>an existing attribute: it is moved out of {@link #attributes()} and its text becomes the id.</li>
     *   <li>any other name: the id set before (or the content hash) is sent under that name.</li>
     * </ul>
     *
     * @throws IllegalArgumentException if it names an existing attribute whose value is not a JSON string
     */
    public DataObject withDedupKey(String key) {
        Objects.requireNonNull(key, "key");
        JsonNode existing = attributes.get(key);
        if (existing == null) {
            return new DataObject(source, sourceRef, attributes, key, dedupId);
        }
        if (!existing.isTextual()) {
            throw new IllegalArgumentException("attribute '" + key + "' cannot be the deduplication id: its value "
                    + existing + " is not a JSON string");
        }
        Map<String, JsonNode> rest = new LinkedHashMap<>(attributes);
        rest.remove(key);
        return new DataObject(source, sourceRef, rest, key, existing.textValue());
    }

    /** The text to label, if this is a text object. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The {@code s3://bucket/key} URI of the object to label, if this is an S3 object. */
    public Optional<String> sourceRef() {
        return Optional.ofNullable(sourceRef);
    }

    /** The extra attributes in insertion order, without source, source-ref and the dedup fields. Copies. */
    public Map<String, JsonNode> attributes() {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        attributes.forEach((name, value) -> copy.put(name, value.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    /** The attribute name that holds the deduplication id; {@value DataObjectCodec#DEFAULT_DEDUP_KEY} by default. */
    public String dedupKey() {
        return dedupKey;
    }

    /**
     * The deduplication id when it is known without hashing: set explicitly, read from a manifest line, or the
     * source / source-ref value the dedup key names. Empty means the codec will use the content hash.
     */
    public Optional<String> dedupId() {
        if (dedupKey.equals(SOURCE)) {
            return source();
        }
        if (dedupKey.equals(SOURCE_REF)) {
            return sourceRef();
        }
        return Optional.ofNullable(dedupId);
    }

    private static boolean namesSource(String key) {
        return key.equals(SOURCE) || key.equals(SOURCE_REF);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataObject that
                && Objects.equals(source, that.source)
                && Objects.equals(sourceRef, that.sourceRef)
                && attributes.equals(that.attributes)
                && dedupKey.equals(that.dedupKey)
                && Objects.equals(dedupId, that.dedupId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, sourceRef, attributes, dedupKey, dedupId);
    }

    /** A short description; long text is abbreviated. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("DataObject{");
        if (source != null) {
            text.append("source=").append(abbreviate(source)).append(", ");
        }
        if (sourceRef != null) {
            text.append("source-ref=").append(abbreviate(sourceRef)).append(", ");
        }
        return text.append("attributes=").append(attributes.keySet())
                .append(", dedupKey=").append(dedupKey)
                .append(", dedupId=").append(dedupId().map(DataObject::abbreviate).orElse("<content hash>"))
                .append('}').toString();
    }

    private static String abbreviate(String value) {
        int max = 60;
        return value.length() <= max ? "'" + value + "'" : "'" + value.substring(0, max) + "...' (" + value.length()
                + " characters)";
    }
}
