package io.github.sagemakerlabeling.local.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock Local Ground Truth's engine runs on. It follows real time multiplied by a speed factor, and tests can jump
 * it forward with {@link #advance(Duration)}: ten idle days pass in a blink without waiting for them.
 */
public final class SimulationClock extends Clock {

    private final Instant origin;
    private final long originNanos;
    private final double speed;
    private final AtomicReference<Duration> jumped = new AtomicReference<>(Duration.ZERO);

    private SimulationClock(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, was " + speed);
        }
        this.origin = Instant.now();
        this.originNanos = System.nanoTime();
        this.speed = speed;
    }

    /** A clock that runs at the speed of real time. */
    public static SimulationClock realTime() {
        return new SimulationClock(1.0);
    }

    /** A clock that runs {@code factor} times faster than real time. */
    public static SimulationClock speedUp(double factor) {
        return new SimulationClock(factor);
    }

    /** Moves the clock forward at once; the engine notices on its next tick. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, not by " + duration);
        }
        jumped.accumulateAndGet(duration, Duration::plus);
    }

    /** How many times faster than real time the clock runs. */
    public double speed() {
        return speed;
    }

    /** The real time that {@code simulated} amounts to at this clock's speed (at least one millisecond). */
    public Duration realDuration(Duration simulated) {
        return Duration.ofNanos(Math.max(1_000_000L, (long) (simulated.toNanos() / speed)));
    }

    @Override
    public Instant instant() {
        long realNanos = System.nanoTime() - originNanos;
        return origin.plusNanos((long) (realNanos * speed)).plus(jumped.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulation clock is always UTC");
    }
}
