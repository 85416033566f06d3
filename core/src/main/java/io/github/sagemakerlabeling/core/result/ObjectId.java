package io.github.sagemakerlabeling.core.result;

import java.util.Objects;
import java.util.Optional;

/**
 * The deduplication identity Ground Truth gave a data object, as the output line shows it.
 *
 * @param key       the deduplication key: the attribute named by {@code dataset-objectid-attribute-name}, either one
 *                  the sender chose (for example {@code byo-key} or {@code source-ref}) or the service's own
 *                  {@code $<label-attribute>-object-id}
 * @param value     the deduplication ID: that attribute's value (for the service key, the SNS message ID of the input
 *                  or a value derived from the S3 object)
 * @param sequencer the S3 sequencer, present when the object came in through an S3 event
 */
public record ObjectId(String key, String value, Optional<String> sequencer) {

    public ObjectId {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(sequencer, "sequencer");
    }
}
