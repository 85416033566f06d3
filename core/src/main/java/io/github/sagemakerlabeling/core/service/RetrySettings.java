package io.github.sagemakerlabeling.core.service;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How publishing retries. A whole call (Publish, PublishBatch) is retried by the AWS SDK's standard retry strategy,
 * with up to {@code maxAttempts} tries in all: only errors the SDK deems transient (throttling, SNS's own faults,
 * failures to reach it), with jittered exponential backoff and the SDK's retry token bucket. Entries a PublishBatch
 * call answered as failed, which the SDK does not retry, are sent again in up to {@code maxAttempts} rounds in all,
 * waiting a jittered {@code initialBackoff} doubling up to {@code maxBackoff} between rounds.
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** Eight tries, from 50 ms up to 5 s apart between rounds of failed batch entries. */
    public static RetrySettings defaults() {
        return new RetrySettings(8, Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    /** The SDK's standard strategy, with AWS's retry conditions, for {@code maxAttempts} tries of a whole call. */
    RetryStrategy callRetryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build();
    }

    /** Full-jitter exponential backoff between rounds of failed batch entries. */
    BackoffStrategy entryBackoff() {
        return BackoffStrategy.exponentialDelay(initialBackoff, maxBackoff);
    }
}
