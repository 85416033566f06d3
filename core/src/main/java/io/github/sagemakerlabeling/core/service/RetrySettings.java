package io.github.sagemakerlabeling.core.service;

import java.time.Duration;

/**
 * How failed publish entries are retried: up to {@code maxAttempts} tries in all, waiting {@code initialBackoff}
 * after the first failure and doubling up to {@code maxBackoff}. These retries come on top of the AWS SDK's own
 * retries of whole calls.
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** Eight tries, from 50 ms up to 5 s apart. */
    public static RetrySettings defaults() {
        return new RetrySettings(8, Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    /** The wait before try {@code attempt + 1} (attempt counts from 1). */
    Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
