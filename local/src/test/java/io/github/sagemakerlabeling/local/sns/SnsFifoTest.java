package io.github.sagemakerlabeling.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SnsFifoTest extends SnsTestSupport {

    @Test
    void deliversToFifoQueuesWithGroupAndDeduplicationIdsOnceForARepeatedId() {
        String topicArn = createFifoTopic(unique("fifo") + ".fifo", false);
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));
        // A standard queue on the same topic has no deduplication of its own: it shows what the topic delivered.
        Queue standard = standardQueueOn(topicArn);

        PublishResponse response = publish(topicArn, "first", "group-a", "dedup-1");
        PublishResponse repeated = publish(topicArn, "first, sent again", "group-a", "dedup-1");

        assertThat(response.sequenceNumber()).matches("\\d{20}");
        assertThat(repeated.messageId()).as("the repeat is answered as the first publish")
                .isEqualTo(response.messageId());
        assertThat(drain(queue)).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("first");
            assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "group-a")
                    .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "dedup-1");
        });
        assertThat(drain(standard)).extracting(Message::body).containsExactly("first");
    }

    @Test
    void theEnvelopeOfAFifoTopicCarriesTheSequenceNumber() throws Exception {
        String topicArn = createFifoTopic(unique("fifo") + ".fifo", true);
        Queue queue = subscribedQueue(topicArn, Map.of());

        String sequenceNumber = snsClient.publish(r -> r.topicArn(topicArn).message("enveloped")
                .messageGroupId("g")).sequenceNumber();

        JsonNode envelope = Json.read(drain(queue).get(0).body());
        assertThat(envelope.get("SequenceNumber").asText()).isEqualTo(sequenceNumber);
        assertThat(envelope.get("Message").asText()).isEqualTo("enveloped");
    }

    @Test
    void aRepeatedDeduplicationIdIsNotPublishedAgainWithinFiveMinutes() {
        String topicArn = createFifoTopic(unique("dedup") + ".fifo", false);
        Queue queue = standardQueueOn(topicArn);

        PublishResponse first = publish(topicArn, "original", "g", "same-id");
        clock.advance(Duration.ofMinutes(4));
        PublishResponse repeated = publish(topicArn, "repeat", "g", "same-id");

        assertThat(repeated.messageId()).isEqualTo(first.messageId());
        assertThat(repeated.sequenceNumber()).isEqualTo(first.sequenceNumber());
        assertThat(drain(queue)).extracting(Message::body).containsExactly("original");
    }

    @Test
    void aDeduplicationIdCanBeUsedAgainAfterFiveMinutes() {
        String topicArn = createFifoTopic(unique("dedup") + ".fifo", false);
        Queue queue = standardQueueOn(topicArn);

        PublishResponse first = publish(topicArn, "before", "g", "reused-id");
        clock.advance(Duration.ofMinutes(5));
        PublishResponse second = publish(topicArn, "after", "g", "reused-id");

        assertThat(second.messageId()).isNotEqualTo(first.messageId());
        assertThat(second.sequenceNumber()).isGreaterThan(first.sequenceNumber());
        assertThat(drain(queue)).extracting(Message::body).containsExactlyInAnyOrder("before", "after");
    }

    @Test
    void contentBasedDeduplicationUsesTheSha256OfTheMessage() throws Exception {
        String topicArn = createFifoTopic(unique("content") + ".fifo", true);
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));

        PublishResponse first = snsClient.publish(r -> r.topicArn(topicArn).message("same body").messageGroupId("g"));
        PublishResponse second = snsClient.publish(r -> r.topicArn(topicArn).message("same body").messageGroupId("g"));
        snsClient.publish(r -> r.topicArn(topicArn).message("other body").messageGroupId("g"));

        assertThat(second.messageId()).isEqualTo(first.messageId());
        String expectedId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("same body".getBytes(StandardCharsets.UTF_8)));
        List<Message> messages = drain(queue);
        assertThat(messages).extracting(Message::body).containsExactly("same body", "other body");
        assertThat(messages.get(0).attributes())
                .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, expectedId);
    }

    @Test
    void aRepeatedBodyIsNotPublishedAgainWithinFiveMinutesOfContentBasedDeduplicationButIsAfter() {
        String topicArn = createFifoTopic(unique("content") + ".fifo", true);
        Queue queue = standardQueueOn(topicArn);

        PublishResponse first = publishInGroup(topicArn, "the same review");
        clock.advance(Duration.ofMinutes(4));
        PublishResponse repeated = publishInGroup(topicArn, "the same review");
        List<Message> withinTheWindow = drain(queue);
        clock.advance(Duration.ofMinutes(1));
        PublishResponse afterTheWindow = publishInGroup(topicArn, "the same review");

        assertThat(repeated.messageId()).isEqualTo(first.messageId());
        assertThat(withinTheWindow).extracting(Message::body).containsExactly("the same review");
        assertThat(afterTheWindow.messageId()).isNotEqualTo(first.messageId());
        assertThat(afterTheWindow.sequenceNumber()).isGreaterThan(first.sequenceNumber());
        // The first copy is still in flight (received, not deleted): only what came after the window is visible.
        assertThat(drain(queue)).extracting(Message::body).containsExactly("the same review");
    }

    @Test
    void messagesOfAGroupArriveInPublishOrderWithIncreasingSequenceNumbers() {
        String topicArn = createFifoTopic(unique("order") + ".fifo", true);
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));
        List<String> sequenceNumbers = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            int index = i;
            sequenceNumbers.add(snsClient.publish(r -> r.topicArn(topicArn).message("m" + index)
                    .messageGroupId("g")).sequenceNumber());
        }

        assertThat(sequenceNumbers).isSorted().doesNotHaveDuplicates();
        List<String> bodies = new ArrayList<>();
        while (bodies.size() < 5) {
            List<Message> batch = drain(queue);
            assertThat(batch).as("messages still expected").isNotEmpty();
            batch.forEach(message -> {
                bodies.add(message.body());
                sqsClient.deleteMessage(r -> r.queueUrl(queue.url()).receiptHandle(message.receiptHandle()));
            });
        }
        assertThat(bodies).containsExactly("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void fifoPublishRules() {
        String explicitTopic = createFifoTopic(unique("rules") + ".fifo", false);

        assertThatThrownBy(() -> snsClient.publish(r -> r.topicArn(explicitTopic).message("m")
                .messageDeduplicationId("d"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("MessageGroupId");
        assertThatThrownBy(() -> snsClient.publish(r -> r.topicArn(explicitTopic).message("m").messageGroupId("g")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("ContentBasedDeduplication");
        assertThatThrownBy(() -> publish(explicitTopic, "m", "g", "x".repeat(129)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("MessageDeduplicationId");
    }

    @Test
    void contentBasedDeduplicationCanBeSwitchedOn() {
        String topicArn = createFifoTopic(unique("switch") + ".fifo", false);

        snsClient.setTopicAttributes(r -> r.topicArn(topicArn).attributeName("ContentBasedDeduplication")
                .attributeValue("true"));

        assertThat(snsClient.publish(r -> r.topicArn(topicArn).message("m").messageGroupId("g")).messageId())
                .isNotBlank();
    }

    @Test
    void standardQueuesMaySubscribeToFifoTopics() {
        String topicArn = createFifoTopic(unique("mixed") + ".fifo", true);
        Queue standard = standardQueueOn(topicArn);

        snsClient.publish(r -> r.topicArn(topicArn).message("to a standard queue").messageGroupId("g"));

        assertThat(drain(standard)).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("to a standard queue");
            assertThat(message.attributes()).as("a FIFO topic's group id is not passed to standard queues")
                    .doesNotContainKey(MessageSystemAttributeName.MESSAGE_GROUP_ID);
        });
    }

    @Test
    void publishBatchOnAFifoTopic() {
        String topicArn = createFifoTopic(unique("batch") + ".fifo", false);
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));

        PublishBatchResponse response = snsClient.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("a").messageGroupId("g")
                        .messageDeduplicationId("a").build(),
                PublishBatchRequestEntry.builder().id("no-group").message("b").messageDeduplicationId("b").build(),
                PublishBatchRequestEntry.builder().id("c").message("c").messageGroupId("g")
                        .messageDeduplicationId("c").build(),
                PublishBatchRequestEntry.builder().id("a-again").message("a2").messageGroupId("g")
                        .messageDeduplicationId("a").build()));

        assertThat(response.successful()).extracting(PublishBatchResultEntry::id).containsExactly("a", "c", "a-again");
        assertThat(response.successful().get(2).messageId()).isEqualTo(response.successful().get(0).messageId());
        assertThat(response.successful()).allSatisfy(entry -> assertThat(entry.sequenceNumber()).isNotBlank());
        assertThat(response.failed()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("no-group");
            assertThat(entry.code()).isEqualTo("InvalidParameter");
        });
        assertThat(drain(queue)).extracting(Message::body).containsExactly("a", "c");
    }

    @Test
    void aBatchLargerThanOneSqsBatchOnceEnvelopedArrivesWholeAndInOrder() throws Exception {
        String topicArn = createFifoTopic(unique("large") + ".fifo", true);
        Queue queue = subscribedQueue(topicArn, Map.of());
        List<PublishBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // 10 x 26,000 bytes fit SNS's 256 KiB; with the JSON envelope around each they pass SQS's batch limit.
            entries.add(PublishBatchRequestEntry.builder().id("e" + i).message(i + "x".repeat(25_999))
                    .messageGroupId("g").build());
        }

        PublishBatchResponse response = snsClient.publishBatch(r -> r.topicArn(topicArn)
                .publishBatchRequestEntries(entries));

        assertThat(response.failed()).isEmpty();
        List<Message> received = new ArrayList<>();
        while (received.size() < 10) {
            List<Message> batch = drain(queue);
            assertThat(batch).as("messages still expected").isNotEmpty();
            batch.forEach(message -> {
                received.add(message);
                sqsClient.deleteMessage(r -> r.queueUrl(queue.url()).receiptHandle(message.receiptHandle()));
            });
        }
        assertThat(received.stream().mapToInt(message -> message.body().getBytes(StandardCharsets.UTF_8).length)
                .sum()).as("more than one SendMessageBatch may carry").isGreaterThan(SqsDelivery.MAX_BATCH_BYTES);
        List<String> messages = new ArrayList<>();
        for (Message message : received) {
            messages.add(Json.read(message.body()).get("Message").asText());
        }
        assertThat(messages).isEqualTo(entries.stream().map(PublishBatchRequestEntry::message).toList());
        assertThat(received).allSatisfy(message -> assertThat(message.attributes())
                .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "g")
                .containsKey(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID));
    }

    /** A standard queue on a FIFO topic: it shows what the topic delivers, without the queue's own deduplication. */
    private static Queue standardQueueOn(String topicArn) {
        Queue queue = createQueue(unique("standard"));
        snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));
        return queue;
    }

    private static PublishResponse publishInGroup(String topicArn, String message) {
        return snsClient.publish(r -> r.topicArn(topicArn).message(message).messageGroupId("g"));
    }

    private static PublishResponse publish(String topicArn, String message, String groupId, String deduplicationId) {
        return snsClient.publish(r -> r.topicArn(topicArn).message(message).messageGroupId(groupId)
                .messageDeduplicationId(deduplicationId));
    }
}
