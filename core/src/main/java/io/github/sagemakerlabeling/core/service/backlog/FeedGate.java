package io.github.sagemakerlabeling.core.service.backlog;

import io.github.sagemakerlabeling.core.service.budget.BudgetSpentException;
import io.github.sagemakerlabeling.core.service.budget.FeedBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Admits data objects to a job: each send first asks the gate, which keeps the job's backlog (objects taken on and
 * not labeled yet) below its {@link BacklogBound} and its intake within its {@link FeedBudget}. Over the bound, the
 * caller waits until results come back or the job's next description shows room (at most {@code timeout}), or fails
 * at once, as chosen; a spent budget always fails. Thread-safe: callers are admitted one at a time, in turn.
 */
public final class FeedGate {

    private final String jobName;
    private final JobSnapshots snapshots;
    private final Optional<BacklogBound> bound;
    private final Optional<FeedBudget> budget;
    private final boolean blockWhenFull;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean closed;

    /**
     * @param jobName       the job, for messages
     * @param snapshots     the job's descriptions
     * @param bound         the backlog bound, if any
     * @param budget        the budget, if any
     * @param blockWhenFull whether a caller over the bound waits for room (else it fails at once)
     * @param timeout       how long a caller waits for room at most
     */
    public FeedGate(String jobName, JobSnapshots snapshots, Optional<BacklogBound> bound, Optional<FeedBudget> budget,
                    boolean blockWhenFull, Duration timeout) {
        this.jobName = jobName;
        this.snapshots = snapshots;
        this.bound = bound;
        this.budget = budget;
        this.blockWhenFull = blockWhenFull;
        this.timeout = timeout;
    }

    /**
     * Admits {@code objects} to be sent now, counting them as sent. With a bound, they are admitted while the
     * backlog is below it (a batch may take the backlog past it by its size less one).
     *
     * @throws BacklogFullException when the backlog stays at the bound (at once, or after waiting {@code timeout}),
     *                              or the gate closed while the caller waited
     * @throws BudgetSpentException when the budget has no room for the objects
     */
    public void admit(int objects) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw full(-1, -1, "other callers held the gate for backlogTimeout=" + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw full(-1, -1, "the waiting thread was interrupted");
        }
        try {
            admitLocked(objects, deadline);
        } finally {
            lock.unlock();
        }
    }

    /** Fails callers waiting for room, and every later one. */
    public void close() {
        closed = true;
        snapshots.counters().wakeUp();
    }

    private void admitLocked(int objects, long deadline) {
        FeedCounters counters = snapshots.counters();
        while (true) {
            long seen = counters.finished();
            JobSnapshot job = snapshot();
            if (budget.isPresent()) {
                budget.get().check(job, counters, snapshots.clock().instant(), objects);
            }
            if (bound.isEmpty()) {
                counters.sent(objects);
                return;
            }
            long backlog = job.backlog(counters);
            double rate = snapshots.labeledPerSecond();
            long max = bound.get().of(job, rate);
            if (backlog < max) {
                counters.sent(objects);
                return;
            }
            String why = bound.get().explain(job, rate);
            if (closed) {
                throw full(backlog, max, why + "; the producer stopped while the exchange waited for room");
            }
            if (!blockWhenFull) {
                throw full(backlog, max, why + "; backlogBlockWhenFull=false fails at once");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw full(backlog, max, why + "; no room within backlogTimeout=" + timeout);
            }
            try {
                counters.awaitFinishedAfter(seen, Math.min(left, Math.max(1, snapshots.nanosUntilNext())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw full(backlog, max, why + "; the waiting thread was interrupted");
            }
        }
    }

    /** The job's description, described again when the budget's day began after it. */
    private JobSnapshot snapshot() {
        JobSnapshot job = snapshots.current();
        if (budget.isEmpty()) {
            return job;
        }
        Instant dayStart = budget.get().dayStart(job, snapshots.clock().instant());
        return job.at().isBefore(dayStart) ? snapshots.current(dayStart) : job;
    }

    private BacklogFullException full(long backlog, long max, String why) {
        String message = backlog < 0 ? "Labeling job '" + jobName + "' took no more objects: " + why
                : "The backlog of labeling job '" + jobName + "' is " + backlog + " (objects sent, not labeled yet),"
                        + " at its bound of " + max + " (" + why + ")";
        return new BacklogFullException(message, backlog, max);
    }
}
