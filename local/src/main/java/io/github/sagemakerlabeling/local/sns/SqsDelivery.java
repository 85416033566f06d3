package io.github.sagemakerlabeling.local.sns;

import io.github.sagemakerlabeling.local.sqs.QueuePolicies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Delivers messages to SQS subscriptions through the AWS SDK: the JSON notification, or with raw message delivery
 * the message itself with its attributes as SQS message attributes. FIFO queues get the group and deduplication
 * ids; standard queues get the group id of a standard topic's message (fair queues), as in SNS.
 *
 * <p>The messages of one publish call go to a queue in order, in {@code SendMessageBatch} calls of at most
 * {@value #MAX_BATCH_ENTRIES} entries and {@value #MAX_BATCH_BYTES} bytes (bodies and message attributes), SQS's
 * limits; a single message larger than that goes alone, and SQS decides. A message that goes alone (a single
 * {@code Publish}) goes with {@code SendMessage}.
 *
 * <p>As in SNS, a failed delivery (e.g. the queue does not exist) is not the publisher's error: it is logged. So is a
 * delivery the queue's access policy denies ({@link QueuePolicies}).
 */
final class SqsDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsDelivery.class);
    static final int MAX_BATCH_ENTRIES = 10;
    static final int MAX_BATCH_BYTES = 262_144;

    private final SqsClient sqs;
    private final NotificationEnvelope envelope;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private final QueuePolicies policies;
    private final AtomicLong denied = new AtomicLong();

    SqsDelivery(SqsClient sqs, NotificationEnvelope envelope, QueuePolicies policies) {
        this.sqs = sqs;
        this.envelope = envelope;
        this.policies = policies;
    }

    /**
     * Sends the messages to the subscription's queue, in order, if the queue's policy lets the topic send to it;
     * logs and drops what fails or is denied.
     */
    void deliver(Subscription subscription, List<SnsMessage> messages) {
        SqsQueueArn queue = subscription.queue();
        String topicArn = subscription.topic().arn();
        if (!policies.allowsSns(queue.queueName(), queue.arn(), topicArn)) {
            LOG.warn("SNS dropped {} message(s) of {} for {}: the queue's policy does not let the topic send to it"
                    + " ({} denied since start)", messages.size(), topicArn, queue.arn(),
                    denied.addAndGet(messages.size()));
            return;
        }
        List<Outgoing> chunk = new ArrayList<>();
        int chunkBytes = 0;
        for (SnsMessage message : messages) {
            Outgoing outgoing = outgoing(subscription, message);
            if (chunk.size() == MAX_BATCH_ENTRIES
                    || (!chunk.isEmpty() && chunkBytes + outgoing.size() > MAX_BATCH_BYTES)) {
                send(queue, chunk);
                chunk = new ArrayList<>();
                chunkBytes = 0;
            }
            chunk.add(outgoing);
            chunkBytes += outgoing.size();
        }
        send(queue, chunk);
    }

    private Outgoing outgoing(Subscription subscription, SnsMessage message) {
        SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder();
        int size;
        if (subscription.rawMessageDelivery()) {
            entry.messageBody(message.message()).messageAttributes(sqsAttributes(message));
            size = MessageAttribute.utf8Length(message.message()) + MessageAttribute.size(message.attributes());
        } else {
            String body = envelope.toJson(message, subscription.arn());
            entry.messageBody(body);
            size = MessageAttribute.utf8Length(body);
        }
        if (subscription.queue().fifo()) {
            entry.messageGroupId(message.groupId()).messageDeduplicationId(message.deduplicationId());
        } else if (!message.fromFifoTopic()) {
            entry.messageGroupId(message.groupId()); // fair queues; a FIFO topic's group stays behind
        }
        return new Outgoing(message, entry, size);
    }

    private void send(SqsQueueArn queue, List<Outgoing> chunk) {
        if (chunk.size() == 1) {
            sendOne(queue, chunk.get(0));
            return;
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
        for (Outgoing outgoing : chunk) {
            entries.add(outgoing.entry().id(Integer.toString(entries.size())).build());
        }
        try {
            List<BatchResultErrorEntry> failed = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl(queue))
                    .entries(entries)).failed();
            for (BatchResultErrorEntry entry : failed) {
                SnsMessage message = chunk.get(Integer.parseInt(entry.id())).message();
                LOG.warn("SNS could not deliver message {} of {} to {}: {}", message.messageId(),
                        message.topicArn(), queue.arn(), entry.message());
            }
        } catch (SdkException e) {
            failed(queue, chunk, e);
        }
    }

    /** One message goes with {@code SendMessage}, which costs ElasticMQ less than a batch of one. */
    private void sendOne(SqsQueueArn queue, Outgoing outgoing) {
        SendMessageBatchRequestEntry entry = outgoing.entry().build();
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl(queue)).messageBody(entry.messageBody())
                    .messageAttributes(entry.messageAttributes()).messageGroupId(entry.messageGroupId())
                    .messageDeduplicationId(entry.messageDeduplicationId()));
        } catch (SdkException e) {
            failed(queue, List.of(outgoing), e);
        }
    }

    private void failed(SqsQueueArn queue, List<Outgoing> chunk, SdkException e) {
        queueUrls.remove(queue.arn());
        for (Outgoing outgoing : chunk) {
            LOG.warn("SNS could not deliver message {} of {} to {}: {}", outgoing.message().messageId(),
                    outgoing.message().topicArn(), queue.arn(), e.getMessage());
        }
    }

    private String queueUrl(SqsQueueArn queue) {
        String url = queueUrls.get(queue.arn());
        if (url == null) {
            url = sqs.getQueueUrl(request -> request.queueName(queue.queueName())
                    .queueOwnerAWSAccountId(queue.accountId())).queueUrl();
            queueUrls.put(queue.arn(), url);
        }
        return url;
    }

    private static Map<String, MessageAttributeValue> sqsAttributes(SnsMessage message) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        message.attributes().forEach((name, attribute) -> {
            MessageAttributeValue.Builder value = MessageAttributeValue.builder().dataType(attribute.dataType());
            if (attribute.isBinary()) {
                value.binaryValue(SdkBytes.fromByteArray(attribute.binaryValue()));
            } else {
                value.stringValue(attribute.stringValue());
            }
            attributes.put(name, value.build());
        });
        return attributes;
    }

    @Override
    public void close() {
        sqs.close();
    }

    /** One message on its way to a queue: the batch entry without its id, and the bytes SQS counts for it. */
    private record Outgoing(SnsMessage message, SendMessageBatchRequestEntry.Builder entry, int size) {
    }
}
