package io.github.sagemakerlabeling.camel;

/** What a {@code sagemaker-labeling} producer does with an exchange (option {@code operation}, or a header). */
public enum SageMakerLabelingOperations {
    /** Publishes the body as one data object to the job's input topic. */
    sendDataObject,
    /** Publishes a list of data objects with PublishBatch, retrying failed entries. */
    sendDataObjects,
    /** Creates the job from the {@code LabelingJobSpec} in the body, or attaches to it when it already runs. */
    createJob,
    /** Describes the job. */
    describeJob,
    /** Stops the job, optionally waiting until it is {@code Stopped}. */
    stopJob,
    /** Lists labeling jobs, every page. */
    listJobs,
    /** Renders a worker task template with a sample task input (SageMaker's RenderUiTemplate) to preview it. */
    renderUiTemplate
}
