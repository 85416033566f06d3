package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the label attribute of a line: a key {@code K} that has a sibling {@code K-metadata}. The input keys
 * {@code source} and {@code source-ref} never count (they are reserved, and 3D point cloud input carries a
 * {@code source-ref-metadata} of its own).
 */
final class LabelAttributes {

    private static final String METADATA_SUFFIX = "-metadata";
    private static final Set<String> RESERVED = Set.of("source", "source-ref");

    private LabelAttributes() {
    }

    static String metadataKey(String labelAttributeName) {
        return labelAttributeName + METADATA_SUFFIX;
    }

    /**
     * The pair whose later key comes last in document order. Ground Truth appends a job's label attribute and its
     * metadata to the line it received, so after chained jobs this is the label of the last job.
     */
    static String last(ObjectNode line) {
        String last = null;
        for (Iterator<String> keys = line.fieldNames(); keys.hasNext(); ) {
            Optional<String> attribute = pairedAttribute(line, keys.next());
            if (attribute.isPresent()) {
                last = attribute.get();
            }
        }
        if (last == null) {
            throw new OutputShapeException("the line holds no label attribute: no key K next to a key K-metadata");
        }
        return last;
    }

    /** Checks that the line holds {@code name} and {@code name-metadata}. */
    static String require(ObjectNode line, String name) {
        if (!line.has(name)) {
            throw new OutputShapeException("label attribute '" + name + "' is not in the line");
        }
        if (!line.has(metadataKey(name))) {
            throw new OutputShapeException("label attribute '" + name + "' has no '" + metadataKey(name) + "'");
        }
        return name;
    }

    private static Optional<String> pairedAttribute(ObjectNode line, String key) {
        String attribute = key.endsWith(METADATA_SUFFIX)
                ? key.substring(0, key.length() - METADATA_SUFFIX.length())
                : key;
        boolean paired = !RESERVED.contains(attribute) && line.has(attribute) && line.has(metadataKey(attribute));
        return paired ? Optional.of(attribute) : Optional.empty();
    }
}
