package io.github.sagemakerlabeling.camel.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.service.OutputQueues;
import io.github.sagemakerlabeling.core.service.OutputReceiver;
import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A streaming text classification job on Local Ground Truth, with a queue on its output topic to see what it
 * labeled. The job itself is created through the component (operation createJob, body {@link #spec()}).
 */
final class LabelingJobFixture {

    /** The bucket of the job's label configuration and output; tests upload binaries to it too. */
    static final String BUCKET = "labeling";

    private final LabelingJobSpec spec;
    private final OutputReceiver output;

    /** Creates the bucket, the label configuration, both topics and the output queue. */
    LabelingJobFixture(LocalGroundTruth local, SnsClient sns, SqsClient sqs, S3Client s3, String jobName) {
        if (s3.listBuckets().buckets().stream().noneMatch(bucket -> bucket.name().equals(BUCKET))) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        s3.putObject(b -> b.bucket(BUCKET).key("labels.json"),
                RequestBody.fromString(LabelCategoryConfig.of("positive", "negative").toJson()));
        String outputTopic = sns.createTopic(b -> b.name(jobName + "-out")).topicArn();
        spec = LabelingJobSpec.builder()
                .region(local.region())
                .taskType(TaskType.TEXT_CLASSIFICATION)
                .labelingJobName(jobName)
                .labelAttributeName("sentiment")
                .inputSnsTopicArn(sns.createTopic(b -> b.name(jobName + "-in")).topicArn())
                .outputSnsTopicArn(outputTopic)
                .s3OutputPath("s3://" + BUCKET + "/output")
                .roleArn("arn:aws:iam::" + local.accountId() + ":role/GroundTruth")
                .labelCategoryConfigS3Uri("s3://" + BUCKET + "/labels.json")
                .workteamArn("arn:aws:sagemaker:" + local.region() + ":" + local.accountId() + ":workteam/private-crowd/t")
                .uiTemplateS3Uri("s3://" + BUCKET + "/template.html")
                .taskTitle("Sentiment")
                .taskDescription("Is it positive or negative?")
                .numberOfHumanWorkersPerDataObject(1)
                .taskTimeLimitInSeconds(300)
                .build();
        String queueUrl = new OutputQueues(sqs, sns).provision(outputTopic, jobName + "-labeled").queueUrl();
        output = new OutputReceiver(sqs, queueUrl, Optional.of("sentiment"));
    }

    /** The job's spec, the body of a createJob exchange. */
    LabelingJobSpec spec() {
        return spec;
    }

    /**
     * Waits until the job labeled {@code count} objects, then checks that nothing more comes: every object was
     * labeled exactly once.
     */
    List<LabelingResult> awaitLabeledExactly(int count) {
        List<LabelingResult> results = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).until(() -> {
            results.addAll(receive(1));
            return results.size() >= count;
        });
        results.addAll(receive(2));
        assertThat(results).as("labeled objects").hasSize(count);
        return results;
    }

    private List<LabelingResult> receive(int waitSeconds) {
        List<ReceivedOutput> received = output.receive(10, waitSeconds);
        output.delete(received);
        return received.stream().map(r -> r.result().orElseThrow()).toList();
    }
}
