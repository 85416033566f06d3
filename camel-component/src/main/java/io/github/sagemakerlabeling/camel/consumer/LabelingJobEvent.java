package io.github.sagemakerlabeling.camel.consumer;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/**
 * A change of a labeling job seen by a {@code jobEvents} consumer: the body of its exchanges.
 *
 * @param jobName       the job's name
 * @param type          {@link LabelingEventType#jobStatusChanged}, {@link LabelingEventType#labelCountersChanged}
 *                      or {@link LabelingEventType#idleWarning}
 * @param status        the job's status now
 * @param labelCounters the job's label counters now
 * @param failureReason why the job failed, when it did
 * @param message       what a {@link LabelingEventType#budgetSpent} event says: which budget, and what was spent
 */
public record LabelingJobEvent(String jobName, LabelingEventType type, LabelingJobStatus status,
                               LabelCounters labelCounters, Optional<String> failureReason, Optional<String> message) {

    public LabelingJobEvent {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(message, "message");
    }

    /** The event of a described job. */
    static LabelingJobEvent of(DescribeLabelingJobResponse job, LabelingEventType type) {
        return new LabelingJobEvent(job.labelingJobName(), type, job.labelingJobStatus(), job.labelCounters(),
                Optional.ofNullable(job.failureReason()), Optional.empty());
    }

    /** The event of a spent budget, with the job as described. */
    static LabelingJobEvent budgetSpent(DescribeLabelingJobResponse job, String message) {
        return new LabelingJobEvent(job.labelingJobName(), LabelingEventType.budgetSpent, job.labelingJobStatus(),
                job.labelCounters(), Optional.ofNullable(job.failureReason()), Optional.of(message));
    }
}
