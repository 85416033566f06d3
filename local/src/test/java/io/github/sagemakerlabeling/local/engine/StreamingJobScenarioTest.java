package io.github.sagemakerlabeling.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.dataobject.DataObjectCodec;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * The whole streaming scenario through the real SDK clients: a job with input and output topics goes InProgress,
 * text and source-ref objects (some sent twice) are published, exactly the distinct objects come out on a queue
 * subscribed to the output topic in the task type's format, the counters are exact, and a stop unsubscribes the job's
 * queue from the input topic.
 */
class StreamingJobScenarioTest {

    private static LocalGroundTruth local;
    private static SageMakerClient sageMaker;
    private static SnsClient sns;
    private static SqsClient sqs;
    private static S3Client s3;

    @BeforeAll
    static void startStack() {
        local = LocalGroundTruth.builder()
                .workers(RuleBasedAnnotator.builder().when("delicious", "positive").when("cat", "positive")
                        .otherwise("negative").build())
                .start();
        sageMaker = local.sageMakerClient();
        sns = local.snsClient();
        sqs = local.sqsClient();
        s3 = local.s3Client();
    }

    @AfterAll
    static void stopStack() {
        sageMaker.close();
        sns.close();
        sqs.close();
        s3.close();
        local.close();
    }

    @Test
    void distinctObjectsComeOutLabeledOnceWithExactCountersAndAStopUnsubscribesTheJobQueue() {
        s3.createBucket(b -> b.bucket("labels"));
        s3.putObject(b -> b.bucket("labels").key("config.json"),
                RequestBody.fromString(LabelCategoryConfig.of("positive", "negative").toJson()));
        String inputTopic = sns.createTopic(b -> b.name("GroundTruth-in")).topicArn();
        String outputTopic = sns.createTopic(b -> b.name("GroundTruth-out")).topicArn();
        String outputQueue = sqs.createQueue(b -> b.queueName("labeled")).queueUrl();
        String outputQueueArn = sqs.getQueueAttributes(b -> b.queueUrl(outputQueue)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(outputTopic).protocol("sqs").endpoint(outputQueueArn));

        LabelingJobSpec spec = LabelingJobSpec.builder()
                .region(local.region())
                .taskType(TaskType.TEXT_CLASSIFICATION)
                .labelingJobName("Scenario-Job")
                .labelAttributeName("sentiment")
                .inputSnsTopicArn(inputTopic)
                .outputSnsTopicArn(outputTopic)
                .s3OutputPath("s3://labels/output")
                .roleArn("arn:aws:iam::" + local.accountId() + ":role/GroundTruth")
                .labelCategoryConfigS3Uri("s3://labels/config.json")
                .workteamArn("arn:aws:sagemaker:us-east-1:" + local.accountId() + ":workteam/private-crowd/team")
                .uiTemplateS3Uri("s3://labels/template.html")
                .taskTitle("Sentiment")
                .taskDescription("Positive or negative?")
                .numberOfHumanWorkersPerDataObject(3)
                .taskTimeLimitInSeconds(300)
                .build();
        sageMaker.createLabelingJob(spec.toCreateRequest());
        await().atMost(Duration.ofSeconds(10)).until(() -> status("Scenario-Job") == LabelingJobStatus.IN_PROGRESS);

        DataObjectCodec codec = new DataObjectCodec();
        List<DataObject> objects = List.of(
                DataObject.text("The food was delicious"),
                DataObject.text("The service was slow"),
                DataObject.s3("s3://images/cat.jpg"),
                DataObject.s3("s3://images/dog.jpg"));
        for (DataObject object : objects) {
            sns.publish(b -> b.topicArn(inputTopic).message(codec.encode(object).manifestLine()));
        }
        sns.publish(b -> b.topicArn(inputTopic).message(codec.encode(objects.get(0)).manifestLine()));
        sns.publish(b -> b.topicArn(inputTopic).message(codec.encode(objects.get(2)).manifestLine()));

        List<LabelingResult> results = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (Message message : sqs.receiveMessage(b -> b.queueUrl(outputQueue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                results.add(new OutputLineParser().parse(message.body()));
                sqs.deleteMessage(b -> b.queueUrl(outputQueue).receiptHandle(message.receiptHandle()));
            }
            assertThat(results).hasSize(4);
        });

        Map<String, String> labelBySubject = new HashMap<>();
        for (LabelingResult result : results) {
            assertThat(result.type()).isEqualTo("groundtruth/text-classification");
            assertThat(result.labelAttributeName()).isEqualTo("sentiment");
            assertThat(result.jobName()).isEqualTo("Scenario-Job");
            assertThat(result.humanAnnotated()).isTrue();
            ClassLabel label = result.annotation(ClassLabel.class);
            assertThat(label.confidence()).isEqualTo(1.0);
            labelBySubject.put(result.source().or(result::sourceRef).orElseThrow(), label.className());
        }
        assertThat(labelBySubject).containsExactlyInAnyOrderEntriesOf(Map.of(
                "The food was delicious", "positive",
                "The service was slow", "negative",
                "s3://images/cat.jpg", "positive",
                "s3://images/dog.jpg", "negative"));
        assertThat(counters("Scenario-Job")).isEqualTo(LabelCounters.builder()
                .totalLabeled(4).humanLabeled(4).machineLabeled(0).failedNonRetryableError(0).unlabeled(0).build());

        sageMaker.stopLabelingJob(b -> b.labelingJobName("Scenario-Job"));
        await().atMost(Duration.ofSeconds(10)).until(() -> status("Scenario-Job") == LabelingJobStatus.STOPPED);

        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(inputTopic)).subscriptions()).isEmpty();
        assertThat(sqs.getQueueUrl(b -> b.queueName("GroundTruth-scenario-job")).queueUrl()).isNotBlank();
        DescribeLabelingJobResponse stopped = sageMaker.describeLabelingJob(b -> b.labelingJobName("Scenario-Job"));
        assertThat(stopped.labelingJobOutput().outputDatasetS3Uri())
                .isEqualTo("s3://labels/output/Scenario-Job/manifests/output/output.manifest");
        String manifest = s3.getObjectAsBytes(b -> b.bucket("labels")
                .key("output/Scenario-Job/manifests/output/output.manifest")).asUtf8String();
        assertThat(manifest.lines()).hasSize(4);
    }

    private static LabelingJobStatus status(String job) {
        return sageMaker.describeLabelingJob(b -> b.labelingJobName(job)).labelingJobStatus();
    }

    private static LabelCounters counters(String job) {
        return sageMaker.describeLabelingJob(b -> b.labelingJobName(job)).labelCounters();
    }
}
