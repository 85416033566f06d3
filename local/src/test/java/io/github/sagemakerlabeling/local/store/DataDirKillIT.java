package io.github.sagemakerlabeling.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.launcher.LauncherOutput;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code kill -9} of a launcher started with {@code --data-dir} (the runnable jar, as users run it) loses nothing
 * it acknowledged: a stack started again on the directory has the labeling job, the topic and its subscription, the
 * queue's message and the S3 object. Runs in the integration-test phase, after packaging (failsafe).
 */
class DataDirKillIT {

    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final String REGION = "us-east-1";

    @TempDir
    Path dir;

    @Test
    void whatWasAcknowledgedBeforeKillDashNineIsThereAfterARestart() throws Exception {
        Path data = dir.resolve("data");
        String queueUrl;
        String topicArn;
        DescribeLabelingJobResponse job;
        Process first = start(data, "first");
        try {
            Map<String, String> endpoints = assertTimeoutPreemptively(BOUND,
                    () -> LauncherOutput.readUntilReady(first));
            try (SnsClient sns = LocalAwsClients.sns(URI.create(endpoints.get("sns")), REGION);
                 SqsClient sqs = LocalAwsClients.sqs(URI.create(endpoints.get("sqs")), REGION);
                 S3Client s3 = LocalAwsClients.s3(URI.create(endpoints.get("s3")), REGION);
                 SageMakerClient sageMaker = LocalAwsClients.configure(SageMakerClient.builder(),
                         URI.create(endpoints.get("sagemaker")), REGION).build()) {
                topicArn = sns.createTopic(b -> b.name("kept-in")).topicArn();
                queueUrl = sqs.createQueue(b -> b.queueName("kept")).queueUrl();
                sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs")
                        .endpoint("arn:aws:sqs:" + REGION + ":000000000000:kept")
                        .attributes(Map.of("RawMessageDelivery", "true")));
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("sent before kill -9"));
                s3.createBucket(b -> b.bucket("kept"));
                s3.putObject(b -> b.bucket("kept").key("labels.json"),
                        RequestBody.fromString(LabelCategoryConfig.of("yes", "no").toJson()));
                sageMaker.createLabelingJob(LabelingJobSpec.builder().region(REGION)
                        .taskType(TaskType.TEXT_CLASSIFICATION).labelingJobName("Kept-Job").labelAttributeName("answer")
                        .inputSnsTopicArn(topicArn).s3OutputPath("s3://kept/output")
                        .roleArn("arn:aws:iam::000000000000:role/GroundTruth")
                        .labelCategoryConfigS3Uri("s3://kept/labels.json")
                        .workteamArn("arn:aws:sagemaker:" + REGION + ":000000000000:workteam/private-crowd/team")
                        .uiTemplateS3Uri("s3://kept/template.html").taskTitle("Kept").taskDescription("Kept")
                        .numberOfHumanWorkersPerDataObject(1).taskTimeLimitInSeconds(300).build().toCreateRequest());
                job = sageMaker.describeLabelingJob(b -> b.labelingJobName("Kept-Job"));
            }
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
            first.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
        }

        Process second = start(data, "second");
        try {
            Map<String, String> endpoints = assertTimeoutPreemptively(BOUND,
                    () -> LauncherOutput.readUntilReady(second));
            try (SnsClient sns = LocalAwsClients.sns(URI.create(endpoints.get("sns")), REGION);
                 SqsClient sqs = LocalAwsClients.sqs(URI.create(endpoints.get("sqs")), REGION);
                 S3Client s3 = LocalAwsClients.s3(URI.create(endpoints.get("s3")), REGION);
                 SageMakerClient sageMaker = LocalAwsClients.configure(SageMakerClient.builder(),
                         URI.create(endpoints.get("sagemaker")), REGION).build()) {
                DescribeLabelingJobResponse again = sageMaker.describeLabelingJob(b -> b.labelingJobName("Kept-Job"));
                assertThat(again.labelingJobArn()).isEqualTo(job.labelingJobArn());
                assertThat(again.creationTime()).isEqualTo(job.creationTime());
                // Ours, and the job's own queue's: subscribed again when the job resumed, not twice.
                assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions())
                        .extracting(s -> s.endpoint().substring(s.endpoint().lastIndexOf(':') + 1))
                        .containsExactlyInAnyOrder("kept", "GroundTruth-kept-job");
                assertThat(s3.getObjectAsBytes(b -> b.bucket("kept").key("labels.json")).asUtf8String())
                        .contains("yes");
                // The queue URL of the first process names its port; the new endpoint takes it all the same.
                assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5)).messages())
                        .extracting(Message::body).containsExactly("sent before kill -9");
            }
        } finally {
            second.destroyForcibly();
            second.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private Process start(Path data, String name) throws Exception {
        Path jar = Path.of(System.getProperty("local-ground-truth.jar", "target/local-ground-truth.jar"));
        assertThat(jar).isRegularFile();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--data-dir", data.toString())
                .redirectError(dir.resolve(name + "-stderr.txt").toFile()).start();
    }
}
