package io.github.sagemakerlabeling.camel.consumer;

import java.time.Duration;

/**
 * How long a message whose exchange failed stays hidden before SQS hands it out again: {@code first} after its first
 * receive, doubling with each further receive (SQS's {@code ApproximateReceiveCount}) up to {@code max}. A message
 * that always fails is therefore tried a few times quickly and then ever more rarely, never at the polling rate.
 *
 * @param first the hiding time after the first failed receive; zero releases failed messages at once
 * @param max   the longest hiding time, capped at SQS's 12 hours
 */
public record FailureBackoff(Duration first, Duration max) {

    /** The longest visibility timeout SQS accepts. */
    static final long MAX_SECONDS = Duration.ofHours(12).toSeconds();

    public FailureBackoff {
        if (first.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("failureBackoff and failureBackoffMax must not be negative, are "
                    + first + " and " + max);
        }
    }

    /** The hiding time, in whole seconds, for a message that failed on its {@code receiveCount}-th receive. */
    public int seconds(int receiveCount) {
        long limit = Math.min(MAX_SECONDS, max.toSeconds());
        long seconds = first.toSeconds() == 0 && !first.isZero() ? 1 : first.toSeconds();
        for (int i = 1; i < receiveCount && seconds < limit; i++) {
            seconds *= 2;
        }
        return (int) Math.min(seconds, limit);
    }
}
