package io.github.sagemakerlabeling.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.dataobject.DataObjectCodec;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.ThrottledException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Faults on the SageMaker labeling-job API, and a job that keeps labeling while the application's own SNS and SQS
 * calls are failing: the engine's traffic is never faulted.
 */
class LabelingJobFaultsTest {

    private static LocalGroundTruth local;
    private static FaultInjector faults;
    private static SageMakerClient sageMaker;
    private static SnsClient sns;
    private static SqsClient sqs;
    private static S3Client s3;

    @BeforeAll
    static void startStack() {
        local = LocalGroundTruth.builder().start();
        faults = local.faults();
        sageMaker = Clients.sageMakerWithoutRetries(local);
        sns = Clients.snsWithoutRetries(local);
        sqs = Clients.sqsWithoutRetries(local);
        s3 = local.s3Client();
        s3.createBucket(b -> b.bucket("labels"));
        s3.putObject(b -> b.bucket("labels").key("config.json"),
                RequestBody.fromString(LabelCategoryConfig.of("positive", "negative").toJson()));
    }

    @AfterAll
    static void stopStack() {
        sageMaker.close();
        sns.close();
        sqs.close();
        s3.close();
        local.close();
    }

    @AfterEach
    void resetFaults() {
        faults.reset();
    }

    @Test
    void aThrottledCreateLabelingJobIsTheSdksThrottlingExceptionAndCreatesNothing() {
        String topic = sns.createTopic(b -> b.name("throttled-in")).topicArn();
        faults.inject(Operation.SAGEMAKER_CREATE_LABELING_JOB, Fault.throttling(1.0));

        assertThatThrownBy(() -> sageMaker.createLabelingJob(job("throttled-job", topic, null)))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                });

        assertThat(faults.injected(Operation.SAGEMAKER_CREATE_LABELING_JOB)).isEqualTo(1);
        assertThatThrownBy(() -> sageMaker.describeLabelingJob(b -> b.labelingJobName("throttled-job")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aCreateThatFailsAfterProcessingLeavesAJobThatARetrySeesAsInUse() {
        String topic = sns.createTopic(b -> b.name("ambiguous-in")).topicArn();
        faults.inject(Operation.SAGEMAKER_CREATE_LABELING_JOB, Fault.serverErrorAfterProcessing(1.0).times(1));

        assertThatThrownBy(() -> sageMaker.createLabelingJob(job("ambiguous-job", topic, null)))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThatThrownBy(() -> sageMaker.createLabelingJob(job("ambiguous-job", topic, null)))
                .isInstanceOf(ResourceInUseException.class);
        assertThat(sageMaker.describeLabelingJob(b -> b.labelingJobName("ambiguous-job")).labelingJobName())
                .isEqualTo("ambiguous-job");
    }

    @Test
    void describeServerErrorsAre500sThatTheSdksDefaultRetriesGetPast() {
        faults.inject(Operation.SAGEMAKER_LIST_LABELING_JOBS, Fault.serverError(1.0).times(3));

        assertThatThrownBy(() -> sageMaker.listLabelingJobs(b -> b.maxResults(1)))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                });
        try (SageMakerClient retrying = local.sageMakerClient()) {
            retrying.listLabelingJobs(b -> b.maxResults(1));
        }

        assertThat(faults.injected(Operation.SAGEMAKER_LIST_LABELING_JOBS, Fault.Kind.SERVER_ERROR)).isEqualTo(3);
    }

    @Test
    void aDelayAddsAtLeastTheDelay() {
        faults.inject(Operation.SAGEMAKER_LIST_LABELING_JOBS, Fault.delay(Duration.ofMillis(400)));

        long start = System.nanoTime();
        sageMaker.listLabelingJobs(b -> b.maxResults(1));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(faults.injected(Operation.SAGEMAKER_LIST_LABELING_JOBS, Fault.Kind.DELAY)).isEqualTo(1);
    }

    @Test
    void theJobKeepsLabelingWhileTheApplicationsOwnCallsFail() {
        String inputTopic = sns.createTopic(b -> b.name("engine-in")).topicArn();
        String outputTopic = sns.createTopic(b -> b.name("engine-out")).topicArn();
        String outputQueue = sqs.createQueue(b -> b.queueName("engine-labeled")).queueUrl();
        String outputQueueArn = sqs.getQueueAttributes(b -> b.queueUrl(outputQueue)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(outputTopic).protocol("sqs").endpoint(outputQueueArn));

        // Every call the engine makes, failing for everybody else: its queue, its subscription, its reads and
        // deletes, and its Publish of each output line.
        faults.inject(Operation.SQS_CREATE_QUEUE, Fault.serverError(1.0))
                .inject(Operation.SNS_SUBSCRIBE, Fault.serverError(1.0))
                .inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverError(1.0))
                .inject(Operation.SQS_DELETE_MESSAGE_BATCH, Fault.serverError(1.0))
                .inject(Operation.SNS_PUBLISH, Fault.throttling(1.0));

        sageMaker.createLabelingJob(job("engine-job", inputTopic, outputTopic));
        await().atMost(Duration.ofSeconds(15)).until(() -> sageMaker.describeLabelingJob(b -> b
                .labelingJobName("engine-job")).labelingJobStatus() == LabelingJobStatus.IN_PROGRESS);
        DataObjectCodec codec = new DataObjectCodec();
        List<PublishBatchRequestEntry> inputs = IntStream.range(0, 3).mapToObj(i -> PublishBatchRequestEntry.builder()
                .id("o" + i).message(codec.encode(DataObject.text("text " + i)).manifestLine()).build()).toList();
        assertThat(sns.publishBatch(b -> b.topicArn(inputTopic).publishBatchRequestEntries(inputs)).failed()).isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> sqs.getQueueAttributes(b -> b.queueUrl(outputQueue)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES).equals("3"));

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(inputTopic).message("{\"source\":\"x\"}")))
                .isInstanceOf(ThrottledException.class);
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(outputQueue)))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(faults.injected()).containsOnlyKeys(Operation.SNS_PUBLISH, Operation.SQS_RECEIVE_MESSAGE)
                .containsEntry(Operation.SNS_PUBLISH, 1L).containsEntry(Operation.SQS_RECEIVE_MESSAGE, 1L);

        faults.clear();
        List<LabelingResult> results = new ArrayList<>();
        while (results.size() < 3) {
            for (Message message : sqs.receiveMessage(b -> b.queueUrl(outputQueue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                results.add(new OutputLineParser().parse(message.body()));
            }
        }
        assertThat(results).extracting(result -> result.source().orElseThrow())
                .containsExactlyInAnyOrder("text 0", "text 1", "text 2");
        assertThat(results).allSatisfy(result -> assertThat(result.jobName()).isEqualTo("engine-job"));
    }

    private static CreateLabelingJobRequest job(String name, String inputTopic, String outputTopic) {
        LabelingJobSpec.Builder spec = LabelingJobSpec.builder()
                .region(local.region())
                .taskType(TaskType.TEXT_CLASSIFICATION)
                .labelingJobName(name)
                .labelAttributeName("sentiment")
                .inputSnsTopicArn(inputTopic)
                .s3OutputPath("s3://labels/output")
                .roleArn("arn:aws:iam::" + local.accountId() + ":role/GroundTruth")
                .labelCategoryConfigS3Uri("s3://labels/config.json")
                .workteamArn("arn:aws:sagemaker:" + local.region() + ":" + local.accountId()
                        + ":workteam/private-crowd/team")
                .uiTemplateS3Uri("s3://labels/template.html")
                .taskTitle("Sentiment")
                .taskDescription("Positive or negative?")
                .numberOfHumanWorkersPerDataObject(1)
                .taskTimeLimitInSeconds(300);
        if (outputTopic != null) {
            spec.outputSnsTopicArn(outputTopic);
        }
        return spec.build().toCreateRequest();
    }
}
