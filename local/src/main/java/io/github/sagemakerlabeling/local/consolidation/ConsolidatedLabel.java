package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;

/**
 * The outcome of consolidating the workers' answers for one object.
 *
 * @param value    the label attribute's value in the output line
 * @param metadata the task-specific metadata members ({@code class-name}, {@code confidence}, {@code class-map}, ...);
 *                 the common ones (type, job name, dates) are added by {@link OutputLineBuilder}
 * @param mask     for semantic segmentation, the consolidated PNG mask, which the engine stores in S3 and names as
 *                 the value ({@link #withMaskAt}); empty for every other label
 */
public record ConsolidatedLabel(JsonNode value, ObjectNode metadata, Optional<byte[]> mask) {

    public ConsolidatedLabel(JsonNode value, ObjectNode metadata) {
        this(value, metadata, Optional.empty());
    }

    /** A label whose value is a mask to store, named once stored. */
    static ConsolidatedLabel withMask(ObjectNode metadata, byte[] png) {
        return new ConsolidatedLabel(TextNode.valueOf(""), metadata, Optional.of(png));
    }

    /** The label with its mask stored at {@code s3Uri}, which becomes its value. */
    public ConsolidatedLabel withMaskAt(String s3Uri) {
        return new ConsolidatedLabel(TextNode.valueOf(s3Uri), metadata, Optional.empty());
    }
}
