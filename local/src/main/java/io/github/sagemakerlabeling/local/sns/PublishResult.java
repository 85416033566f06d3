package io.github.sagemakerlabeling.local.sns;

/**
 * What {@code Publish} answers.
 *
 * @param messageId the message id
 * @param sequenceNumber the FIFO sequence number, or {@code null} on standard topics
 */
record PublishResult(String messageId, String sequenceNumber) {
}
