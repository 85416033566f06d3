package io.github.sagemakerlabeling.core.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    private final SnsClient sns;

    /** Both clients belong to the caller. */
    public OutputQueues(SqsClient sqs, SnsClient sns) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.sns = Objects.requireNonNull(sns, "sns");
    }

    /** Creates (or finds) the queue, restricts it to the topic and subscribes it with raw message delivery. */
    public OutputQueue provision(String outputTopicArn, String queueName) {
        String queueUrl = sqs.createQueue(b -> b.queueName(queueName)).queueUrl();
        String queueArn = queueArn(queueUrl);
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributes(Map.of(QueueAttributeName.POLICY, onlyTopicMaySend(queueArn, outputTopicArn))));
        String subscriptionArn = existingSubscription(outputTopicArn, queueArn)
                .orElseGet(() -> sns.subscribe(b -> b.topicArn(outputTopicArn).protocol("sqs").endpoint(queueArn)
                        .attributes(Map.of("RawMessageDelivery", "true")).returnSubscriptionArn(true))
                        .subscriptionArn());
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(subscriptionArn)
                .attributeName("RawMessageDelivery").attributeValue("true"));
        LOG.info("Output of {} arrives on queue {}", outputTopicArn, queueUrl);
        return new OutputQueue(queueUrl, queueArn, Optional.of(subscriptionArn));
    }

    /** An existing queue, given by name or URL, that the caller subscribed to the output topic. */
    public OutputQueue existing(String queueNameOrUrl) {
        String queueUrl = queueNameOrUrl.contains("/") ? queueNameOrUrl
                : sqs.getQueueUrl(b -> b.queueName(queueNameOrUrl)).queueUrl();
        return new OutputQueue(queueUrl, queueArn(queueUrl), Optional.empty());
    }

    /**
     * The queue policy: SNS may send to the queue only on behalf of the one topic, so no other topic (or account)
     * can put messages on it.
     */
    static String onlyTopicMaySend(String queueArn, String topicArn) {
        ObjectNode policy = JsonNodeFactory.instance.objectNode().put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        ObjectNode statement = statements.addObject()
                .put("Sid", "OnlyTheLabelingJobOutputTopic")
                .put("Effect", "Allow");
        statement.putObject("Principal").put("Service", "sns.amazonaws.com");
        statement.put("Action", "sqs:SendMessage").put("Resource", queueArn);
        statement.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", topicArn);
        return Json.write(policy);
    }

    private String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private Optional<String> existingSubscription(String topicArn, String queueArn) {
        return sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().stream()
                .filter(s -> "sqs".equals(s.protocol()) && queueArn.equals(s.endpoint()))
                .map(Subscription::subscriptionArn)
                .findFirst();
    }
}
