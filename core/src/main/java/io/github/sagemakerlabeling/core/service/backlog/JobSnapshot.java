package io.github.sagemakerlabeling.core.service.backlog;

import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;

/**
 * One description of a job, with what the application had sent and received when it asked for it.
 *
 * @param at                     when it was described, on the feeding clock
 * @param createdAt              the job's {@code CreationTime}
 * @param maxConcurrentTaskCount the job's {@code HumanTaskConfig.MaxConcurrentTaskCount} (1,000 when not given)
 * @param labeled                {@code LabelCounters.TotalLabeled}
 * @param failed                 {@code LabelCounters.FailedNonRetryableError} (expired objects among them)
 * @param unlabeled              {@code LabelCounters.Unlabeled}: taken on, not labeled yet
 * @param sentBefore             {@link FeedCounters#sent()} when the description was asked for
 * @param finishedBefore         {@link FeedCounters#finished()} when the description was asked for
 * @param inTransit              objects sent before the description that its counters do not show yet (see
 *                               {@link JobSnapshots})
 */
public record JobSnapshot(Instant at, Instant createdAt, int maxConcurrentTaskCount, long labeled, long failed,
                          long unlabeled, long sentBefore, long finishedBefore, long inTransit) {

    /** MaxConcurrentTaskCount when the job does not say (SageMaker's default). */
    static final int DEFAULT_MAX_CONCURRENT_TASK_COUNT = 1000;

    /** The snapshot of a description. */
    public static JobSnapshot of(DescribeLabelingJobResponse job, Instant at, long sentBefore, long finishedBefore) {
        LabelCounters counters = job.labelCounters();
        Integer max = job.humanTaskConfig() == null ? null : job.humanTaskConfig().maxConcurrentTaskCount();
        return new JobSnapshot(at, Optional.ofNullable(job.creationTime()).orElse(at),
                max == null ? DEFAULT_MAX_CONCURRENT_TASK_COUNT : max,
                counters == null ? 0 : orZero(counters.totalLabeled()),
                counters == null ? 0 : orZero(counters.failedNonRetryableError()),
                counters == null ? 0 : orZero(counters.unlabeled()), sentBefore, finishedBefore, 0);
    }

    /** This snapshot, with {@code objects} sent before it that its counters do not show yet. */
    JobSnapshot withInTransit(long objects) {
        return new JobSnapshot(at, createdAt, maxConcurrentTaskCount, labeled, failed, unlabeled, sentBefore,
                finishedBefore, objects);
    }

    /** Every object the job took on by its counters: labeled, failed or waiting. */
    public long takenOn() {
        return labeled + failed + unlabeled;
    }

    /**
     * The job's backlog now: what it had not labeled when described, plus what was on its way to it then or sent
     * since, minus the results received since; never below zero.
     */
    public long backlog(FeedCounters counters) {
        long estimate = unlabeled + inTransit + (counters.sent() - sentBefore) - (counters.finished() - finishedBefore);
        return Math.max(0, estimate);
    }

    /** Every object the job took on, with what was on its way to it when described or sent since. */
    public long takenOn(FeedCounters counters) {
        return takenOn() + inTransit + (counters.sent() - sentBefore);
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
