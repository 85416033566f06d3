package io.github.sagemakerlabeling.local.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Delivers messages to SQS subscriptions through the AWS SDK: the JSON notification, or with raw message delivery
 * the message itself with its attributes as SQS message attributes. FIFO queues get the group and deduplication
 * ids; standard queues get the group id of a standard topic's message (fair queues), as in SNS.
 *
 * <p>As in SNS, a failed delivery (e.g. the queue does not exist) is not the publisher's error: it is logged.
 */
final class SqsDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsDelivery.class);

    private final SqsClient sqs;
    private final NotificationEnvelope envelope;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    SqsDelivery(SqsClient sqs, NotificationEnvelope envelope) {
        this.sqs = sqs;
        this.envelope = envelope;
    }

    /** Sends the message to the subscription's queue; logs and drops it if that fails. */
    void deliver(Subscription subscription, SnsMessage message) {
        SqsQueueArn queue = subscription.queue();
        try {
            SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl(queue));
            if (subscription.rawMessageDelivery()) {
                request.messageBody(message.message()).messageAttributes(sqsAttributes(message));
            } else {
                request.messageBody(envelope.toJson(message, subscription.arn()));
            }
            if (queue.fifo()) {
                request.messageGroupId(message.groupId()).messageDeduplicationId(message.deduplicationId());
            } else if (!message.fromFifoTopic()) {
                request.messageGroupId(message.groupId()); // fair queues; a FIFO topic's group stays behind
            }
            sqs.sendMessage(request.build());
        } catch (SdkException e) {
            queueUrls.remove(queue.arn());
            LOG.warn("SNS could not deliver message {} of {} to {}: {}", message.messageId(), message.topicArn(),
                    queue.arn(), e.getMessage());
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
}
