package io.github.sagemakerlabeling.core.service.backlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;

/**
 * Describes a job at a bounded rate: a snapshot is reused until {@code interval} of real time passed, so feeding
 * costs at most one DescribeLabelingJob call an interval however many objects are sent. Also tracks the job's
 * labeling rate on the feeding clock. Thread-safe.
 *
 * <p>A job's counters lag behind what was published to its topic (on AWS, "1 to 2 minutes"; on Local Ground Truth,
 * about a second). Each snapshot therefore carries the objects still on their way: what this application sent since
 * its first snapshot less what the job took on since (exact with one feeder), but never more than what it sent
 * within {@link #COUNTER_LAG} before the description (so objects the job dropped as duplicates, or counted long ago,
 * stop counting).
 */
public final class JobSnapshots {

    private static final Duration RATE_WINDOW = Duration.ofDays(1);
    /** How long objects sent may not show in the job's counters yet. */
    static final Duration COUNTER_LAG = Duration.ofMinutes(2);

    private final Supplier<DescribeLabelingJobResponse> describe;
    private final FeedCounters counters;
    private final Clock clock;
    private final long intervalNanos;
    private final LabelingRate rate = new LabelingRate(RATE_WINDOW);
    private final Deque<long[]> sentHistory = new ArrayDeque<>();
    private JobSnapshot first;
    private JobSnapshot last;
    private long lastNanos;

    /**
     * @param describe describes the job (DescribeLabelingJob)
     * @param counters what the application sent to and received from the job
     * @param clock    the feeding clock: the job's, for days and rates (a simulated one on Local Ground Truth)
     * @param interval the least real time between two descriptions
     */
    public JobSnapshots(Supplier<DescribeLabelingJobResponse> describe, FeedCounters counters, Clock clock,
                        Duration interval) {
        this.describe = Objects.requireNonNull(describe, "describe");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.intervalNanos = interval.toNanos();
    }

    /** The last snapshot, described again when it is older than the interval or than {@code notBefore}. */
    public synchronized JobSnapshot current(Instant notBefore) {
        if (last == null || nanosUntilNext() == 0 || last.at().isBefore(notBefore)) {
            long sent = counters.sent();
            long finished = counters.finished();
            long nanos = System.nanoTime();
            JobSnapshot described = JobSnapshot.of(describe.get(), clock.instant(), sent, finished);
            if (first == null) {
                first = described;
            }
            long sentAfterFirst = sent - first.sentBefore();
            long takenOnAfterFirst = described.takenOn() - first.takenOn();
            long inTransit = Math.min(Math.max(0, sentAfterFirst - takenOnAfterFirst), sent - sentLagBefore(nanos));
            last = described.withInTransit(inTransit);
            lastNanos = nanos;
            recordSent(nanos, sent);
            rate.observe(last);
        }
        return last;
    }

    /** The last snapshot, described again when it is older than the interval. */
    public JobSnapshot current() {
        return current(Instant.MIN);
    }

    /**
     * What had been sent {@link #COUNTER_LAG} before {@code nanos} (or at the first snapshot, when that is more
     * recent). History older than needed is dropped; samples are at least a sixteenth of the lag apart, so a few
     * dozen at most are kept.
     */
    private long sentLagBefore(long nanos) {
        long lag = COUNTER_LAG.toNanos();
        while (sentHistory.size() > 1) {
            Iterator<long[]> samples = sentHistory.iterator();
            samples.next();
            if (nanos - samples.next()[0] < lag) {
                break;
            }
            sentHistory.removeFirst();
        }
        long[] oldest = sentHistory.peekFirst();
        return oldest != null && nanos - oldest[0] >= lag ? oldest[1] : first.sentBefore();
    }

    private void recordSent(long nanos, long sent) {
        long[] newest = sentHistory.peekLast();
        if (newest == null || nanos - newest[0] >= COUNTER_LAG.toNanos() / 16) {
            sentHistory.addLast(new long[] {nanos, sent});
        }
    }

    /** Real time until the next description is due, in nanoseconds; 0 when due. */
    public synchronized long nanosUntilNext() {
        return last == null ? 0 : Math.max(0, intervalNanos - (System.nanoTime() - lastNanos));
    }

    /** Objects labeled per second of the feeding clock, over about the last day; 0 before it could be seen. */
    public synchronized double labeledPerSecond() {
        return rate.perSecond();
    }

    /** The feeding clock. */
    public Clock clock() {
        return clock;
    }

    /** What the application sent to and received from the job. */
    public FeedCounters counters() {
        return counters;
    }
}
