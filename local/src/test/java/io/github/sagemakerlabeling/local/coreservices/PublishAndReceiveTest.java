package io.github.sagemakerlabeling.local.coreservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.service.DataObjectPublisher;
import io.github.sagemakerlabeling.core.service.OutputQueue;
import io.github.sagemakerlabeling.core.service.OutputQueues;
import io.github.sagemakerlabeling.core.service.OutputReceiver;
import io.github.sagemakerlabeling.core.service.PublishedObject;
import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import io.github.sagemakerlabeling.core.service.RetrySettings;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class PublishAndReceiveTest {

    private static LocalGroundTruth local;
    private static SnsClient sns;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        local = LocalGroundTruth.builder().start();
        sns = local.snsClient();
        sqs = local.sqsClient();
    }

    @AfterAll
    static void stop() {
        sns.close();
        sqs.close();
        local.close();
    }

    @Test
    void oneObjectIsPublishedAsOneManifestLineWithItsDedupId() throws Exception {
        String topic = sns.createTopic(b -> b.name(ServiceFixtures.unique("in"))).topicArn();
        String queue = ServiceFixtures.rawQueueOn(sqs, sns, topic);

        PublishedObject published = new DataObjectPublisher(sns, topic, RetrySettings.defaults())
                .publish(DataObject.text("The food was delicious").withAttribute("batch", 7));

        List<Message> messages = receiveAll(queue, 1);
        assertThat(Json.read(messages.get(0).body())).isEqualTo(Json.read("{\"source\":\"The food was delicious\","
                + "\"batch\":7,\"dataset-objectid-attribute-name\":\"labeling-object-id\",\"labeling-object-id\":\""
                + published.dedupId() + "\"}"));
        assertThat(published.messageId()).isNotBlank();
        assertThat(published.source()).contains("The food was delicious");
    }

    @Test
    void manyObjectsGoOutInBatchesAndEachArrivesOnce() {
        String topic = sns.createTopic(b -> b.name(ServiceFixtures.unique("in"))).topicArn();
        String queue = ServiceFixtures.rawQueueOn(sqs, sns, topic);
        List<DataObject> objects = IntStream.range(0, 25).mapToObj(i -> DataObject.text("text " + i)).toList();

        List<PublishedObject> published = new DataObjectPublisher(sns, topic, RetrySettings.defaults()).publishAll(objects);

        assertThat(published).extracting(p -> p.source().orElseThrow())
                .containsExactlyElementsOf(objects.stream().map(o -> o.source().orElseThrow()).toList());
        assertThat(receiveAll(queue, 25)).extracting(Message::body).doesNotHaveDuplicates().hasSize(25);
    }

    @Test
    void batchesStayUnderTheSnsSizeLimit() {
        String topic = sns.createTopic(b -> b.name(ServiceFixtures.unique("in"))).topicArn();
        String queue = ServiceFixtures.rawQueueOn(sqs, sns, topic);
        // Five objects of about 100 KB: a single PublishBatch of all of them would exceed 256 KiB and be refused.
        List<DataObject> objects = IntStream.range(0, 5)
                .mapToObj(i -> DataObject.text(("t" + i).repeat(9_000)).withAttribute("pad", "p".repeat(19_000))
                        .withAttribute("pad2", "q".repeat(19_000)).withAttribute("pad3", "r".repeat(19_000))
                        .withAttribute("pad4", "s".repeat(19_000)))
                .toList();

        assertThat(new DataObjectPublisher(sns, topic, RetrySettings.defaults()).publishAll(objects)).hasSize(5);
        assertThat(receiveAll(queue, 5)).hasSize(5);
    }

    @Test
    void invalidObjectsAreAllReportedAndNothingIsPublished() {
        String topic = sns.createTopic(b -> b.name(ServiceFixtures.unique("in"))).topicArn();
        String queue = ServiceFixtures.rawQueueOn(sqs, sns, topic);
        List<DataObject> objects = List.of(DataObject.text("fine"), DataObject.text("x".repeat(20_001)),
                DataObject.text("fine too").withAttribute("$bad", 1));

        assertThatThrownBy(() -> new DataObjectPublisher(sns, topic, RetrySettings.defaults()).publishAll(objects))
                .isInstanceOfSatisfying(LabelingValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).anyMatch(f -> f.startsWith("objects[1]."))
                        .anyMatch(f -> f.startsWith("objects[2].")));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages()).isEmpty();
    }

    @Test
    void provisioningIsIdempotentAndSubscribesWithRawDelivery() {
        String topic = sns.createTopic(b -> b.name(ServiceFixtures.unique("out"))).topicArn();
        String queueName = ServiceFixtures.unique("labeled");
        OutputQueues queues = new OutputQueues(sqs, sns);

        OutputQueue first = queues.provision(topic, queueName);
        OutputQueue second = queues.provision(topic, queueName);

        assertThat(second.queueUrl()).isEqualTo(first.queueUrl());
        assertThat(second.subscriptionArn()).isEqualTo(first.subscriptionArn());
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).hasSize(1);
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(first.subscriptionArn().orElseThrow()))
                .attributes()).containsEntry("RawMessageDelivery", "true");
        sns.publish(b -> b.topicArn(topic).message("{\"source\":\"x\",\"l\":0,\"l-metadata\":{}}"));
        assertThat(receiveAll(first.queueUrl(), 1).get(0).body()).isEqualTo("{\"source\":\"x\",\"l\":0,\"l-metadata\":{}}");
    }

    @Test
    void theReceiverReadsRawAndEnvelopedOutputKeepsMalformedTextAndDeletesOnlyWhenTold() {
        String queue = sqs.createQueue(b -> b.queueName(ServiceFixtures.unique("out"))).queueUrl();
        String line = "{\"source\":\"The food was delicious\",\"mood\":1,\"mood-metadata\":{\"class-name\":\"positive\","
                + "\"confidence\":0.8,\"type\":\"groundtruth/text-classification\",\"job-name\":\"label-sentiment\","
                + "\"human-annotated\":\"yes\",\"creation-date\":\"2020-10-18T22:18:13.527256\"}}";
        String envelope = Json.write(Json.mapper().createObjectNode().put("Type", "Notification")
                .put("MessageId", "m-1").put("Message", line));
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(line));
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(envelope));
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("not json"));
        OutputReceiver receiver = new OutputReceiver(sqs, queue, Optional.of("mood"));

        List<ReceivedOutput> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            received.addAll(receiver.receive(10, 1));
            return received.size() == 3;
        });

        assertThat(received).filteredOn(r -> !r.isMalformed()).hasSize(2)
                .allSatisfy(r -> assertThat(r.result().orElseThrow().annotation(ClassLabel.class).className())
                        .isEqualTo("positive"));
        ReceivedOutput malformed = received.stream().filter(ReceivedOutput::isMalformed).findFirst().orElseThrow();
        assertThat(malformed.error().orElseThrow().rawText()).isEqualTo("not json");

        receiver.release(malformed);
        assertThat(receiver.delete(received.stream().filter(r -> !r.isMalformed()).toList())).isEmpty();
        List<ReceivedOutput> again = receiver.receive(10, 2);
        assertThat(again).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("not json"));
    }

    private static List<Message> receiveAll(String queue, int expected) {
        List<Message> messages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            messages.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle())));
            return messages.size() >= expected;
        });
        return messages;
    }
}
