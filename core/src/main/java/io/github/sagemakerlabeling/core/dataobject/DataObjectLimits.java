package io.github.sagemakerlabeling.core.dataobject;

/**
 * The size and naming limits Ground Truth and Amazon SNS put on one data object sent to a streaming labeling job.
 *
 * <p>"Characters" are Unicode code points: a character outside the Basic Multilingual Plane (an emoji, say) counts
 * once, not twice as {@link String#length()} would count it. The byte limit is measured on the UTF-8 encoding of
 * the final manifest line, so multi-byte characters count with all their bytes.
 */
public final class DataObjectLimits {

    /** The largest manifest line (one JSON object), in characters. */
    public static final int MAX_OBJECT_CHARACTERS = 100_000;

    /** The largest value of any single attribute of a manifest line, in characters. */
    public static final int MAX_ATTRIBUTE_CHARACTERS = 20_000;

    /** The largest SNS message body on a topic with the default {@code MaximumMessageSize} (256 KiB), in bytes. */
    public static final int MAX_SNS_MESSAGE_BYTES = 262_144;

    /** The longest deduplication key (the value of {@code dataset-objectid-attribute-name}), in characters. */
    public static final int MAX_DEDUP_KEY_LENGTH = 140;

    /** The longest deduplication id, in characters. */
    public static final int MAX_DEDUP_ID_LENGTH = 1_024;

    private DataObjectLimits() {
    }
}
