package io.github.sagemakerlabeling.local.engine;

import io.github.sagemakerlabeling.local.workers.Annotator;
import io.github.sagemakerlabeling.local.workers.RandomAnnotator;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.time.Duration;
import java.util.Objects;

/**
 * How Local Ground Truth's streaming engine behaves. Durations are on the simulation clock.
 *
 * @param initializingDelay how long a new job stays {@code Initializing} before it is {@code InProgress}
 * @param idleStopAfter     how long a job may sit idle (nothing waiting, nothing received) before it stops itself;
 *                          Ground Truth's is 10 days
 * @param backlogExpiry     how long an object may wait for a worker before it expires; Ground Truth's is 14 days
 * @param workTime          how long a worker takes for one task; a task not done within the job's
 *                          {@code TaskAvailabilityLifetimeInSeconds} expires
 * @param annotator         the simulated workers
 * @param workforces        which work teams label with simulated workers, people in the worker portal, or both
 */
public record EngineSettings(Duration initializingDelay, Duration idleStopAfter, Duration backlogExpiry,
                             Duration workTime, Annotator annotator, WorkforcePlan workforces) {

    /** Ground Truth's own timings, a short start-up and instant, slightly disagreeing simulated workers. */
    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(1), Duration.ofDays(10), Duration.ofDays(14), Duration.ZERO,
                new RandomAnnotator(1L, 0.1), WorkforcePlan.simulated());
    }

    /** Settings whose every work team labels with simulated workers. */
    public EngineSettings(Duration initializingDelay, Duration idleStopAfter, Duration backlogExpiry,
                          Duration workTime, Annotator annotator) {
        this(initializingDelay, idleStopAfter, backlogExpiry, workTime, annotator, WorkforcePlan.simulated());
    }

    public EngineSettings {
        Objects.requireNonNull(initializingDelay, "initializingDelay");
        Objects.requireNonNull(idleStopAfter, "idleStopAfter");
        Objects.requireNonNull(backlogExpiry, "backlogExpiry");
        Objects.requireNonNull(workTime, "workTime");
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(workforces, "workforces");
    }

    public EngineSettings withInitializingDelay(Duration delay) {
        return new EngineSettings(delay, idleStopAfter, backlogExpiry, workTime, annotator, workforces);
    }

    public EngineSettings withIdleStopAfter(Duration idle) {
        return new EngineSettings(initializingDelay, idle, backlogExpiry, workTime, annotator, workforces);
    }

    public EngineSettings withBacklogExpiry(Duration expiry) {
        return new EngineSettings(initializingDelay, idleStopAfter, expiry, workTime, annotator, workforces);
    }

    public EngineSettings withWorkTime(Duration time) {
        return new EngineSettings(initializingDelay, idleStopAfter, backlogExpiry, time, annotator, workforces);
    }

    public EngineSettings withAnnotator(Annotator workers) {
        return new EngineSettings(initializingDelay, idleStopAfter, backlogExpiry, workTime, workers, workforces);
    }

    public EngineSettings withWorkforces(WorkforcePlan plan) {
        return new EngineSettings(initializingDelay, idleStopAfter, backlogExpiry, workTime, annotator, plan);
    }
}
