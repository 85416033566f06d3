package io.github.sagemakerlabeling.local.faults;

import io.github.sagemakerlabeling.local.faults.Operation.Service;
import java.time.Duration;
import java.util.Optional;

/**
 * What the {@link FaultInjector} decided for one request or batch entry: an extra delay, and whether (and when) it
 * fails. The services' request handlers act on it: {@link #awaitDelay()} first, then fail before or after
 * processing with {@link #error(Service)}.
 */
public final class FaultDecision {

    /** No fault: no delay, no failure. */
    public static final FaultDecision NONE = new FaultDecision(Duration.ZERO, null, false);

    private final Duration delay;
    private final Fault.Kind failure;
    private final boolean afterProcessing;

    FaultDecision(Duration delay, Fault.Kind failure, boolean afterProcessing) {
        this.delay = delay;
        this.failure = failure;
        this.afterProcessing = afterProcessing;
    }

    /** The extra latency; zero for none. */
    public Duration delay() {
        return delay;
    }

    /** The failure, {@link Fault.Kind#THROTTLING} or {@link Fault.Kind#SERVER_ERROR}, if the request fails. */
    public Optional<Fault.Kind> failure() {
        return Optional.ofNullable(failure);
    }

    /** Whether the request fails without taking effect. */
    public boolean failsBeforeProcessing() {
        return failure != null && !afterProcessing;
    }

    /** Whether the request takes effect and then fails. */
    public boolean failsAfterProcessing() {
        return failure != null && afterProcessing;
    }

    /** The error to answer with, in the service's form; only for a failing decision. */
    public WireError error(Service service) {
        if (failure == null) {
            throw new IllegalStateException("the request does not fail");
        }
        return WireError.of(service, failure);
    }

    /** Waits out the delay, if any, on the calling thread; returns early (interrupt flag set) if interrupted. */
    public void awaitDelay() {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FaultDecision[delay=" + delay + ", failure=" + failure
                + (failure != null && afterProcessing ? " after processing" : "") + "]";
    }
}
