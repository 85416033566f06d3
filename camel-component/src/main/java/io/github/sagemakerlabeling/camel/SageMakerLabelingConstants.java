package io.github.sagemakerlabeling.camel;

import org.apache.camel.spi.Metadata;

/** The headers the {@code sagemaker-labeling} endpoints read and write. */
public interface SageMakerLabelingConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the endpoint's operation option.",
              javaType = "io.github.sagemakerlabeling.camel.SageMakerLabelingOperations")
    String OPERATION = "CamelSageMakerLabelingOperation";

    @Metadata(label = "sendDataObject", description = "The deduplication id to send the data object with. Without it"
            + " the id comes from the dedupIdExpression option, else from the object's content hash, so the same"
            + " object sent twice is labeled once.", javaType = "String")
    String DEDUP_ID = "CamelSageMakerLabelingDedupId";

    @Metadata(label = "sendDataObject sendDataObjects", description = "What a String body (or each String item) is:"
            + " auto, text, sourceRef or manifestLine; overrides the bodyType option.",
              javaType = "io.github.sagemakerlabeling.camel.DataObjectBodyType")
    String BODY_TYPE = "CamelSageMakerLabelingBodyType";

    @Metadata(label = "sendDataObject", description = "The SNS message id of the published data object.",
              javaType = "String")
    String MESSAGE_ID = "CamelSageMakerLabelingMessageId";

    @Metadata(label = "sendDataObject consumer", description = "The text of a text data object.", javaType = "String")
    String SOURCE = "CamelSageMakerLabelingSource";

    @Metadata(label = "sendDataObject consumer", description = "The S3 URI of an S3 data object.", javaType = "String")
    String SOURCE_REF = "CamelSageMakerLabelingSourceRef";

    @Metadata(label = "createJob describeJob stopJob", description = "The job's status.", javaType = "String")
    String JOB_STATUS = "CamelSageMakerLabelingJobStatus";

    @Metadata(label = "createJob describeJob stopJob", description = "The job's label counters.",
              javaType = "software.amazon.awssdk.services.sagemaker.model.LabelCounters")
    String LABEL_COUNTERS = "CamelSageMakerLabelingLabelCounters";

    @Metadata(label = "createJob describeJob", description = "The job's ARN.", javaType = "String")
    String JOB_ARN = "CamelSageMakerLabelingJobArn";

    @Metadata(label = "createJob", description = "Whether createJob created the job (false: it attached to a running"
            + " job with the same spec).", javaType = "Boolean")
    String JOB_CREATED = "CamelSageMakerLabelingJobCreated";

    @Metadata(label = "consumer", description = "The labeled object's deduplication id.", javaType = "String")
    String OBJECT_ID = "CamelSageMakerLabelingObjectId";

    @Metadata(label = "consumer", description = "The consolidated class name, for classification and verification"
            + " results.", javaType = "String")
    String CLASS_NAME = "CamelSageMakerLabelingClassName";

    @Metadata(label = "consumer", description = "The consolidated confidence, when the task type has one.",
              javaType = "Double")
    String CONFIDENCE = "CamelSageMakerLabelingConfidence";

    @Metadata(label = "consumer", description = "Whether humans labeled the object.", javaType = "Boolean")
    String HUMAN_ANNOTATED = "CamelSageMakerLabelingHumanAnnotated";

    @Metadata(label = "consumer", description = "The output type, for example groundtruth/text-classification.",
              javaType = "String")
    String TASK_TYPE = "CamelSageMakerLabelingTaskType";

    @Metadata(label = "consumer", description = "The name of the job that labeled the object.", javaType = "String")
    String JOB_NAME = "CamelSageMakerLabelingJobName";

    @Metadata(label = "consumer", description = "The raw text of an output message that could not be parsed.",
              javaType = "String")
    String RAW_OUTPUT = "CamelSageMakerLabelingRawOutput";

    // Receiving labeled output and job events
    @Metadata(label = "consumer", description = "What a consumer exchange carries: labeledObject (a LabelingResult"
            + " body), or, with jobEvents, jobStatusChanged, labelCountersChanged or budgetSpent (a LabelingJobEvent body; the job"
            + " status and label counters are also in the CamelSageMakerLabelingJobStatus and"
            + " CamelSageMakerLabelingLabelCounters headers).", javaType = "String")
    String EVENT_TYPE = "CamelSageMakerLabelingEventType";

    @Metadata(label = "consumer", description = "Why the job failed, on a job event of a Failed job.",
              javaType = "String")
    String FAILURE_REASON = "CamelSageMakerLabelingFailureReason";

    @Metadata(label = "consumer", description = "The SQS message id of the output message.", javaType = "String")
    String OUTPUT_MESSAGE_ID = "CamelSageMakerLabelingOutputMessageId";

    // Sending data objects: uploads
    @Metadata(label = "sendDataObject", description = "The S3 URI a binary body was uploaded to, also sent as its"
            + " source-ref.", javaType = "String")
    String UPLOAD_URI = "CamelSageMakerLabelingUploadUri";

    @Metadata(label = "sendDataObject", description = "The S3 key a binary body was uploaded to: the uploadPrefix"
            + " and the SHA-256 of its bytes.", javaType = "String")
    String UPLOAD_KEY = "CamelSageMakerLabelingUploadKey";

    @Metadata(label = "sendDataObject", description = "The content type a binary body was stored with.",
              javaType = "String")
    String UPLOAD_CONTENT_TYPE = "CamelSageMakerLabelingUploadContentType";

    @Metadata(label = "sendDataObject", description = "Whether the same bytes were already in S3, so nothing was"
            + " uploaded.", javaType = "Boolean")
    String UPLOAD_EXISTED = "CamelSageMakerLabelingUploadExisted";

    // Previewing a worker task template
    @Metadata(label = "renderUiTemplate", description = "The task input to render the template with, as JSON (a map,"
            + " list or JSON tree is written as JSON); without it the body is the task input.", javaType = "String")
    String TASK_INPUT = "CamelSageMakerLabelingTaskInput";

    @Metadata(label = "renderUiTemplate", description = "The worker task template to render (its Liquid HTML), or a"
            + " HumanTaskUiArn; overrides the uiTemplate option.", javaType = "String")
    String UI_TEMPLATE = "CamelSageMakerLabelingUiTemplate";

    @Metadata(label = "renderUiTemplate", description = "RenderUiTemplate's Errors: what kept the template from"
            + " rendering (the body is then empty); an empty list when it rendered.",
              javaType = "java.util.List<software.amazon.awssdk.services.sagemaker.model.RenderingError>")
    String RENDERING_ERRORS = "CamelSageMakerLabelingRenderingErrors";

    // Rollover and the idle warning
    @Metadata(label = "consumer", description = "With an idleWarning event: when the application last sent a data"
            + " object to the job (or started, when it sent none).", javaType = "java.time.Instant")
    String LAST_SENT = "CamelSageMakerLabelingLastSent";
}
