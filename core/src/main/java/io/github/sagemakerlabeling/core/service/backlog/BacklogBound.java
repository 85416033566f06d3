package io.github.sagemakerlabeling.core.service.backlog;

import java.time.Duration;
import java.util.Locale;

/**
 * The most objects a job may hold that it has not labeled yet: a number, or derived ({@link #auto}) from the job's
 * {@code MaxConcurrentTaskCount} and its observed labeling rate so that nothing waits long enough to expire.
 */
public sealed interface BacklogBound {

    /** The bound for the job as described, at the observed labeling rate (objects per second). */
    long of(JobSnapshot job, double labeledPerSecond);

    /** The option value and, for a derived bound, how it came about; for messages. */
    String explain(JobSnapshot job, double labeledPerSecond);

    /** At most {@code objects} (at least 1). */
    static BacklogBound fixed(long objects) {
        if (objects < 1) {
            throw new IllegalArgumentException("maxBacklog must be at least 1, was " + objects);
        }
        return new Fixed(objects);
    }

    /**
     * {@code MaxConcurrentTaskCount + rate × expiry / 2}: the objects workers hold at once, plus as many waiting as
     * the job labels in half the time an object may wait before it expires. Ground Truth hands waiting objects to
     * workers in the order they came, so the last one waits about {@code (backlog − MaxConcurrentTaskCount) / rate};
     * the half leaves room for a rate that drops and for counters that lag. Until a rate is seen, the bound is
     * {@code MaxConcurrentTaskCount}: then nothing waits at all.
     *
     * @param expiry how long the job keeps an object waiting for a worker (Ground Truth: 14 days)
     */
    static BacklogBound auto(Duration expiry) {
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("backlogExpiry must be positive, was " + expiry);
        }
        return new Auto(expiry);
    }

    /** A fixed bound. */
    record Fixed(long objects) implements BacklogBound {
        @Override
        public long of(JobSnapshot job, double labeledPerSecond) {
            return objects;
        }

        @Override
        public String explain(JobSnapshot job, double labeledPerSecond) {
            return "maxBacklog=" + objects;
        }
    }

    /** The derived bound. */
    record Auto(Duration expiry) implements BacklogBound {
        @Override
        public long of(JobSnapshot job, double labeledPerSecond) {
            double waiting = labeledPerSecond * expiry.toSeconds() / 2;
            return job.maxConcurrentTaskCount() + (long) Math.min(Long.MAX_VALUE / 2.0, waiting);
        }

        @Override
        public String explain(JobSnapshot job, double labeledPerSecond) {
            return String.format(Locale.ROOT, "maxBacklog=auto: MaxConcurrentTaskCount %d + %.2f objects/h"
                    + " x backlogExpiry %s / 2", job.maxConcurrentTaskCount(), labeledPerSecond * 3600, expiry);
        }
    }
}
