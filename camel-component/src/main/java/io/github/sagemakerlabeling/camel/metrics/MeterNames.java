package io.github.sagemakerlabeling.camel.metrics;

/**
 * The names and tags of the component's meters. Every meter has the tag {@value #JOB}, the labeling job's name. In
 * Prometheus, dots become underscores and counters end in {@code _total}.
 */
public final class MeterNames {

    /** Counter: data objects SNS accepted for the job's input topic. */
    public static final String PUBLISHED = "sagemaker.labeling.objects.published";
    /**
     * Counter: data objects sent to SNS again, as batch entries SNS failed on its side, or within a call the AWS SDK
     * tried again.
     */
    public static final String PUBLISH_RETRIES = "sagemaker.labeling.objects.publish.retries";
    /** Counter: data objects not published after every retry (their exchanges failed). */
    public static final String PUBLISH_FAILED = "sagemaker.labeling.objects.publish.failed";
    /** Counter: binary bodies stored in S3, tagged {@value #REUSED}. */
    public static final String UPLOADS = "sagemaker.labeling.uploads";
    /** Counter, in bytes: what was uploaded to S3 (bodies already there are not counted). */
    public static final String UPLOADED_BYTES = "sagemaker.labeling.uploads.bytes";
    /** Counter: labeled results whose exchange completed, so their output message was deleted. */
    public static final String LABELED = "sagemaker.labeling.results.labeled";
    /** Counter: output messages received that are not output lines (each time one is received). */
    public static final String MALFORMED = "sagemaker.labeling.results.malformed";
    /** Counter: exchanges of output messages that failed; the message is received again after its back-off. */
    public static final String ROUTE_FAILURES = "sagemaker.labeling.results.failed";
    /**
     * Counter: output messages whose exchange failed on their {@code maxReceiveCount}-th receive, which SQS moves
     * to the {@code deadLetterQueue} instead of delivering them again. The component cannot see the move itself.
     */
    public static final String DEAD_LETTERED = "sagemaker.labeling.results.dead.lettered";
    /** Gauge: published minus labeled, the objects this application sent and has not yet routed labeled. */
    public static final String IN_FLIGHT = "sagemaker.labeling.objects.in.flight";
    /** Gauge: the job's LabelCounters as DescribeLabelingJob last answered, tagged {@value #COUNTER}. */
    public static final String LABEL_COUNTERS = "sagemaker.labeling.job.label.counters";

    /** Tag: the labeling job's name. */
    public static final String JOB = "job";
    /** Tag of {@value #UPLOADS}: true when the same bytes were already in S3, so nothing was uploaded. */
    public static final String REUSED = "reused";
    /**
     * Tag of {@value #LABEL_COUNTERS}: {@code total_labeled}, {@code human_labeled}, {@code machine_labeled},
     * {@code failed_non_retryable_error} or {@code unlabeled}.
     */
    public static final String COUNTER = "counter";

    private MeterNames() {
    }
}
