package io.github.sagemakerlabeling.local.sagemaker;

/** What the streaming engine is told by the API: a job was created, or its stop was requested. */
public interface LabelingJobListener {

    /** The job was just created and is {@code Initializing}. */
    void jobCreated(LocalLabelingJob job);

    /** StopLabelingJob moved the job to {@code Stopping}; the listener finishes the stop. */
    void stopRequested(LocalLabelingJob job);
}
