package io.github.sagemakerlabeling.core.service;

import java.util.Optional;

/**
 * A data object that reached the job's input topic.
 *
 * @param messageId the SNS message id
 * @param dedupKey  the attribute that holds the dedup id ({@code dataset-objectid-attribute-name})
 * @param dedupId   the id Ground Truth deduplicates the object by
 * @param source    the text, for text objects
 * @param sourceRef the S3 URI, for S3 objects
 */
public record PublishedObject(String messageId, String dedupKey, String dedupId, Optional<String> source,
                              Optional<String> sourceRef) {
}
