package io.github.sagemakerlabeling.camel.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PublishBatcher} queues the objects submitted to it.
 *
 * @param maxWait       how long a batch waits for more objects after its first
 * @param capacity      how many submitted objects may wait for a batch (at least 1)
 * @param blockWhenFull whether a submitter waits for room in a full queue (else it is refused at once)
 */
public record BatchQueueSettings(Duration maxWait, int capacity, boolean blockWhenFull) {

    public BatchQueueSettings {
        Objects.requireNonNull(maxWait, "maxWait");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
    }
}
