package io.github.sagemakerlabeling.camel.consumer;

import io.github.sagemakerlabeling.core.service.JobChain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells when a job has gone without data objects from this application for long enough to warn, before Ground Truth
 * stops it as idle: once per idle spell, that is once for each last send. Not thread-safe: one poller uses it.
 */
final class IdleWarning {

    private final Supplier<JobChain> chain;
    private final Duration after;
    private final Supplier<Clock> clock;
    private Instant warnedFor;

    /**
     * @param chain the job's chain, which knows when the application last sent; available once the endpoint started
     * @param after the idle age to warn at; zero or negative warns never
     * @param clock the clock idle ages are measured on
     */
    IdleWarning(Supplier<JobChain> chain, Duration after, Supplier<Clock> clock) {
        this.chain = chain;
        this.after = after;
        this.clock = clock;
    }

    /** When the application last sent, if the warning is due now and was not routed yet for that send. */
    Optional<Instant> due() {
        JobChain current = chain.get();
        if (current == null || after.isZero() || after.isNegative()) {
            return Optional.empty();
        }
        Instant lastSent = current.lastSent();
        boolean old = !lastSent.plus(after).isAfter(clock.get().instant());
        return old && !lastSent.equals(warnedFor) ? Optional.of(lastSent) : Optional.empty();
    }

    /** Takes the warning for that last send as routed. */
    void warned(Instant lastSent) {
        warnedFor = lastSent;
    }
}
