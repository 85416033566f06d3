package io.github.sagemakerlabeling.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SnsPublishTest extends SnsTestSupport {

    private static final Map<String, MessageAttributeValue> ATTRIBUTES = Map.of(
            "color", MessageAttributeValue.builder().dataType("String").stringValue("red").build(),
            "price", MessageAttributeValue.builder().dataType("Number").stringValue("12.5").build(),
            "blob", MessageAttributeValue.builder().dataType("Binary")
                    .binaryValue(SdkBytes.fromUtf8String("bytes")).build());

    @Test
    void deliversTheSnsEnvelopeByDefault() throws Exception {
        String topicArn = createTopic(unique("envelope"));
        Queue queue = subscribedQueue(topicArn, Map.of());
        String subscriptionArn = snsClient.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions().get(0)
                .subscriptionArn();

        String messageId = snsClient.publish(r -> r.topicArn(topicArn).message("{\"source\":\"hello\"}")
                .subject("Greeting").messageAttributes(ATTRIBUTES)).messageId();

        List<Message> messages = drain(queue);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).messageAttributes()).as("the envelope carries the attributes").isEmpty();
        JsonNode envelope = Json.read(messages.get(0).body());
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.get("TopicArn").asText()).isEqualTo(topicArn);
        assertThat(envelope.get("Subject").asText()).isEqualTo("Greeting");
        assertThat(envelope.get("Message").asText()).isEqualTo("{\"source\":\"hello\"}");
        assertThat(Instant.parse(envelope.get("Timestamp").asText())).isEqualTo(
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        assertThat(envelope.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(envelope.get("Signature").asText()).isNotBlank();
        assertThat(envelope.get("SigningCertURL").asText()).startsWith(sns.endpoint().toString());
        assertThat(envelope.get("UnsubscribeURL").asText())
                .isEqualTo(sns.endpoint() + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn);
        assertThat(envelope.get("MessageAttributes").get("color").get("Type").asText()).isEqualTo("String");
        assertThat(envelope.get("MessageAttributes").get("color").get("Value").asText()).isEqualTo("red");
        assertThat(envelope.get("MessageAttributes").get("price").get("Type").asText()).isEqualTo("Number");
        assertThat(envelope.get("MessageAttributes").get("price").get("Value").asText()).isEqualTo("12.5");
        assertThat(envelope.get("MessageAttributes").get("blob").get("Type").asText()).isEqualTo("Binary");
        assertThat(envelope.get("MessageAttributes").get("blob").get("Value").asText())
                .isEqualTo(Base64.getEncoder().encodeToString("bytes".getBytes(StandardCharsets.UTF_8)));
        assertThat(fieldNames(envelope)).containsExactly("Type", "MessageId", "TopicArn", "Subject", "Message",
                "Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes");
    }

    @Test
    void theEnvelopeLeavesOutSubjectAndAttributesWhenThereAreNone() throws Exception {
        String topicArn = createTopic(unique("plain"));
        Queue queue = subscribedQueue(topicArn, Map.of());

        snsClient.publish(r -> r.topicArn(topicArn).message("plain"));

        JsonNode envelope = Json.read(drain(queue).get(0).body());
        assertThat(fieldNames(envelope)).doesNotContain("Subject", "MessageAttributes", "SequenceNumber");
    }

    @Test
    void rawDeliveryPassesBodyAndAttributesThrough() {
        String topicArn = createTopic(unique("raw"));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));

        snsClient.publish(r -> r.topicArn(topicArn).message("{\"source\":\"raw\"}").subject("ignored")
                .messageAttributes(ATTRIBUTES));

        List<Message> messages = drain(queue);
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("{\"source\":\"raw\"}");
            assertThat(message.messageAttributes()).containsOnlyKeys("color", "price", "blob");
            assertThat(message.messageAttributes().get("color").dataType()).isEqualTo("String");
            assertThat(message.messageAttributes().get("color").stringValue()).isEqualTo("red");
            assertThat(message.messageAttributes().get("price").dataType()).isEqualTo("Number");
            assertThat(message.messageAttributes().get("price").stringValue()).isEqualTo("12.5");
            assertThat(message.messageAttributes().get("blob").dataType()).isEqualTo("Binary");
            assertThat(message.messageAttributes().get("blob").binaryValue().asUtf8String()).isEqualTo("bytes");
        });
    }

    @Test
    void everySubscriptionGetsItsOwnCopy() throws Exception {
        String topicArn = createTopic(unique("fan"));
        Queue envelopeQueue = subscribedQueue(topicArn, Map.of());
        Queue rawQueue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));

        snsClient.publish(r -> r.topicArn(topicArn).message("to all"));

        assertThat(Json.read(drain(envelopeQueue).get(0).body()).get("Message").asText()).isEqualTo("to all");
        assertThat(drain(rawQueue)).extracting(Message::body).containsExactly("to all");
    }

    @Test
    void messageStructureJsonPicksTheSqsMessage() {
        String topicArn = createTopic(unique("structure"));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));

        snsClient.publish(r -> r.topicArn(topicArn).messageStructure("json")
                .message("{\"default\":\"for everyone\",\"sqs\":\"for queues\"}"));
        snsClient.publish(r -> r.topicArn(topicArn).messageStructure("json").message("{\"default\":\"fallback\"}"));

        assertThat(drain(queue)).extracting(Message::body).containsExactlyInAnyOrder("for queues", "fallback");
        assertThatThrownBy(() -> snsClient.publish(r -> r.topicArn(topicArn).messageStructure("json")
                .message("{\"sqs\":\"no default\"}"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("No default entry");
    }

    @Test
    void publishErrors() {
        String topicArn = createTopic(unique("errors"));

        assertThatThrownBy(() -> snsClient.publish(r -> r.topicArn(sns.topicArn(unique("none"))).message("x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> snsClient.publish(r -> r.topicArn(topicArn).message("")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Empty message");
        assertThatThrownBy(() -> snsClient.publish(r -> r.message("no topic")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("TopicArn");
        assertThatThrownBy(() -> snsClient.publish(r -> r.topicArn(topicArn).message("x").subject("line\nbreak")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Subject");
        assertThatThrownBy(() -> snsClient.publish(r -> r.topicArn(topicArn).message("x")
                .messageDeduplicationId("d")))
                .as("deduplication ids belong to FIFO topics").isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("MessageDeduplicationId");
        assertThatThrownBy(() -> snsClient.publish(r -> r.topicArn(topicArn).message("x")
                .messageGroupId("x".repeat(129)))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("MessageGroupId");
    }

    @Test
    void aStandardTopicForwardsTheGroupIdToStandardQueuesForFairQueueing() {
        String topicArn = createTopic(unique("fair"));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));

        snsClient.publish(r -> r.topicArn(topicArn).message("tenant message").messageGroupId("tenant-1"));

        assertThat(drain(queue)).singleElement().satisfies(message -> assertThat(message.attributes())
                .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "tenant-1"));
    }

    @Test
    void invalidMessageAttributesAreRefused() {
        String topicArn = createTopic(unique("attrs"));

        assertThatThrownBy(() -> publishWithAttribute(topicArn, "n", "Number", "twelve"))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("to number");
        assertThatThrownBy(() -> publishWithAttribute(topicArn, "s", "Text", "x"))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> publishWithAttribute(topicArn, "s", "String", ""))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> publishWithAttribute(topicArn, "AWS.reserved", "String", "x"))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> publishWithAttribute(topicArn, "list", "String.Array", "not json"))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("String.Array");
    }

    @Test
    void messagePlusAttributesMayNotExceed256KiB() {
        String topicArn = createTopic(unique("size"));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));
        Map<String, MessageAttributeValue> attribute = Map.of("k",
                MessageAttributeValue.builder().dataType("String").stringValue("v").build());
        int attributeSize = "k".length() + "String".length() + "v".length();

        String exactlyAtLimit = "x".repeat(262_144 - attributeSize);
        snsClient.publish(r -> r.topicArn(topicArn).message(exactlyAtLimit).messageAttributes(attribute));

        assertThatThrownBy(() -> snsClient.publish(r -> r.topicArn(topicArn).message(exactlyAtLimit + "x")
                .messageAttributes(attribute)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Message too long");
        assertThatThrownBy(() -> snsClient.publish(r -> r.topicArn(topicArn).message("é".repeat(131_073))))
                .as("the limit counts UTF-8 bytes").isInstanceOf(InvalidParameterException.class);
        assertThat(drain(queue)).extracting(message -> message.body().length()).containsExactly(exactlyAtLimit.length());
    }

    @Test
    void publishBatchDeliversEveryEntry() {
        String topicArn = createTopic(unique("batch"));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));
        List<PublishBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String body = "m" + i;
            entries.add(PublishBatchRequestEntry.builder().id("e" + i).message(body)
                    .messageAttributes(Map.of("index", MessageAttributeValue.builder().dataType("Number")
                            .stringValue(Integer.toString(i)).build())).build());
        }

        PublishBatchResponse response = snsClient.publishBatch(r -> r.topicArn(topicArn)
                .publishBatchRequestEntries(entries));

        assertThat(response.failed()).isEmpty();
        assertThat(response.successful()).extracting(PublishBatchResultEntry::id)
                .containsExactly("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9");
        assertThat(response.successful()).allSatisfy(entry -> assertThat(entry.messageId()).isNotBlank());
        List<Message> received = new ArrayList<>(drain(queue));
        received.addAll(drain(queue));
        assertThat(received).extracting(Message::body)
                .containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        assertThat(received).allSatisfy(message -> assertThat(message.body())
                .isEqualTo("m" + message.messageAttributes().get("index").stringValue()));
    }

    @Test
    void publishBatchReportsFailedEntriesAndPublishesTheRest() {
        String topicArn = createTopic(unique("partial"));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));

        PublishBatchResponse response = snsClient.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("good-1").message("one").build(),
                PublishBatchRequestEntry.builder().id("empty").message("").build(),
                PublishBatchRequestEntry.builder().id("bad-attribute").message("two").messageAttributes(Map.of("n",
                        MessageAttributeValue.builder().dataType("Number").stringValue("NaN?").build())).build(),
                PublishBatchRequestEntry.builder().id("good-2").message("three").build()));

        assertThat(response.successful()).extracting(PublishBatchResultEntry::id).containsExactly("good-1", "good-2");
        assertThat(response.failed()).extracting(BatchResultErrorEntry::id).containsExactly("empty", "bad-attribute");
        assertThat(response.failed()).extracting(BatchResultErrorEntry::code)
                .containsExactly("InvalidParameter", "ParameterValueInvalid");
        assertThat(response.failed()).allSatisfy(entry -> {
            assertThat(entry.senderFault()).isTrue();
            assertThat(entry.message()).isNotBlank();
        });
        assertThat(drain(queue)).extracting(Message::body).containsExactlyInAnyOrder("one", "three");
    }

    @Test
    void publishBatchRequestErrors() {
        String topicArn = createTopic(unique("batch-errors"));
        PublishBatchRequestEntry entry = PublishBatchRequestEntry.builder().id("a").message("m").build();
        List<PublishBatchRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry.toBuilder().id("e" + i).build());
        }

        assertThatThrownBy(() -> snsClient.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(eleven)))
                .isInstanceOf(TooManyEntriesInBatchRequestException.class);
        assertThatThrownBy(() -> snsClient.publishBatch(r -> r.topicArn(topicArn)
                .publishBatchRequestEntries(List.of()))).isInstanceOf(EmptyBatchRequestException.class);
        assertThatThrownBy(() -> snsClient.publishBatch(r -> r.topicArn(topicArn)
                .publishBatchRequestEntries(entry, entry.toBuilder().message("other").build())))
                .isInstanceOf(BatchEntryIdsNotDistinctException.class);
        assertThatThrownBy(() -> snsClient.publishBatch(r -> r.topicArn(topicArn)
                .publishBatchRequestEntries(entry.toBuilder().id("not valid!").build())))
                .isInstanceOf(InvalidBatchEntryIdException.class);
        assertThatThrownBy(() -> snsClient.publishBatch(r -> r.topicArn(sns.topicArn(unique("none")))
                .publishBatchRequestEntries(entry))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOversizeEntryFailsTheWholeBatchAsInSns() {
        String topicArn = createTopic(unique("too-long"));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));

        assertThatThrownBy(() -> snsClient.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("small").message("small").build(),
                PublishBatchRequestEntry.builder().id("huge").message("x".repeat(262_145)).build())))
                .isInstanceOf(BatchRequestTooLongException.class);
        assertThatThrownBy(() -> snsClient.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("half-1").message("x".repeat(131_072)).build(),
                PublishBatchRequestEntry.builder().id("half-2").message("x".repeat(131_073)).build())))
                .as("the limit holds for the sum of the entries").isInstanceOf(BatchRequestTooLongException.class);
        assertThat(drain(queue)).isEmpty();
    }

    @Test
    void deliveryToAMissingQueueDoesNotFailThePublisher() {
        String topicArn = createTopic(unique("missing-queue"));
        snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(sqs.queueArn(unique("never"))));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true"));

        snsClient.publish(r -> r.topicArn(topicArn).message("still delivered"));

        assertThat(drain(queue)).extracting(Message::body).containsExactly("still delivered");
    }

    private static void publishWithAttribute(String topicArn, String name, String type, String value) {
        snsClient.publish(r -> r.topicArn(topicArn).message("x").messageAttributes(Map.of(name,
                MessageAttributeValue.builder().dataType(type).stringValue(value).build())));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
