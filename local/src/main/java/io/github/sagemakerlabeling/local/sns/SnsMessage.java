package io.github.sagemakerlabeling.local.sns;

import java.time.Instant;
import java.util.Map;

/**
 * A message accepted by a topic, as it is delivered.
 *
 * @param messageId the id {@code Publish} returned
 * @param topicArn the topic it was published to
 * @param message the message text for SQS endpoints
 * @param subject the subject, or {@code null}
 * @param attributes the message attributes by name
 * @param groupId the message group id: always on FIFO topics, optional (fair queues) on standard topics
 * @param deduplicationId the FIFO deduplication id (explicit or content-based), or {@code null} on standard topics
 * @param sequenceNumber the FIFO sequence number, or {@code null} on standard topics
 * @param timestamp when it was published
 */
record SnsMessage(String messageId, String topicArn, String message, String subject,
        Map<String, MessageAttribute> attributes, String groupId, String deduplicationId, String sequenceNumber,
        Instant timestamp) {

    /** Whether it was published to a FIFO topic. */
    boolean fromFifoTopic() {
        return sequenceNumber != null;
    }
}
