package io.github.sagemakerlabeling.camel.health;

import io.github.sagemakerlabeling.core.service.LabelingJobs;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The health of an endpoint's labeling job: UP while the job is {@code InProgress} or {@code Initializing} (with the
 * detail {@value #INITIALIZING}), DOWN when it does not exist or has ended ({@code Stopping}, {@code Stopped},
 * {@code Failed}, {@code Completed}; UP with a message instead when so configured, since a job that ended can never
 * run again and a pod kept unready for it would stay so for ever), and DOWN when its input or output topic, or the
 * consumer's output queue, cannot be reached. Details: {@value #JOB_NAME}, {@value #JOB_STATUS},
 * {@value #FAILURE_REASON}, and a {@code <resource>.reachable} flag for each topic and queue checked.
 *
 * <p>The remote checks run at most once per interval: probes within it get the last result again, so frequent
 * liveness and readiness probes cost no more AWS calls (nor throttling) than one check an interval.
 */
public final class LabelingJobHealthCheck extends AbstractHealthCheck {

    /** Detail: the job's name. */
    public static final String JOB_NAME = "labeling.job.name";
    /** Detail: the job's status, {@code NotFound} when there is no such job. */
    public static final String JOB_STATUS = "labeling.job.status";
    /** Detail: why the job failed. */
    public static final String FAILURE_REASON = "labeling.job.failureReason";
    /** Detail: true while the job is still {@code Initializing}. */
    public static final String INITIALIZING = "labeling.job.initializing";
    /** Detail: whether the job's input topic answered. */
    public static final String INPUT_TOPIC_REACHABLE = "input.topic.reachable";
    /** Detail: whether the job's output topic answered. */
    public static final String OUTPUT_TOPIC_REACHABLE = "output.topic.reachable";
    /** Detail: whether the consumer's output queue answered. */
    public static final String OUTPUT_QUEUE_REACHABLE = "output.queue.reachable";

    private final Supplier<String> jobName;
    private final Supplier<LabelingJobs> jobs;
    private final Supplier<SnsClient> sns;
    private final Supplier<SqsClient> sqs;
    private final Supplier<Optional<String>> outputQueueUrl;
    private final Duration interval;
    private final boolean endedJobUp;
    private Result latest;
    private long latestAtNanos;

    /**
     * @param id             the check's id, for example {@code consumer:sagemaker-labeling-<routeId>}
     * @param jobName        the labeling job now (after a rollover, the newest successor)
     * @param jobs           the job service of the endpoint
     * @param sns            the endpoint's SNS client
     * @param sqs            the endpoint's SQS client
     * @param outputQueueUrl the queue the consumer reads, once it knows it; empty for none
     * @param interval       how long a result is reused before the job, topics and queue are checked again
     * @param endedJobUp     whether a job that has ended is reported UP (with a message) instead of DOWN
     */
    public LabelingJobHealthCheck(String id, Supplier<String> jobName, Supplier<LabelingJobs> jobs, Supplier<SnsClient> sns,
                                  Supplier<SqsClient> sqs, Supplier<Optional<String>> outputQueueUrl,
                                  Duration interval, boolean endedJobUp) {
        super("camel", id);
        this.jobName = jobName;
        this.jobs = jobs;
        this.sns = sns;
        this.sqs = sqs;
        this.outputQueueUrl = outputQueueUrl;
        this.interval = interval;
        this.endedJobUp = endedJobUp;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Result result = latestResult();
        builder.state(result.getState()).details(result.getDetails());
        result.getMessage().ifPresent(builder::message);
        result.getError().ifPresent(builder::error);
    }

    /** The last result while it is younger than the interval, else a new one (one caller checks, others wait). */
    private synchronized Result latestResult() {
        long now = System.nanoTime();
        if (latest == null || now - latestAtNanos >= interval.toNanos()) {
            HealthCheckResultBuilder probe = HealthCheckResultBuilder.on(this);
            check(probe);
            latest = probe.build();
            latestAtNanos = now;
        }
        return latest;
    }

    private void check(HealthCheckResultBuilder builder) {
        String jobName = this.jobName.get();
        builder.detail(JOB_NAME, jobName).up();
        Optional<DescribeLabelingJobResponse> found;
        try {
            found = jobs.get().find(jobName);
        } catch (SdkException e) {
            builder.down().message("SageMaker could not describe labeling job '" + jobName + "'").error(e);
            return;
        }
        if (found.isEmpty()) {
            builder.detail(JOB_STATUS, "NotFound").down().message("Labeling job '" + jobName + "' does not exist");
            return;
        }
        DescribeLabelingJobResponse job = found.get();
        jobState(builder, job);
        if (job.inputConfig() != null && job.inputConfig().dataSource() != null
                && job.inputConfig().dataSource().snsDataSource() != null) {
            String inputTopic = job.inputConfig().dataSource().snsDataSource().snsTopicArn();
            topicReachable(builder, INPUT_TOPIC_REACHABLE, inputTopic);
        }
        if (job.outputConfig() != null && job.outputConfig().snsTopicArn() != null
                && !job.outputConfig().snsTopicArn().isEmpty()) {
            topicReachable(builder, OUTPUT_TOPIC_REACHABLE, job.outputConfig().snsTopicArn());
        }
        outputQueueUrl.get().ifPresent(url -> queueReachable(builder, url));
    }

    private void jobState(HealthCheckResultBuilder builder, DescribeLabelingJobResponse job) {
        LabelingJobStatus status = job.labelingJobStatus();
        builder.detail(JOB_STATUS, job.labelingJobStatusAsString());
        if (job.failureReason() != null) {
            builder.detail(FAILURE_REASON, job.failureReason());
        }
        if (status == LabelingJobStatus.INITIALIZING) {
            builder.detail(INITIALIZING, true).message("Labeling job '" + job.labelingJobName() + "' is Initializing");
        } else if (status != LabelingJobStatus.IN_PROGRESS) {
            builder.message("Labeling job '" + job.labelingJobName() + "' is " + job.labelingJobStatusAsString()
                    + (job.failureReason() == null ? "" : ": " + job.failureReason())
                    + (endedJobUp ? " (reported UP: healthCheckEndedJobUp)" : ""));
            if (!endedJobUp) {
                builder.down();
            }
        }
    }

    private void topicReachable(HealthCheckResultBuilder builder, String detail, String topicArn) {
        try {
            sns.get().getTopicAttributes(b -> b.topicArn(topicArn));
            builder.detail(detail, true);
        } catch (SdkException e) {
            builder.detail(detail, false).down().message("SNS topic " + topicArn + " cannot be reached").error(e);
        }
    }

    private void queueReachable(HealthCheckResultBuilder builder, String queueUrl) {
        try {
            sqs.get().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN));
            builder.detail(OUTPUT_QUEUE_REACHABLE, true);
        } catch (SdkException e) {
            builder.detail(OUTPUT_QUEUE_REACHABLE, false).down().message("SQS queue " + queueUrl
                    + " cannot be reached").error(e);
        }
    }
}
