package io.github.sagemakerlabeling.core.service;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link OutputQueues} provisions an output queue.
 *
 * @param createQueue     whether a missing queue is created; when {@code false} the queue must exist
 * @param attributes      queue attributes to set, by their SQS names (for example {@code MessageRetentionPeriod},
 *                        {@code KmsMasterKeyId}, {@code SqsManagedSseEnabled}, {@code VisibilityTimeout})
 * @param deadLetterQueue the queue (name or URL) that messages received {@code maxReceiveCount} times move to, through
 *                        a redrive policy on the output queue; empty for none
 * @param maxReceiveCount how often a message is received before SQS moves it to the dead-letter queue, 1 to 1,000
 */
public record OutputQueueSettings(boolean createQueue, Map<String, String> attributes, Optional<String> deadLetterQueue,
                                  int maxReceiveCount) {

    /** The most receives a redrive policy allows before the dead-letter queue. */
    public static final int MAX_RECEIVE_COUNT_LIMIT = 1_000;

    public OutputQueueSettings {
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        if (maxReceiveCount < 1 || maxReceiveCount > MAX_RECEIVE_COUNT_LIMIT) {
            throw new IllegalArgumentException("maxReceiveCount must be 1 to " + MAX_RECEIVE_COUNT_LIMIT + ", is "
                    + maxReceiveCount);
        }
    }

    /** Creates the queue when missing, sets no attributes, no dead-letter queue. */
    public static OutputQueueSettings defaults() {
        return new OutputQueueSettings(true, Map.of(), Optional.empty(), 5);
    }
}
