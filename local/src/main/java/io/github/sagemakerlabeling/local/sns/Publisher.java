package io.github.sagemakerlabeling.local.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Publishes to a topic: applies SNS's rules (message, subject, size, group and deduplication ids), deduplicates on
 * FIFO topics, and hands the message to every subscription whose filter policy accepts it. A standard topic takes an
 * optional {@code MessageGroupId} (for SQS fair queues); only FIFO topics take a {@code MessageDeduplicationId}.
 */
final class Publisher {

    /** Group and deduplication ids: 1 to 128 alphanumeric or punctuation characters. */
    private static final Pattern FIFO_ID = Pattern.compile("[\\p{Alnum}\\p{Punct}]{1,128}");
    private static final Pattern SUBJECT = Pattern.compile("[\\x20-\\x7E]{1,100}");

    private final TopicRegistry registry;
    private final SqsDelivery delivery;
    private final Clock clock;

    Publisher(TopicRegistry registry, SqsDelivery delivery, Clock clock) {
        this.registry = registry;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Publishes one message.
     *
     * @throws SnsException {@code InvalidParameter} if the message breaks a rule
     */
    PublishResult publish(Topic topic, PublishInput input) {
        PublishResult[] result = new PublishResult[1];
        publishBatch(topic, batch -> result[0] = batch.publish(input));
        return result[0];
    }

    /**
     * Publishes the entries of one {@code PublishBatch} call: {@code entries} publishes them through the {@link Batch}
     * it is given, and what they published is delivered when it returns, to every subscription the messages its
     * filter policy accepts, in order and batched (see {@link SqsDelivery#deliver}). On a FIFO topic the whole batch
     * holds the topic's deduplication monitor, so sequence numbers and delivery order agree across publishers.
     */
    void publishBatch(Topic topic, Consumer<Batch> entries) {
        Batch batch = new Batch(topic);
        if (topic.fifo()) {
            synchronized (topic.deduplication()) {
                entries.accept(batch);
                fanOut(topic, batch.messages);
            }
        } else {
            entries.accept(batch);
            fanOut(topic, batch.messages);
        }
    }

    private PublishResult accept(Topic topic, PublishInput input, List<SnsMessage> accepted) {
        String message = messageForSqs(input);
        checkCharacters(input.message());
        if (input.subject() != null && !SUBJECT.matcher(input.subject()).matches()) {
            throw SnsException.invalidParameter("Subject");
        }
        if (input.size() > PublishInput.MAX_SIZE) {
            throw SnsException.invalidParameter("Message too long");
        }
        if (!topic.fifo()) {
            if (input.deduplicationId() != null) {
                throw SnsException.invalidParameter("MessageDeduplicationId Reason: The request includes"
                        + " MessageDeduplicationId parameter that is not valid for this topic type");
            }
            if (input.groupId() != null) {
                checkId("MessageGroupId", input.groupId());
            }
            SnsMessage sns = new SnsMessage(UUID.randomUUID().toString(), topic.arn(), message, input.subject(),
                    input.attributes(), input.groupId(), null, null, clock.instant());
            accepted.add(sns);
            return new PublishResult(sns.messageId(), null);
        }
        return acceptFifo(topic, input, message, accepted);
    }

    /** Called holding the topic's deduplication monitor (see {@link #publishBatch}). */
    private PublishResult acceptFifo(Topic topic, PublishInput input, String message, List<SnsMessage> accepted) {
        if (input.groupId() == null) {
            throw SnsException.invalidParameter("The MessageGroupId parameter is required for FIFO topics");
        }
        checkId("MessageGroupId", input.groupId());
        String deduplicationId = input.deduplicationId();
        if (deduplicationId == null) {
            if (!topic.contentBasedDeduplication()) {
                throw SnsException.invalidParameter("The topic should either have ContentBasedDeduplication enabled"
                        + " or MessageDeduplicationId provided explicitly");
            }
            deduplicationId = sha256Hex(message);
        }
        checkId("MessageDeduplicationId", deduplicationId);
        Deduplication deduplication = topic.deduplication();
        PublishResult previous = deduplication.previous(deduplicationId, clock.instant());
        if (previous != null) {
            return previous;
        }
        SnsMessage sns = new SnsMessage(UUID.randomUUID().toString(), topic.arn(), message, input.subject(),
                input.attributes(), input.groupId(), deduplicationId, topic.nextSequenceNumber(), clock.instant());
        accepted.add(sns);
        PublishResult result = new PublishResult(sns.messageId(), sns.sequenceNumber());
        deduplication.remember(deduplicationId, result, sns.timestamp());
        return result;
    }

    private void fanOut(Topic topic, List<SnsMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        for (Subscription subscription : registry.subscriptions(topic)) {
            List<SnsMessage> accepted = messages.stream().filter(subscription::accepts).toList();
            if (!accepted.isEmpty()) {
                delivery.deliver(subscription, accepted);
            }
        }
    }

    /** The message an SQS endpoint gets: the message, or with {@code MessageStructure=json} its "sqs" or "default". */
    private static String messageForSqs(PublishInput input) {
        if (input.message().isEmpty()) {
            throw SnsException.invalidParameter("Empty message");
        }
        if (input.messageStructure() == null) {
            return input.message();
        }
        if (!input.messageStructure().equals("json")) {
            throw SnsException.invalidParameter("MessageStructure");
        }
        JsonNode structure;
        try {
            structure = Json.read(input.message());
        } catch (JsonProcessingException e) {
            throw SnsException.invalidParameter("Message Structure - JSON message body failed to parse");
        }
        if (!structure.path("default").isTextual()) {
            throw SnsException.invalidParameter("Message Structure - No default entry in JSON message body");
        }
        return structure.path("sqs").isTextual() ? structure.get("sqs").asText() : structure.get("default").asText();
    }

    /**
     * Refuses a message with a character SQS cannot store (outside {@code #x9 | #xA | #xD | #x20-#xD7FF |
     * #xE000-#xFFFD | #x10000-#x10FFFF}): SQS would refuse the delivery, so the message would be accepted here and
     * then lost. AWS documents no SNS rule for this; refusing at once is Local Ground Truth's choice (local/README.md).
     */
    private static void checkCharacters(String message) {
        for (int i = 0; i < message.length(); ) {
            int c = message.codePointAt(i);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            if (!allowed) {
                throw SnsException.invalidParameter(String.format("Message Reason: the character U+%04X at"
                        + " index %d is not allowed; messages may contain #x9 | #xA | #xD | #x20 to #xD7FF"
                        + " | #xE000 to #xFFFD | #x10000 to #x10FFFF", c, i));
            }
            i += Character.charCount(c);
        }
    }

    private static void checkId(String name, String value) {
        if (!FIFO_ID.matcher(value).matches()) {
            throw SnsException.invalidParameter(name + " Reason: it must be 1 to 128 alphanumeric or punctuation"
                    + " characters");
        }
    }

    private static String sha256Hex(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The messages one publish call accepts, delivered together when every entry is published. */
    final class Batch {

        private final Topic topic;
        private final List<SnsMessage> messages = new ArrayList<>();

        private Batch(Topic topic) {
            this.topic = topic;
        }

        /**
         * Publishes one entry: checks it, deduplicates it on a FIFO topic, and keeps it for delivery.
         *
         * @throws SnsException {@code InvalidParameter} if the message breaks a rule
         */
        PublishResult publish(PublishInput input) {
            return accept(topic, input, messages);
        }
    }
}
