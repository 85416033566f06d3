package io.github.sagemakerlabeling.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * One-time (static) jobs end to end through the SDK clients: a job with an input manifest and no SNS input topic
 * labels the manifest's objects, ends {@code Completed} and leaves its output manifest where AWS's static jobs do;
 * it has no queue, and a stop ends it with what was labeled by then.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class OneTimeJobTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static LocalGroundTruthExtension local = LocalGroundTruthExtension.shared()
            .withEngineSettings(EngineSettings.defaults().withInitializingDelay(Duration.ofMillis(100)))
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    @Test
    void aManifestJobLabelsEveryObjectAndCompletesWithItsOutputManifest(LocalGroundTruth stack,
                                                                         SageMakerClient sageMaker, S3Client s3,
                                                                         SqsClient sqs) throws Exception {
        String bucket = "one-time-reviews";
        s3.createBucket(b -> b.bucket(bucket));
        String manifest = put(s3, bucket, "input/reviews.manifest", """
                {"source": "The soup was delicious"}
                {"source": "The bread was stale"}
                not a data object
                {"source": "A delicious cake"}
                """);

        sageMaker.createLabelingJob(request(stack, s3, "reviews-once", bucket, manifest));
        DescribeLabelingJobResponse done = awaitStatus(sageMaker, "reviews-once", LabelingJobStatus.COMPLETED);

        assertThat(done.labelCounters()).isEqualTo(LabelCounters.builder().totalLabeled(3).humanLabeled(3)
                .machineLabeled(0).failedNonRetryableError(1).unlabeled(0).build());
        String outputKey = "output/reviews-once/manifests/output/output.manifest";
        assertThat(done.labelingJobOutput().outputDatasetS3Uri()).isEqualTo("s3://" + bucket + "/" + outputKey);
        List<String> labels = new ArrayList<>();
        for (String line : read(s3, bucket, outputKey).split("\n")) {
            JsonNode output = Json.read(line);
            assertThat(output.has("dataset-objectid-attribute-name")).as("streaming's dedup fields: " + line).isFalse();
            labels.add(output.path("source").asText() + "=" + output.path("sentiment-metadata").path("class-name")
                    .asText());
        }
        assertThat(labels).containsExactly("The soup was delicious=positive", "The bread was stale=negative",
                "A delicious cake=positive");
        assertThat(done.inputConfig().dataSource().snsDataSource()).isNull();
        assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("GroundTruth-reviews-once")))
                .as("a one-time job has no queue").isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void aStoppedOneTimeJobEndsStoppedWithWhatWasLabeled(LocalGroundTruth stack, SageMakerClient sageMaker,
                                                         S3Client s3) {
        String bucket = "one-time-stopped";
        s3.createBucket(b -> b.bucket(bucket));
        String manifest = put(s3, bucket, "input.manifest", "{\"source\": \"slow\"}\n{\"source\": \"slower\"}\n");
        stack.engineSettings(stack.engineSettings().withWorkTime(Duration.ofHours(1)));

        sageMaker.createLabelingJob(request(stack, s3, "stopped-once", bucket, manifest));
        awaitStatus(sageMaker, "stopped-once", LabelingJobStatus.IN_PROGRESS);
        sageMaker.stopLabelingJob(b -> b.labelingJobName("stopped-once"));
        DescribeLabelingJobResponse stopped = awaitStatus(sageMaker, "stopped-once", LabelingJobStatus.STOPPED);

        assertThat(stopped.labelCounters().humanLabeled()).isZero();
        assertThat(read(s3, bucket, "output/stopped-once/manifests/output/output.manifest")).isEmpty();
    }

    /** A one-time text classification job on the manifest: no SNS input topic, no output topic. */
    private static CreateLabelingJobRequest request(LocalGroundTruth stack, S3Client s3, String name, String bucket,
                                                    String manifest) {
        String labels = put(s3, bucket, "labels.json", LabelCategoryConfig.of("positive", "negative").toJson());
        return CreateLabelingJobRequest.builder()
                .labelingJobName(name)
                .labelAttributeName("sentiment")
                .inputConfig(i -> i.dataSource(d -> d.s3DataSource(s -> s.manifestS3Uri(manifest))))
                .outputConfig(o -> o.s3OutputPath("s3://" + bucket + "/output"))
                .roleArn("arn:aws:iam::" + stack.accountId() + ":role/GroundTruth")
                .labelCategoryConfigS3Uri(labels)
                .humanTaskConfig(h -> h
                        .workteamArn("arn:aws:sagemaker:" + stack.region() + ":" + stack.accountId()
                                + ":workteam/private-crowd/team")
                        .uiConfig(u -> u.uiTemplateS3Uri("s3://" + bucket + "/template.html"))
                        .preHumanTaskLambdaArn("arn:aws:lambda:us-east-1:432418664414:function:PRE-TextMultiClass")
                        .annotationConsolidationConfig(a -> a.annotationConsolidationLambdaArn(
                                "arn:aws:lambda:us-east-1:432418664414:function:ACS-TextMultiClass"))
                        .taskTitle("Sentiment")
                        .taskDescription("Is the review positive or negative?")
                        .numberOfHumanWorkersPerDataObject(1)
                        .taskTimeLimitInSeconds(300))
                .build();
    }

    private static DescribeLabelingJobResponse awaitStatus(SageMakerClient sageMaker, String name,
                                                           LabelingJobStatus status) {
        return await().atMost(PATIENCE).until(() -> sageMaker.describeLabelingJob(b -> b.labelingJobName(name)),
                described -> described.labelingJobStatus() == status);
    }

    private static String put(S3Client s3, String bucket, String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
        return "s3://" + bucket + "/" + key;
    }

    private static String read(S3Client s3, String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }
}
