package io.github.sagemakerlabeling.camel.consumer;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.service.DataObjectPublisher;
import io.github.sagemakerlabeling.core.service.LabelingJobs;
import io.github.sagemakerlabeling.core.service.RetrySettings;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The AWS clients of a Local Ground Truth stack and a text classification job on it ("delicious" texts are labeled
 * positive, the others negative), created with core's services as an application would.
 */
final class LabelingJobFixture implements AutoCloseable {

    static final String JOB = "reviews";

    final LocalGroundTruth local;
    final SageMakerClient sageMaker;
    final SnsClient sns;
    final SqsClient sqs;
    final S3Client s3;

    LabelingJobFixture(LocalGroundTruth local) {
        this.local = local;
        this.sageMaker = local.sageMakerClient();
        this.sns = local.snsClient();
        this.sqs = local.sqsClient();
        this.s3 = local.s3Client();
    }

    /** Creates the job; it is Initializing for the engine's initializing delay. */
    DescribeLabelingJobResponse createJob() {
        s3.createBucket(b -> b.bucket(JOB));
        s3.putObject(b -> b.bucket(JOB).key("labels.json"),
                RequestBody.fromString(LabelCategoryConfig.of("positive", "negative").toJson()));
        LabelingJobSpec spec = LabelingJobSpec.builder()
                .region(local.region())
                .taskType(TaskType.TEXT_CLASSIFICATION)
                .labelingJobName(JOB)
                .labelAttributeName("sentiment")
                .inputSnsTopicArn(sns.createTopic(b -> b.name(JOB + "-in")).topicArn())
                .outputSnsTopicArn(outputTopicArn())
                .s3OutputPath("s3://" + JOB + "/output")
                .roleArn("arn:aws:iam::" + local.accountId() + ":role/GroundTruth")
                .labelCategoryConfigS3Uri("s3://" + JOB + "/labels.json")
                .workteamArn("arn:aws:sagemaker:" + local.region() + ":" + local.accountId()
                        + ":workteam/private-crowd/t")
                .uiTemplateS3Uri("s3://" + JOB + "/template.html")
                .taskTitle("Review sentiment")
                .taskDescription("Is the review positive or negative?")
                .numberOfHumanWorkersPerDataObject(1)
                .taskTimeLimitInSeconds(300)
                .build();
        return jobs().ensure(spec).job();
    }

    /** Creates the job and waits until it runs. */
    DescribeLabelingJobResponse runningJob() {
        createJob();
        return awaitStatus(LabelingJobStatus.IN_PROGRESS);
    }

    DescribeLabelingJobResponse awaitStatus(LabelingJobStatus status) {
        return jobs().awaitStatus(JOB, EnumSet.of(status), Duration.ofSeconds(30));
    }

    LabelingJobs jobs() {
        return new LabelingJobs(sageMaker, Duration.ofMillis(50));
    }

    String outputTopicArn() {
        return sns.createTopic(b -> b.name(JOB + "-out")).topicArn();
    }

    /** Feeds text objects to the running job, as the producer does. */
    void feed(List<String> texts) {
        String inputTopic = jobs().describe(JOB).inputConfig().dataSource().snsDataSource().snsTopicArn();
        new DataObjectPublisher(sns, inputTopic, RetrySettings.defaults())
                .publishAll(texts.stream().map(DataObject::text).toList());
    }

    /** Creates a queue of the test's own; {@code visibilityTimeoutSeconds} is how long a received message hides. */
    String createQueue(String name, int visibilityTimeoutSeconds) {
        return sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
                String.valueOf(visibilityTimeoutSeconds)))).queueUrl();
    }

    /** Subscribes the queue to the job's output topic, with or without raw message delivery. */
    void subscribe(String queueUrl, boolean rawMessageDelivery) {
        sns.subscribe(b -> b.topicArn(outputTopicArn()).protocol("sqs").endpoint(queueArn(queueUrl))
                .attributes(Map.of("RawMessageDelivery", String.valueOf(rawMessageDelivery))));
    }

    String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** Messages in the queue, visible or not (received and neither deleted nor released). */
    int visibleAndInFlight(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Visible messages in the queue. */
    int visible(String queueUrl) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    String queueUrl(String name) {
        return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    @Override
    public void close() {
        sageMaker.close();
        sns.close();
        sqs.close();
        s3.close();
    }
}
