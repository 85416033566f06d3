package io.github.sagemakerlabeling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.local.s3.LocalS3;
import io.github.sagemakerlabeling.local.sns.LocalSns;
import io.github.sagemakerlabeling.local.sqs.LocalSqs;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Starting the services, using them and closing them leaves no port bound and no thread running. */
class LocalServicesLifecycleTest {

    @Test
    void closeReleasesPortsAndThreads() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        LocalSqs sqs = LocalSqs.builder().start();
        LocalSns sns = LocalSns.builder(sqs.endpoint()).start();
        LocalS3 s3 = LocalS3.builder().start();
        List<LocalService> services = List.of(sns, sqs, s3);
        try (SqsClient sqsClient = LocalAwsClients.sqs(sqs.endpoint(), sqs.region());
                SnsClient snsClient = LocalAwsClients.sns(sns.endpoint(), sns.region());
                S3Client s3Client = LocalAwsClients.s3(s3.endpoint(), LocalDefaults.REGION)) {
            String queueUrl = sqsClient.createQueue(r -> r.queueName("lifecycle")).queueUrl();
            String topicArn = snsClient.createTopic(r -> r.name("lifecycle")).topicArn();
            snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(sqs.queueArn("lifecycle")));
            snsClient.publish(r -> r.topicArn(topicArn).message("hello"));
            assertThat(sqsClient.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(5)).messages()).hasSize(1);
            s3Client.createBucket(r -> r.bucket("lifecycle"));
            s3Client.putObject(r -> r.bucket("lifecycle").key("k"), RequestBody.fromString("v"));
        }

        services.forEach(LocalService::close);
        services.forEach(LocalService::close); // idempotent

        for (LocalService service : services) {
            int port = service.endpoint().getPort();
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(again.getLocalPort()).as("port of %s", service.getClass().getSimpleName()).isEqualTo(port);
            }
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(threadsStartedSince(before)).isEmpty());
    }

    @Test
    void theWholeStackReleasesItsPortsAndThreadsAfterRunningAJob() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        LocalGroundTruth local = LocalGroundTruth.builder().start();
        List<URI> endpoints = List.copyOf(local.endpoints().values());
        try (SageMakerClient sageMaker = local.sageMakerClient(); SnsClient sns = local.snsClient();
                S3Client s3 = local.s3Client()) {
            assertThat(endpoints).hasSize(5).allSatisfy(uri -> assertThat(uri.getHost()).isEqualTo("127.0.0.1"));
            assertThat(endpoints.stream().map(URI::getPort).distinct()).hasSize(5);
            s3.createBucket(r -> r.bucket("lifecycle"));
            String topic = sns.createTopic(r -> r.name("lifecycle-in")).topicArn();
            sageMaker.createLabelingJob(LabelingJobSpec.builder()
                    .region(local.region()).labelingJobName("lifecycle").labelAttributeName("label")
                    .inputSnsTopicArn(topic).s3OutputPath("s3://lifecycle/out")
                    .roleArn("arn:aws:iam::" + local.accountId() + ":role/GroundTruth")
                    .workteamArn("arn:aws:sagemaker:" + local.region() + ":" + local.accountId() + ":workteam/private-crowd/t")
                    .uiTemplateS3Uri("s3://lifecycle/template.html").taskTitle("t").taskDescription("d")
                    .numberOfHumanWorkersPerDataObject(1).taskTimeLimitInSeconds(60)
                    .build().toCreateRequest());
            await().atMost(Duration.ofSeconds(10)).until(() -> sageMaker.describeLabelingJob(r -> r.labelingJobName("lifecycle"))
                    .labelingJobStatus() == LabelingJobStatus.IN_PROGRESS);
        }

        local.close();
        local.close(); // idempotent

        for (URI endpoint : endpoints) {
            try (ServerSocket again = new ServerSocket(endpoint.getPort(), 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(again.getLocalPort()).as("port of %s", endpoint).isEqualTo(endpoint.getPort());
            }
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(threadsStartedSince(before)).isEmpty());
    }

    @ParameterizedTest(name = "the {0} port is taken")
    @ValueSource(strings = {"S3", "SNS"})
    void aStackThatCannotStartStopsThePartsThatStarted(String takenPort) throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            // S3Proxy starts on a helper thread while ElasticMQ starts; SNS starts after ElasticMQ on the caller's.
            LocalGroundTruth.Builder builder = takenPort.equals("S3") ? LocalGroundTruth.builder().ports(0, 0, 0, port)
                    : LocalGroundTruth.builder().ports(0, port, 0, 0);

            assertThatThrownBy(builder::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("failed to start");
        }

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(threadsStartedSince(before)).isEmpty());
    }

    private static List<String> threadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .map(Thread::getName)
                .sorted()
                .toList();
    }
}
