package io.github.sagemakerlabeling.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Faults on the SQS endpoint (the fault proxy in front of ElasticMQ), seen through the real {@code SqsClient}. */
class SqsFaultsTest {

    private static LocalGroundTruth local;
    private static FaultInjector faults;
    private SqsClient sqs;
    private String queueUrl;

    @BeforeAll
    static void startStack() {
        local = LocalGroundTruth.builder().start();
        faults = local.faults();
    }

    @AfterAll
    static void stopStack() {
        local.close();
    }

    @BeforeEach
    void queue() {
        sqs = Clients.sqsWithoutRetries(local);
        queueUrl = sqs.createQueue(b -> b.queueName("faults-" + UUID.randomUUID())).queueUrl();
    }

    @AfterEach
    void resetFaults() {
        faults.reset();
        sqs.close();
    }

    @Test
    void queueUrlsNameTheProxy() {
        assertThat(queueUrl).startsWith(local.sqsEndpoint() + "/" + local.accountId() + "/faults-");
    }

    @Test
    void aReceiveFailingWithAServerErrorIsA500SqsException() {
        faults.inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverError(1.0));

        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(queueUrl)))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                    assertThat(e.isThrottlingException()).isFalse();
                });
        assertThat(faults.injected(Operation.SQS_RECEIVE_MESSAGE)).isEqualTo(1);
    }

    @Test
    void theSdksDefaultRetriesRetryEveryServerErrorAndGiveUpAfterTheirLastAttempt() {
        faults.inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverError(1.0));

        try (SqsClient retrying = local.sqsClient()) {
            assertThatThrownBy(() -> retrying.receiveMessage(b -> b.queueUrl(queueUrl)))
                    .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        }

        assertThat(faults.injected(Operation.SQS_RECEIVE_MESSAGE)).isGreaterThan(1);
    }

    @Test
    void withTheSdksDefaultRetriesEveryMessageIsReceivedDespite30PercentServerErrors() {
        // The SDK's default (legacy) strategy makes four attempts. Seed 11 never hits four requests in a row within
        // its first 150 draws, far more than the ~15 receives here take, so the outcome does not depend on luck.
        assertThat(longestRunOfHits(11, 0.3, 150)).isLessThan(4);
        sendHundred(sqs, queueUrl);
        faults.seed(11).inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverError(0.3));

        Set<String> received = new HashSet<>();
        try (SqsClient retrying = local.sqsClient()) {
            List<Message> messages;
            do {
                messages = retrying.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages();
                messages.forEach(message -> received.add(message.body()));
                deleteAll(retrying, messages);
            } while (!messages.isEmpty());
        }

        assertThat(received).hasSize(100);
        assertThat(faults.injected(Operation.SQS_RECEIVE_MESSAGE)).isPositive();
    }

    @Test
    void aThrottledSendIsTheSdksThrottlingExceptionAndSendsNothing() {
        faults.inject(Operation.SQS_SEND_MESSAGE, Fault.throttling(1.0));

        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("lost")))
                .isInstanceOfSatisfying(RequestThrottledException.class, e -> {
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestThrottled");
                });
        assertThat(visibleMessages()).isZero();
    }

    @Test
    void aSendFailingAfterProcessingLeavesTheMessageInTheQueue() {
        faults.inject(Operation.SQS_SEND_MESSAGE, Fault.serverErrorAfterProcessing(1.0));

        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("sent anyway")))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(visibleMessages()).isEqualTo(1);
    }

    @Test
    void halfTheSendBatchEntriesFailTheSameHalfForTheSameSeedAndOnlyTheOthersAreSent() {
        faults.seed(5).inject(Operation.SQS_SEND_MESSAGE_BATCH_ENTRY, Fault.throttling(0.5));

        SendMessageBatchResponse first = sendBatch("a");
        faults.seed(5);
        SendMessageBatchResponse second = sendBatch("b");

        List<String> failedIds = first.failed().stream().map(BatchResultErrorEntry::id).toList();
        List<String> successfulIds = first.successful().stream().map(SendMessageBatchResultEntry::id).toList();
        assertThat(failedIds).isNotEmpty().hasSizeLessThan(10);
        assertThat(successfulIds).hasSize(10 - failedIds.size()).doesNotContainAnyElementsOf(failedIds);
        assertThat(second.failed().stream().map(BatchResultErrorEntry::id)).containsExactlyElementsOf(failedIds);
        assertThat(first.failed()).allSatisfy(entry -> {
            assertThat(entry.code()).isEqualTo("RequestThrottled");
            assertThat(entry.senderFault()).isFalse();
        });
        assertThat(first.successful()).allSatisfy(entry -> assertThat(entry.messageId()).isNotBlank());

        faults.clear();
        List<String> expected = new ArrayList<>();
        successfulIds.forEach(id -> expected.add("a-" + id));
        successfulIds.forEach(id -> expected.add("b-" + id));
        assertThat(receiveAll()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBatchWhoseEntriesAllFailIsAnsweredWithoutReachingTheQueue() {
        faults.inject(Operation.SQS_SEND_MESSAGE_BATCH_ENTRY, Fault.serverError(1.0));

        SendMessageBatchResponse response = sendBatch("c");

        assertThat(response.successful()).isEmpty();
        assertThat(response.failed()).hasSize(10).allSatisfy(entry -> assertThat(entry.code()).isEqualTo("InternalFailure"));
        assertThat(visibleMessages()).isZero();
    }

    @Test
    void deleteBatchEntriesThatFailKeepTheirMessages() {
        sendBatch("d");
        List<Message> messages = receiveTen();
        faults.seed(21).inject(Operation.SQS_DELETE_MESSAGE_BATCH_ENTRY, Fault.serverError(0.5));

        DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(
                IntStream.range(0, messages.size()).mapToObj(i -> DeleteMessageBatchRequestEntry.builder()
                        .id("m" + i).receiptHandle(messages.get(i).receiptHandle()).build()).toList()));

        assertThat(response.failed()).isNotEmpty();
        assertThat(response.successful()).hasSize(10 - response.failed().size());
        assertThat(inFlightMessages()).isEqualTo(response.failed().size());
        assertThat(faults.injected(Operation.SQS_DELETE_MESSAGE_BATCH_ENTRY)).isEqualTo(response.failed().size());
    }

    @Test
    void aWholeDeleteBatchCanFail() {
        sendBatch("e");
        List<Message> messages = receiveTen();
        faults.inject(Operation.SQS_DELETE_MESSAGE_BATCH, Fault.serverError(1.0));

        assertThatThrownBy(() -> deleteAll(sqs, messages))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(inFlightMessages()).isEqualTo(10);
    }

    @Test
    void aDelayAddsAtLeastTheDelay() {
        faults.inject(Operation.SQS_SEND_MESSAGE, Fault.delay(Duration.ofMillis(400)));

        long start = System.nanoTime();
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("late"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(faults.injected(Operation.SQS_SEND_MESSAGE, Fault.Kind.DELAY)).isEqualTo(1);
        assertThat(visibleMessages()).isEqualTo(1);
    }

    @Test
    void clearRemovesTheFaults() {
        faults.inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverError(1.0));
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(queueUrl))).isInstanceOf(SqsException.class);

        faults.clear();

        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl)).messages()).isEmpty();
    }

    @Test
    void theQueryProtocolIsForwardedAndFaultedToo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest listQueues = HttpRequest.newBuilder(URI.create(local.sqsEndpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=ListQueues&Version=2012-11-05")).build();

        HttpResponse<String> ok = http.send(listQueues, HttpResponse.BodyHandlers.ofString());
        faults.inject(Operation.SQS_LIST_QUEUES, Fault.throttling(1.0));
        HttpResponse<String> throttled = http.send(listQueues, HttpResponse.BodyHandlers.ofString());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("<ListQueuesResponse").contains(queueUrl);
        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.headers().firstValue("Content-Type")).contains("text/xml");
        assertThat(throttled.body()).contains("<ErrorResponse").contains("<Type>Sender</Type>")
                .contains("<Code>RequestThrottled</Code>");
    }

    private static int longestRunOfHits(long seed, double probability, int draws) {
        FaultInjector injector = new FaultInjector().seed(seed)
                .inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverError(probability));
        int run = 0;
        int longest = 0;
        for (int i = 0; i < draws; i++) {
            run = injector.decide(Operation.SQS_RECEIVE_MESSAGE).failure().isPresent() ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private SendMessageBatchResponse sendBatch(String prefix) {
        return sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(IntStream.range(0, 10)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(prefix + "-e" + i).build())
                .toList()));
    }

    private static void sendHundred(SqsClient client, String url) {
        for (int batch = 0; batch < 10; batch++) {
            int first = batch * 10;
            client.sendMessageBatch(b -> b.queueUrl(url).entries(IntStream.range(first, first + 10)
                    .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody("message " + i).build())
                    .toList()));
        }
    }

    private List<Message> receiveTen() {
        List<Message> messages = new ArrayList<>();
        while (messages.size() < 10) {
            messages.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages());
        }
        return messages;
    }

    private List<String> receiveAll() {
        List<String> bodies = new ArrayList<>();
        List<Message> messages;
        do {
            messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            messages.forEach(message -> bodies.add(message.body()));
            deleteAll(sqs, messages);
        } while (!messages.isEmpty());
        return bodies;
    }

    private void deleteAll(SqsClient client, List<Message> messages) {
        if (!messages.isEmpty()) {
            client.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(IntStream.range(0, messages.size())
                    .mapToObj(i -> DeleteMessageBatchRequestEntry.builder().id("d" + i)
                            .receiptHandle(messages.get(i).receiptHandle()).build()).toList()));
        }
    }

    private int visibleMessages() {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private int inFlightMessages() {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
