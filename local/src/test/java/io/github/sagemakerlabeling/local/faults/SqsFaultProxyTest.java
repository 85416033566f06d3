package io.github.sagemakerlabeling.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalDefaults;
import io.github.sagemakerlabeling.local.sqs.LocalSqs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The SQS fault proxy as a proxy: verbatim forwarding of long polls and large batches, its own lifecycle. */
class SqsFaultProxyTest {

    private static final FaultInjector FAULTS = new FaultInjector();
    private static SqsFaultProxy proxy;
    private static LocalSqs sqs;
    private static SqsClient client;

    @BeforeAll
    static void start() {
        proxy = new SqsFaultProxy(0, FAULTS);
        sqs = LocalSqs.builder().publicEndpoint(proxy.endpoint()).start();
        proxy.start(sqs.endpoint());
        client = LocalAwsClients.sqs(proxy.endpoint(), sqs.region());
    }

    @AfterAll
    static void stop() {
        client.close();
        proxy.close();
        sqs.close();
    }

    @Test
    void aTwentySecondLongPollGoesThroughWhileAHundredLargeMessagesAreSentReceivedAndDeleted() throws Exception {
        String idleQueue = client.createQueue(b -> b.queueName("idle")).queueUrl();
        String busyQueue = client.createQueue(b -> b.queueName("busy")).queueUrl();
        assertThat(busyQueue).isEqualTo(proxy.endpoint() + "/" + sqs.accountId() + "/busy");
        ExecutorService poller = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<ReceiveMessageResponse> longPoll = poller.submit(
                    () -> client.receiveMessage(b -> b.queueUrl(idleQueue).waitTimeSeconds(20)));

            Map<String, String> sent = new HashMap<>();
            SplittableRandom random = new SplittableRandom(1);
            for (int batch = 0; batch < 10; batch++) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    String id = "m" + (batch * 10 + i);
                    String body = id + " äöü € 🙂 " + randomText(random, 24_000); // ~24 KB: ~240 KB per batch
                    sent.put(id, body);
                    entries.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(body)
                            .messageAttributes(Map.of("id", software.amazon.awssdk.services.sqs.model
                                    .MessageAttributeValue.builder().dataType("String").stringValue(id).build()))
                            .build());
                }
                assertThat(client.sendMessageBatch(b -> b.queueUrl(busyQueue).entries(entries)).failed()).isEmpty();
            }

            Map<String, String> received = new HashMap<>();
            while (received.size() < 100) {
                List<Message> messages = client.receiveMessage(b -> b.queueUrl(busyQueue).maxNumberOfMessages(10)
                        .messageAttributeNames("All").waitTimeSeconds(5)).messages();
                for (Message message : messages) {
                    assertThat(received.put(message.messageAttributes().get("id").stringValue(), message.body()))
                            .isNull();
                }
                if (!messages.isEmpty()) {
                    assertThat(client.deleteMessageBatch(b -> b.queueUrl(busyQueue).entries(
                            IntStream.range(0, messages.size()).mapToObj(i -> DeleteMessageBatchRequestEntry.builder()
                                    .id("d" + i).receiptHandle(messages.get(i).receiptHandle()).build()).toList()))
                            .failed()).isEmpty();
                }
            }
            assertThat(received).isEqualTo(sent);
            assertThat(client.getQueueAttributes(b -> b.queueUrl(busyQueue).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes())
                    .containsOnlyKeys(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                    .allSatisfy((name, value) -> assertThat(value).isEqualTo("0"));
            assertThat(longPoll).isNotDone();

            assertThat(longPoll.get(40, TimeUnit.SECONDS).messages()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(19));
        } finally {
            poller.shutdownNow();
        }
    }

    @Test
    void requestsMarkedAsLocalGroundTruthsOwnPassUnfaulted() {
        String queue = client.createQueue(b -> b.queueName("internal")).queueUrl();
        FAULTS.inject(Operation.SQS_SEND_MESSAGE, Fault.throttling(1.0));
        try (SqsClient internal = LocalAwsClients.configure(SqsClient.builder(), proxy.endpoint(), sqs.region())
                .overrideConfiguration(c -> c.putHeader(FaultInjector.INTERNAL_CALLER_HEADER, "test")).build()) {
            internal.sendMessage(b -> b.queueUrl(queue).messageBody("internal"));
        } finally {
            FAULTS.reset();
        }
        assertThat(client.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages())
                .extracting(Message::body).containsExactly("internal");
    }

    @Test
    void anUnreachableServerIsAnError502ForTheClient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LocalDefaults.HOST))) {
            closedPort = socket.getLocalPort();
        }
        try (SqsFaultProxy nowhere = new SqsFaultProxy(0, new FaultInjector())
                .start(URI.create("http://127.0.0.1:" + closedPort));
                SqsClient noRetries = LocalAwsClients.configure(SqsClient.builder(), nowhere.endpoint(), sqs.region())
                        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            assertThatThrownBy(noRetries::listQueues)
                    .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.statusCode()).isEqualTo(502));
        }
    }

    @Test
    void closeReleasesThePortAndEveryThreadAlsoWhenNeverStarted() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        SqsFaultProxy started = new SqsFaultProxy(0, new FaultInjector()).start(sqs.endpoint());
        SqsFaultProxy neverStarted = new SqsFaultProxy(0, new FaultInjector());
        try (SqsClient viaProxy = LocalAwsClients.sqs(started.endpoint(), sqs.region())) {
            String queue = viaProxy.createQueue(b -> b.queueName("lifecycle")).queueUrl();
            viaProxy.sendMessage(b -> b.queueUrl(queue).messageBody("hello"));
            assertThat(viaProxy.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(5)).messages()).hasSize(1);
        }

        started.close();
        neverStarted.close();
        started.close(); // idempotent

        for (SqsFaultProxy proxy : List.of(started, neverStarted)) {
            int port = proxy.endpoint().getPort();
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName(LocalDefaults.HOST))) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        }
        assertThatThrownBy(() -> neverStarted.start(sqs.endpoint())).isInstanceOf(IllegalStateException.class);
        // ElasticMQ keeps running for the other tests; its Pekko pool may add threads of its own meanwhile.
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                        .map(Thread::getName).filter(name -> !name.contains("pekko"))).isEmpty());
    }

    private static String randomText(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(94)));
        }
        return text.toString();
    }
}
