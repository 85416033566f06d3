package io.github.sagemakerlabeling.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One Local Ground Truth stack shared by a test class, with the real SDK clients and the chores every streaming-job
 * test repeats: uniquely named topics, buckets, queues and jobs, a job spec ready to create, and waits on a job's
 * status, counters and output. Everything goes through the SDK clients, as a user of the stand-in would.
 */
public final class GroundTruthTestKit implements AutoCloseable {

    /** How long any wait on the engine may take; the engine itself answers within about a second. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final AtomicInteger NAMES = new AtomicInteger();

    public final LocalGroundTruth local;
    public final SageMakerClient sageMaker;
    public final SnsClient sns;
    public final SqsClient sqs;
    public final S3Client s3;

    private GroundTruthTestKit(LocalGroundTruth local) {
        this.local = local;
        this.sageMaker = local.sageMakerClient();
        this.sns = local.snsClient();
        this.sqs = local.sqsClient();
        this.s3 = local.s3Client();
    }

    /** Starts a stack with the default settings. */
    public static GroundTruthTestKit start() {
        return new GroundTruthTestKit(LocalGroundTruth.builder().start());
    }

    /** Starts a stack configured on a fresh builder, e.g. with other workforces. */
    public static GroundTruthTestKit start(Consumer<LocalGroundTruth.Builder> configuration) {
        LocalGroundTruth.Builder builder = LocalGroundTruth.builder();
        configuration.accept(builder);
        return new GroundTruthTestKit(builder.start());
    }

    /** A name no other test of the run uses: {@code <prefix>-<n>}, valid for jobs, topics, queues and buckets. */
    public static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    /** Engine settings that start jobs within a tenth of a second and answer at once. */
    public static EngineSettings fastSettings() {
        return EngineSettings.defaults().withInitializingDelay(Duration.ofMillis(100));
    }

    /** Creates a topic and returns its ARN. */
    public String topic(String name) {
        return sns.createTopic(b -> b.name(name)).topicArn();
    }

    /** Creates a bucket and returns its name. */
    public String bucket(String name) {
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    /** Writes a text object to S3 and returns its {@code s3://} URI. */
    public String put(String bucket, String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
        return "s3://" + bucket + "/" + key;
    }

    /** The text of an S3 object. */
    public String read(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    /** The keys under a prefix, sorted. */
    public List<String> keys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().forEach(o -> keys.add(o.key()));
        keys.sort(null);
        return keys;
    }

    /** A new queue subscribed to the topic (SNS envelopes, no raw delivery); returns the queue URL. */
    public String subscribedQueue(String topicArn) {
        String url = sqs.createQueue(b -> b.queueName(unique("tap"))).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn));
        return url;
    }

    /** Receives (and deletes) messages until exactly {@code count} arrived; fails if more or fewer come. */
    public List<String> receive(String queueUrl, int count) {
        List<String> bodies = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (Message message : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                bodies.add(message.body());
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            assertThat(bodies).hasSizeGreaterThanOrEqualTo(count);
        });
        assertThat(bodies).as("messages on " + queueUrl).hasSize(count);
        return bodies;
    }

    /** The number of messages in a queue, visible or being received. */
    public int queueDepth(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** The URL of the queue Ground Truth creates for a job: {@code GroundTruth-<job name in lowercase>}. */
    public String jobQueueUrl(String jobName) {
        return sqs.getQueueUrl(b -> b.queueName("GroundTruth-" + jobName.toLowerCase(Locale.ROOT))).queueUrl();
    }

    /** Waits until the job has taken every message off its queue. */
    public void awaitJobQueueDrained(String jobName) {
        String url = jobQueueUrl(jobName);
        await().atMost(PATIENCE).until(() -> queueDepth(url) == 0);
    }

    /** Creates the topics, bucket and label categories of a new job and returns them. */
    public JobResources resources(String jobPrefix, String... labels) {
        String name = unique(jobPrefix);
        String bucket = bucket(name.toLowerCase(Locale.ROOT));
        String labelConfig = put(bucket, "config/labels.json", LabelCategoryConfig.of(labels).toJson());
        String inputTopic = topic(name + "-in");
        String outputTopic = topic(name + "-out");
        return new JobResources(name, bucket, inputTopic, outputTopic, subscribedQueue(outputTopic), labelConfig);
    }

    /** A valid streaming job spec on the given resources: a private team, one worker, the label config. */
    public LabelingJobSpec.Builder spec(JobResources job, TaskType taskType, String labelAttributeName) {
        return LabelingJobSpec.builder()
                .region(local.region())
                .taskType(taskType)
                .labelingJobName(job.name())
                .labelAttributeName(labelAttributeName)
                .inputSnsTopicArn(job.inputTopic())
                .outputSnsTopicArn(job.outputTopic())
                .s3OutputPath("s3://" + job.bucket() + "/output")
                .roleArn("arn:aws:iam::" + local.accountId() + ":role/GroundTruth")
                .labelCategoryConfigS3Uri(job.labelConfigUri())
                .workteamArn("arn:aws:sagemaker:" + local.region() + ":" + local.accountId()
                        + ":workteam/private-crowd/team")
                .uiTemplateS3Uri("s3://" + job.bucket() + "/template.html")
                .taskTitle("Label it")
                .taskDescription("Choose the right label")
                .numberOfHumanWorkersPerDataObject(1)
                .taskTimeLimitInSeconds(300);
    }

    /** Creates the job and waits until it is {@code InProgress}. */
    public void createAndAwaitInProgress(LabelingJobSpec spec) {
        sageMaker.createLabelingJob(spec.toCreateRequest());
        awaitStatus(spec.labelingJobName(), LabelingJobStatus.IN_PROGRESS);
    }

    /** Publishes a message to a topic and returns the SNS message id. */
    public String publish(String topicArn, String message) {
        return sns.publish(b -> b.topicArn(topicArn).message(message)).messageId();
    }

    public DescribeLabelingJobResponse describe(String jobName) {
        return sageMaker.describeLabelingJob(b -> b.labelingJobName(jobName));
    }

    public LabelingJobStatus status(String jobName) {
        return describe(jobName).labelingJobStatus();
    }

    public void awaitStatus(String jobName, LabelingJobStatus status) {
        await().atMost(PATIENCE).until(() -> status(jobName), s -> s == status);
    }

    /** Waits until the job's counters are exactly these. */
    public void awaitCounters(String jobName, LabelCounters expected) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(describe(jobName).labelCounters()).isEqualTo(expected));
    }

    /** Counters of a job whose objects all had human workers (no machine labeling in streaming jobs). */
    public static LabelCounters counters(int labeled, int failed, int unlabeled) {
        return LabelCounters.builder().totalLabeled(labeled).humanLabeled(labeled).machineLabeled(0)
                .failedNonRetryableError(failed).unlabeled(unlabeled).build();
    }

    @Override
    public void close() {
        sageMaker.close();
        sns.close();
        sqs.close();
        s3.close();
        local.close();
    }

    /**
     * What a test job runs on.
     *
     * @param name           the job name
     * @param bucket         its bucket: label config, output, manifests
     * @param inputTopic     the input topic ARN
     * @param outputTopic    the output topic ARN
     * @param outputQueue    the URL of a queue subscribed to the output topic
     * @param labelConfigUri the label category config URI
     */
    public record JobResources(String name, String bucket, String inputTopic, String outputTopic, String outputQueue,
                               String labelConfigUri) {
    }
}
