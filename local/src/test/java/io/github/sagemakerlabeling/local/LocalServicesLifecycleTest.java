package io.github.sagemakerlabeling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.local.s3.LocalS3;
import io.github.sagemakerlabeling.local.sns.LocalSns;
import io.github.sagemakerlabeling.local.sqs.LocalSqs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Starting all three services, using them and closing them leaves no port bound and no thread running. */
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

    private static List<String> threadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .map(Thread::getName)
                .sorted()
                .toList();
    }
}
