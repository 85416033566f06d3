package io.github.sagemakerlabeling.core.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Provisions the queue a job's labeled output is read from: the queue, a policy that lets only the job's output
 * topic send to it, and a raw-delivery subscription to the topic. Every step is idempotent, so app instances that
 * start together end up sharing one queue and one subscription.
 */
public final class OutputQueues {

    private static final Logger LOG = LoggerFactory.getLogger(OutputQueues.class);

    private final SqsClient sqs;
    private final Supplier<SnsClient> sns;

    /** Both clients belong to the caller. */
    public OutputQueues(SqsClient sqs, SnsClient sns) {
        this(sqs, supplierOf(Objects.requireNonNull(sns, "sns")));
    }

    /**
     * The SNS client is asked for only when a queue is subscribed to a topic, so a caller that only uses existing
     * queues ({@link #existing}) never needs one.
     */
    public OutputQueues(SqsClient sqs, Supplier<SnsClient> sns) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.sns = Objects.requireNonNull(sns, "sns");
    }

    private static Supplier<SnsClient> supplierOf(SnsClient sns) {
        return () -> sns;
    }

    /** Creates (or finds) the queue, restricts it to the topic and subscribes it with raw message delivery. */
    public OutputQueue provision(String outputTopicArn, String queueName) {
        return provision(outputTopicArn, queueName, OutputQueueSettings.defaults());
    }

    /**
     * Creates (or, without {@code createQueue}, finds) the queue, sets the settings' attributes and redrive policy,
     * adds the statement admitting the topic to the queue's policy (other statements are kept) and subscribes the
     * queue with raw message delivery.
     */
    public OutputQueue provision(String outputTopicArn, String queueName, OutputQueueSettings settings) {
        String queueUrl = settings.createQueue() ? sqs.createQueue(b -> b.queueName(queueName)).queueUrl()
                : sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        Map<QueueAttributeName, String> current = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN, QueueAttributeName.POLICY)).attributes();
        String queueArn = current.get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> attributes = new LinkedHashMap<>(settings.attributes());
        attributes.put(QueueAttributeName.POLICY.toString(),
                QueuePolicies.withTopicStatement(current.get(QueueAttributeName.POLICY), queueArn, outputTopicArn));
        redrivePolicy(settings).ifPresent(policy -> attributes.put(QueueAttributeName.REDRIVE_POLICY.toString(), policy));
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributesWithStrings(attributes));
        String subscriptionArn = existingSubscription(outputTopicArn, queueArn)
                .orElseGet(() -> sns.get().subscribe(b -> b.topicArn(outputTopicArn).protocol("sqs").endpoint(queueArn)
                        .attributes(Map.of("RawMessageDelivery", "true")).returnSubscriptionArn(true))
                        .subscriptionArn());
        sns.get().setSubscriptionAttributes(b -> b.subscriptionArn(subscriptionArn)
                .attributeName("RawMessageDelivery").attributeValue("true"));
        LOG.info("Output of {} arrives on queue {}", outputTopicArn, queueUrl);
        return new OutputQueue(queueUrl, queueArn, Optional.of(subscriptionArn));
    }

    /** An existing queue, given by name or URL, that the caller subscribed to the output topic. */
    public OutputQueue existing(String queueNameOrUrl) {
        String queueUrl = queueUrl(queueNameOrUrl);
        return new OutputQueue(queueUrl, queueArn(queueUrl), Optional.empty());
    }

    /**
     * An existing queue, as {@link #existing(String)}, given the settings' attributes and redrive policy when it sets
     * any (an existing queue's policy and subscription are left as they are).
     */
    public OutputQueue existing(String queueNameOrUrl, OutputQueueSettings settings) {
        String queueUrl = queueUrl(queueNameOrUrl);
        Map<String, String> attributes = new LinkedHashMap<>(settings.attributes());
        redrivePolicy(settings).ifPresent(policy -> attributes.put(QueueAttributeName.REDRIVE_POLICY.toString(), policy));
        if (!attributes.isEmpty()) {
            sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributesWithStrings(attributes));
        }
        return new OutputQueue(queueUrl, queueArn(queueUrl), Optional.empty());
    }

    /** The redrive policy to the settings' dead-letter queue, which is created when missing unless told not to. */
    private Optional<String> redrivePolicy(OutputQueueSettings settings) {
        return settings.deadLetterQueue().map(name -> {
            String url = settings.createQueue() && !name.contains("/")
                    ? sqs.createQueue(b -> b.queueName(name)).queueUrl() : queueUrl(name);
            ObjectNode policy = JsonNodeFactory.instance.objectNode().put("deadLetterTargetArn", queueArn(url))
                    .put("maxReceiveCount", String.valueOf(settings.maxReceiveCount()));
            return Json.write(policy);
        });
    }

    private String queueUrl(String queueNameOrUrl) {
        return queueNameOrUrl.contains("/") ? queueNameOrUrl
                : sqs.getQueueUrl(b -> b.queueName(queueNameOrUrl)).queueUrl();
    }

    /**
     * The queue policy: SNS may send to the queue only on behalf of the one topic, so no other topic (or account)
     * can put messages on it.
     */
    static String onlyTopicMaySend(String queueArn, String topicArn) {
        return QueuePolicies.withTopicStatement(null, queueArn, topicArn);
    }

    private String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private Optional<String> existingSubscription(String topicArn, String queueArn) {
        return sns.get().listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().stream()
                .filter(s -> "sqs".equals(s.protocol()) && queueArn.equals(s.endpoint()))
                .map(Subscription::subscriptionArn)
                .findFirst();
    }
}
