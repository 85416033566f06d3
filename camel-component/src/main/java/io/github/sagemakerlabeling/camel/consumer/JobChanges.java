package io.github.sagemakerlabeling.camel.consumer;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;

/**
 * Tells what changed between the last job description that was routed and a new one. The first description is a
 * status change (from nothing); a description is only taken as seen once its event was routed ({@link #routed}), so
 * an event whose exchange failed is emitted again. Not thread-safe: one poller uses it.
 */
final class JobChanges {

    private LabelingJobEvent last;

    /** The event the new description makes, empty when nothing changed. */
    Optional<LabelingJobEvent> next(DescribeLabelingJobResponse job) {
        // After a rollover the successor's first description is a status change too, whatever its status.
        if (last == null || !last.jobName().equals(job.labelingJobName()) || last.status() != job.labelingJobStatus()
                || !Objects.equals(last.failureReason().orElse(null), job.failureReason())) {
            return Optional.of(LabelingJobEvent.of(job, LabelingEventType.jobStatusChanged));
        }
        if (!Objects.equals(last.labelCounters(), job.labelCounters())) {
            return Optional.of(LabelingJobEvent.of(job, LabelingEventType.labelCountersChanged));
        }
        return Optional.empty();
    }

    /** Takes the event's job state as seen. */
    void routed(LabelingJobEvent event) {
        last = event;
    }
}
