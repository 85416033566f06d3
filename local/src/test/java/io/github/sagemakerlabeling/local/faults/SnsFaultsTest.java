package io.github.sagemakerlabeling.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.ThrottledException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Faults on the SNS endpoint, seen through the real {@code SnsClient}. */
class SnsFaultsTest {

    private static LocalGroundTruth local;
    private static FaultInjector faults;
    private static SqsClient sqs;
    private SnsClient sns;
    private String topicArn;
    private String queueUrl;

    @BeforeAll
    static void startStack() {
        local = LocalGroundTruth.builder().start();
        faults = local.faults();
        sqs = local.sqsClient();
    }

    @AfterAll
    static void stopStack() {
        sqs.close();
        local.close();
    }

    /** A topic with a queue subscribed (raw delivery), and a client that does not retry. */
    @BeforeEach
    void topicWithQueue() {
        sns = Clients.snsWithoutRetries(local);
        String name = "faults-" + UUID.randomUUID();
        topicArn = sns.createTopic(b -> b.name(name)).topicArn();
        queueUrl = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
    }

    @AfterEach
    void resetFaults() {
        faults.reset();
        sns.close();
    }

    @Test
    void aThrottledPublishIsTheSdksThrottlingExceptionAndPublishesNothing() {
        faults.inject(Operation.SNS_PUBLISH, Fault.throttling(1.0));

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topicArn).message("lost")))
                .isInstanceOfSatisfying(ThrottledException.class, e -> {
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttled");
                });

        assertThat(faults.injected(Operation.SNS_PUBLISH)).isEqualTo(1);
        assertThat(faults.injected(Operation.SNS_PUBLISH, Fault.Kind.THROTTLING)).isEqualTo(1);
        assertThat(bodies()).isEmpty();
    }

    @Test
    void theSdksDefaultRetriesRetryAThrottledPublish() {
        faults.inject(Operation.SNS_PUBLISH, Fault.throttling(1.0).times(1));

        try (SnsClient retrying = local.snsClient()) {
            retrying.publish(b -> b.topicArn(topicArn).message("retried"));
        }

        assertThat(faults.injected(Operation.SNS_PUBLISH, Fault.Kind.THROTTLING)).isEqualTo(1);
        assertThat(bodies()).containsExactly("retried");
    }

    @Test
    void aServerErrorIsA500ThatTheSdksDefaultRetriesGetPast() {
        faults.inject(Operation.SNS_PUBLISH, Fault.serverError(1.0).times(2));

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topicArn).message("first")))
                .isInstanceOfSatisfying(InternalErrorException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.isThrottlingException()).isFalse();
                });
        try (SnsClient retrying = local.snsClient()) {
            retrying.publish(b -> b.topicArn(topicArn).message("second")); // one more fault, then success
        }

        assertThat(faults.injected(Operation.SNS_PUBLISH, Fault.Kind.SERVER_ERROR)).isEqualTo(2);
        assertThat(bodies()).containsExactly("second");
    }

    @Test
    void halfTheBatchEntriesFailTheSameHalfForTheSameSeedAndOnlyTheOthersAreDelivered() {
        faults.seed(42).inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.throttling(0.5));

        PublishBatchResponse first = publishBatch("a");
        faults.seed(42);
        PublishBatchResponse second = publishBatch("b");

        List<String> failedIds = first.failed().stream().map(BatchResultErrorEntry::id).toList();
        List<String> successfulIds = first.successful().stream().map(PublishBatchResultEntry::id).toList();
        assertThat(failedIds).isNotEmpty().hasSizeLessThan(10);
        assertThat(successfulIds).hasSize(10 - failedIds.size()).doesNotContainAnyElementsOf(failedIds);
        assertThat(second.failed().stream().map(BatchResultErrorEntry::id)).containsExactlyElementsOf(failedIds);
        assertThat(first.failed()).allSatisfy(entry -> {
            assertThat(entry.code()).isEqualTo("Throttled");
            assertThat(entry.senderFault()).isFalse();
        });
        assertThat(faults.injected(Operation.SNS_PUBLISH_BATCH_ENTRY)).isEqualTo(2L * failedIds.size());

        List<String> expected = new ArrayList<>();
        successfulIds.forEach(id -> expected.add("a-" + id));
        successfulIds.forEach(id -> expected.add("b-" + id));
        assertThat(bodies()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anEntryFailingAfterProcessingIsReportedFailedYetDelivered() {
        faults.inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.serverErrorAfterProcessing(1.0).times(1));

        PublishBatchResponse response = publishBatch("c");

        assertThat(response.failed()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("e0");
            assertThat(entry.code()).isEqualTo("InternalError");
            assertThat(entry.senderFault()).isFalse();
        });
        assertThat(bodies()).hasSize(10).contains("c-e0");
    }

    @Test
    void aWholePublishBatchCanFail() {
        faults.inject(Operation.SNS_PUBLISH_BATCH, Fault.serverError(1.0));

        assertThatThrownBy(() -> publishBatch("d")).isInstanceOf(InternalErrorException.class);
        assertThat(faults.injected(Operation.SNS_PUBLISH_BATCH)).isEqualTo(1);
        assertThat(faults.injected(Operation.SNS_PUBLISH_BATCH_ENTRY)).isZero();
    }

    @Test
    void aDelayAddsAtLeastTheDelay() {
        faults.inject(Operation.SNS_PUBLISH, Fault.delay(Duration.ofMillis(400)));

        long start = System.nanoTime();
        sns.publish(b -> b.topicArn(topicArn).message("late"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(faults.injected(Operation.SNS_PUBLISH, Fault.Kind.DELAY)).isEqualTo(1);
        assertThat(bodies()).containsExactly("late");
    }

    @Test
    void clearRemovesTheFaults() {
        faults.inject(Operation.SNS_PUBLISH, Fault.throttling(1.0));
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topicArn).message("x")))
                .isInstanceOf(ThrottledException.class);

        faults.clear();

        sns.publish(b -> b.topicArn(topicArn).message("y"));
        assertThat(bodies()).containsExactly("y");
        assertThat(faults.injected(Operation.SNS_PUBLISH)).isEqualTo(1);
    }

    @Test
    void anyActionCanBeFaulted() {
        faults.inject(Operation.SNS_CREATE_TOPIC, Fault.throttling(1.0))
                .inject(Operation.SNS_LIST_SUBSCRIPTIONS_BY_TOPIC, Fault.serverError(1.0));

        assertThatThrownBy(() -> sns.createTopic(b -> b.name("never"))).isInstanceOf(ThrottledException.class);
        assertThatThrownBy(() -> sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)))
                .isInstanceOf(InternalErrorException.class);
        assertThat(sns.listTopics().topics()).noneMatch(topic -> topic.topicArn().endsWith(":never"));
    }

    @Test
    void requestsMarkedAsLocalGroundTruthsOwnAreNeverFaulted() {
        faults.inject(Operation.SNS_PUBLISH, Fault.throttling(1.0));

        try (SnsClient internal = LocalAwsClients.configure(SnsClient.builder(), local.snsEndpoint(), local.region())
                .overrideConfiguration(c -> c.putHeader(FaultInjector.INTERNAL_CALLER_HEADER, "test")).build()) {
            internal.publish(b -> b.topicArn(topicArn).message("internal"));
        }

        assertThat(bodies()).containsExactly("internal");
        assertThat(faults.injected(Operation.SNS_PUBLISH)).isZero();
    }

    private PublishBatchResponse publishBatch(String prefix) {
        List<PublishBatchRequestEntry> entries = IntStream.range(0, 10)
                .mapToObj(i -> PublishBatchRequestEntry.builder().id("e" + i).message(prefix + "-e" + i).build())
                .toList();
        return sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries));
    }

    /**
     * Every body on the queue, read until a receive comes back empty. SNS delivers before {@code Publish} answers, so
     * whatever was delivered is there: no receive needs to wait for more (the local SQS, ElasticMQ, answers a short
     * poll with every visible message).
     */
    private List<String> bodies() {
        List<String> bodies = new ArrayList<>();
        List<Message> messages;
        do {
            messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            messages.forEach(message -> bodies.add(message.body()));
        } while (!messages.isEmpty());
        return bodies;
    }
}
