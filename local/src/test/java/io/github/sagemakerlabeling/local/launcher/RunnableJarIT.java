package io.github.sagemakerlabeling.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The runnable jar the build packages (local/target/local-ground-truth.jar), run as its users run it:
 * {@code java -jar}, no Maven, no classpath. Runs in the integration-test phase, after packaging (failsafe).
 */
class RunnableJarIT {

    private static final Duration BOUND = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void javaDashJarStartsTheStackWithTheLaunchersOptionsAndStopsOnSigterm() throws Exception {
        Path jar = Path.of(System.getProperty("local-ground-truth.jar", "target/local-ground-truth.jar"));
        assertThat(jar).isRegularFile();
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--region", "eu-west-1", "--workers", "first-label")
                .redirectError(stderr.toFile()).start();
        try {
            Map<String, String> values = assertTimeoutPreemptively(BOUND,
                    () -> LauncherOutput.readUntilReady(process));
            assertThat(values).as("stderr: %s", Files.readString(stderr))
                    .containsEntry("region", "eu-west-1").containsKeys("sagemaker", "sns", "sqs", "s3");

            try (SnsClient sns = LocalAwsClients.sns(URI.create(values.get("sns")), "eu-west-1");
                    SqsClient sqs = LocalAwsClients.sqs(URI.create(values.get("sqs")), "eu-west-1");
                    S3Client s3 = LocalAwsClients.s3(URI.create(values.get("s3")), "eu-west-1")) {
                String topic = sns.createTopic(b -> b.name("from-the-jar")).topicArn();
                String queueUrl = sqs.createQueue(b -> b.queueName("from-the-jar")).queueUrl();
                sns.subscribe(b -> b.topicArn(topic).protocol("sqs")
                        .endpoint("arn:aws:sqs:eu-west-1:000000000000:from-the-jar")
                        .attributes(Map.of("RawMessageDelivery", "true")));
                sns.publish(b -> b.topicArn(topic).message("delivered inside the jar"));
                s3.createBucket(b -> b.bucket("from-the-jar"));

                assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5)).messages())
                        .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("delivered inside the jar"));
                assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("from-the-jar");
            }

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(stderr)).contains("Local Ground Truth stopped");
        } finally {
            process.destroyForcibly();
        }
    }
}
