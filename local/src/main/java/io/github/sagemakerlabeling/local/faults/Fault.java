package io.github.sagemakerlabeling.local.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * One kind of trouble for an {@link Operation}, hitting a fraction of its requests: throttling, a server error or
 * extra latency. Immutable; hand it to {@link FaultInjector#inject(Operation, Fault)}.
 *
 * <pre>{@code
 * faults.inject(Operation.SNS_PUBLISH, Fault.throttling(0.1));                      // 10 % throttled
 * faults.inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverError(1.0).times(2));     // the next two fail
 * faults.inject(Operation.SAGEMAKER_DESCRIBE_LABELING_JOB, Fault.delay(Duration.ofMillis(300)));
 * }</pre>
 *
 * <p>Each service answers a failure in its own protocol's error form, so AWS SDK clients classify it exactly as they
 * would a real one (see {@link WireError}).
 */
public final class Fault {

    /** What a fault does to a request it hits. */
    public enum Kind {
        /** The request is refused as throttled; nothing happens. Retryable, with the SDK's throttling back-off. */
        THROTTLING,
        /** The service answers HTTP 500; by default nothing happens ({@link #afterProcessing()} says otherwise). */
        SERVER_ERROR,
        /** The answer comes late by {@link #delay()}; the request itself succeeds (unless another fault hits it). */
        DELAY
    }

    private static final int UNLIMITED = -1;

    private final Kind kind;
    private final double probability;
    private final Duration delay;
    private final boolean afterProcessing;
    private final int times;

    private Fault(Kind kind, double probability, Duration delay, boolean afterProcessing, int times) {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be within 0.0..1.0, was " + probability);
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        this.kind = kind;
        this.probability = probability;
        this.delay = delay;
        this.afterProcessing = afterProcessing;
        this.times = times;
    }

    /**
     * Throttles this fraction of requests: SNS {@code Throttled} (HTTP 429, the SDK's {@code ThrottledException}),
     * SQS {@code RequestThrottled} (HTTP 400), SageMaker {@code ThrottlingException} (HTTP 400). The request has
     * no effect.
     *
     * @param probability the chance, 0.0 to 1.0, that a request is hit
     */
    public static Fault throttling(double probability) {
        return new Fault(Kind.THROTTLING, probability, Duration.ZERO, false, UNLIMITED);
    }

    /**
     * Fails this fraction of requests with HTTP 500 ({@code InternalError} on SNS, {@code InternalFailure} on SQS
     * and SageMaker) before they take effect.
     *
     * @param probability the chance, 0.0 to 1.0, that a request is hit
     */
    public static Fault serverError(double probability) {
        return new Fault(Kind.SERVER_ERROR, probability, Duration.ZERO, false, UNLIMITED);
    }

    /**
     * Fails this fraction of requests with HTTP 500 <em>after</em> they took effect: the message is published, sent
     * or deleted, the job created, but the client sees an error and retries. The fault to test that nothing is
     * processed twice.
     *
     * @param probability the chance, 0.0 to 1.0, that a request is hit
     */
    public static Fault serverErrorAfterProcessing(double probability) {
        return new Fault(Kind.SERVER_ERROR, probability, Duration.ZERO, true, UNLIMITED);
    }

    /** Delays every request by this much before it is handled. */
    public static Fault delay(Duration delay) {
        return delay(delay, 1.0);
    }

    /**
     * Delays this fraction of requests by this much before they are handled. The delay holds one of the server's
     * threads, as a slow service holds a connection.
     *
     * @param delay       the extra latency
     * @param probability the chance, 0.0 to 1.0, that a request is hit
     */
    public static Fault delay(Duration delay, double probability) {
        return new Fault(Kind.DELAY, probability, delay, false, UNLIMITED);
    }

    /**
     * The same fault, hitting at most {@code n} requests in all; then it stays configured but harmless.
     * {@code Fault.serverError(1.0).times(2)} fails the next two requests.
     */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + n);
        }
        return new Fault(kind, probability, delay, afterProcessing, n);
    }

    public Kind kind() {
        return kind;
    }

    /** The chance, 0.0 to 1.0, that a request is hit. */
    public double probability() {
        return probability;
    }

    /** The extra latency of a {@link Kind#DELAY} fault; zero for the others. */
    public Duration delay() {
        return delay;
    }

    /** Whether a {@link Kind#SERVER_ERROR} comes after the request took effect. */
    public boolean afterProcessing() {
        return afterProcessing;
    }

    /** How many requests the fault may hit in all, or -1 for no limit. */
    public int times() {
        return times;
    }

    /** Whether the fault fails the requests it hits (rather than delaying them). */
    public boolean fails() {
        return kind != Kind.DELAY;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fault that && kind == that.kind && probability == that.probability
                && delay.equals(that.delay) && afterProcessing == that.afterProcessing && times == that.times;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, probability, delay, afterProcessing, times);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(switch (kind) {
            case THROTTLING -> "throttling";
            case SERVER_ERROR -> afterProcessing ? "serverErrorAfterProcessing" : "serverError";
            case DELAY -> "delay(" + delay + ")";
        });
        text.append(" p=").append(probability);
        if (times != UNLIMITED) {
            text.append(" times=").append(times);
        }
        return text.toString();
    }
}
