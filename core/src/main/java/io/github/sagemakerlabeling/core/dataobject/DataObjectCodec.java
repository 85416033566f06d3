package io.github.sagemakerlabeling.core.dataobject;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.List;

/**
 * Converts {@link DataObject}s to and from the one-line manifest JSON that a streaming labeling job takes as an SNS
 * message, and enforces the Ground Truth and SNS limits before anything is sent.
 *
 * <p>Every encoded line names its deduplication key in {@value #DEDUP_KEY_ATTRIBUTE}, so Ground Truth labels an
 * object once however often it is published. Without an explicit id the content hash ({@link #contentHashId}) is the
 * id, so re-sending the same content is a no-op rather than a second paid human task. Stateless and thread-safe.
 */
public final class DataObjectCodec {

    /** The manifest attribute that names the attribute holding the deduplication id. */
    public static final String DEDUP_KEY_ATTRIBUTE = "dataset-objectid-attribute-name";

    /** The attribute that holds the deduplication id when the object does not name another. */
    public static final String DEFAULT_DEDUP_KEY = "labeling-object-id";

    /** The manifest attribute holding the text to label. */
    public static final String SOURCE = "source";

    /** The manifest attribute holding the {@code s3://} URI of the object to label. */
    public static final String SOURCE_REF = "source-ref";

    /**
     * Validates the object and writes its manifest line.
     *
     * @throws LabelingValidationException with every violation (field, value, rule) if any rule is broken
     */
    public EncodedDataObject encode(DataObject object) {
        List<Violation> unwritable = DataObjectValidator.unwritableNumbers(object);
        if (!unwritable.isEmpty()) {
            throw new LabelingValidationException("Data object", unwritable);
        }
        String key = object.dedupKey();
        String id = dedupId(object);
        String line = ManifestLineWriter.write(object, key, id);
        List<Violation> violations = DataObjectValidator.validate(object, key, id, line);
        if (!violations.isEmpty()) {
            throw new LabelingValidationException("Data object", violations);
        }
        return new EncodedDataObject(line, key, id, JsonValues.utf8Bytes(line));
    }

    /** Every rule the object breaks, in a stable order; empty if it can be encoded. */
    public List<Violation> validate(DataObject object) {
        List<Violation> unwritable = DataObjectValidator.unwritableNumbers(object);
        if (!unwritable.isEmpty()) {
            return unwritable;
        }
        String key = object.dedupKey();
        String id = dedupId(object);
        return DataObjectValidator.validate(object, key, id, ManifestLineWriter.write(object, key, id));
    }

    /** Reads a manifest line; see {@link DataObject#fromManifestLine(String)}. */
    public DataObject decode(String manifestLine) {
        return DataObject.fromManifestLine(manifestLine);
    }

    /**
     * The deterministic id of the object's content: lowercase hex SHA-256 over a canonical JSON form of source,
     * source-ref and attributes, with keys sorted at every level and the dedup key and id left out. Key order,
     * whitespace and number formatting ({@code 1.5} vs {@code 1.50}) do not change it; any other change does,
     * including adding an attribute such as a timestamp.
     */
    public String contentHashId(DataObject object) {
        return ContentHash.of(object);
    }

    /** The id that will be sent; {@code null} only when the key names a source the object does not have. */
    private String dedupId(DataObject object) {
        String key = object.dedupKey();
        if (key.equals(SOURCE) || key.equals(SOURCE_REF)) {
            return object.dedupId().orElse(null);
        }
        return object.dedupId().orElseGet(() -> contentHashId(object));
    }
}
