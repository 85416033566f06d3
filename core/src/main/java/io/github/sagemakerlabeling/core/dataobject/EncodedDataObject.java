package io.github.sagemakerlabeling.core.dataobject;

/**
 * A data object ready to publish: the manifest line that is the SNS message body, and the deduplication fields it
 * carries.
 *
 * @param manifestLine the compact one-line JSON object
 * @param dedupKey     the value of {@code dataset-objectid-attribute-name}
 * @param dedupId      the deduplication id Ground Truth will use
 * @param utf8Bytes    the size of {@code manifestLine} in UTF-8, as SNS counts it
 */
public record EncodedDataObject(String manifestLine, String dedupKey, String dedupId, int utf8Bytes) {
}
