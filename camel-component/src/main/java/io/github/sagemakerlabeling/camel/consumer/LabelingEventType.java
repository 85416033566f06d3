package io.github.sagemakerlabeling.camel.consumer;

/** What a consumer exchange carries: the header {@code CamelSageMakerLabelingEventType}. */
public enum LabelingEventType {
    /** One labeled data object: the body is a {@code LabelingResult}. */
    labeledObject,
    /** The job's status changed (or was first seen): the body is a {@link LabelingJobEvent}. */
    jobStatusChanged,
    /** The job's label counters changed, its status did not: the body is a {@link LabelingJobEvent}. */
    labelCountersChanged,
    /**
     * The application sent the job no data object for {@code idleWarningAfter}, and Ground Truth stops a job idle for
     * 10 days: the body is a {@link LabelingJobEvent}, the header {@code CamelSageMakerLabelingLastSent} says when.
     */
    idleWarning,
    /**
     * A producer in the same CamelContext refused an object because a budget (maxObjects, maxObjectsPerDay) is spent:
     * the body is a {@link LabelingJobEvent} whose {@code message} says which and how much.
     */
    budgetSpent
}
