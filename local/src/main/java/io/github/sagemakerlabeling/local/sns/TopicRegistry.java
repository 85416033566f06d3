package io.github.sagemakerlabeling.local.sns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The topics and subscriptions of one SNS server, by ARN, in creation order; a topic's subscriptions are also kept
 * by topic, so publishing looks up only its own. Thread-safe.
 */
final class TopicRegistry {

    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]+");
    private static final Pattern SUBSCRIPTION_ARN =
            Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]+:[0-9a-f-]{36}");

    private final String region;
    private final String accountId;
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    /** Each topic's subscriptions by ARN, in creation order; present for every topic. */
    private final Map<String, Map<String, Subscription>> subscriptionsByTopic = new LinkedHashMap<>();

    TopicRegistry(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /**
     * Creates a topic, or returns the existing one of that name if the requested attributes agree with it.
     *
     * @throws SnsException {@code InvalidParameter} for a bad name or attribute, or an existing topic that differs
     */
    synchronized Topic createTopic(String name, Map<String, String> attributes) {
        Topic created = Topic.create(region, accountId, name, attributes);
        Topic existing = topics.get(created.arn());
        if (existing == null) {
            topics.put(created.arn(), created);
            subscriptionsByTopic.put(created.arn(), new LinkedHashMap<>());
            return created;
        }
        if (!existing.hasAttributes(attributes)) {
            throw SnsException.invalidParameter("Attributes Reason: Topic already exists with different attributes");
        }
        return existing;
    }

    /** Deletes a topic and its subscriptions; deleting a topic that does not exist is no error, as in SNS. */
    synchronized void deleteTopic(String topicArn) {
        checkTopicArn(topicArn);
        if (topics.remove(topicArn) != null) {
            subscriptionsByTopic.remove(topicArn).keySet().forEach(subscriptions::remove);
        }
    }

    /**
     * The topic with this ARN.
     *
     * @throws SnsException {@code InvalidParameter} for a malformed ARN, {@code NotFound} for an unknown topic
     */
    synchronized Topic topic(String topicArn) {
        checkTopicArn(topicArn);
        Topic topic = topics.get(topicArn);
        if (topic == null) {
            throw SnsException.notFound("Topic does not exist");
        }
        return topic;
    }

    synchronized List<Topic> topics() {
        return new ArrayList<>(topics.values());
    }

    /**
     * Subscribes an SQS queue, or returns the existing subscription of that queue to that topic if the requested
     * attributes agree with it.
     *
     * @throws SnsException {@code NotFound} for an unknown topic; {@code InvalidParameter} for an unsupported
     *     protocol, a bad endpoint or attribute, a FIFO queue on a standard topic, or an existing subscription that
     *     differs
     */
    synchronized Subscription subscribe(String topicArn, String protocol, String endpoint,
            Map<String, String> attributes) {
        Topic topic = topic(topicArn);
        if (!protocol.equals("sqs")) {
            throw SnsException.invalidParameter("Protocol Reason: Local Ground Truth delivers to the sqs protocol"
                    + " only, not to " + protocol);
        }
        SqsQueueArn queue = SqsQueueArn.parse(endpoint);
        if (queue.fifo() && !topic.fifo()) {
            throw SnsException.invalidParameter("Endpoint Reason: FIFO SQS Queues can not be"
                    + " subscribed to standard SNS topics");
        }
        Map<String, Subscription> ofTopic = subscriptionsByTopic.get(topicArn);
        for (Subscription existing : ofTopic.values()) {
            if (existing.queue().equals(queue)) {
                if (!existing.hasAttributes(attributes)) {
                    throw SnsException.invalidParameter("Attributes Reason: Subscription already exists with"
                            + " different attributes");
                }
                return existing;
            }
        }
        Subscription subscription = new Subscription(topicArn + ":" + UUID.randomUUID(), topic, protocol, queue);
        // The scope first: it decides how FilterPolicy is read.
        String scope = attributes.get("FilterPolicyScope");
        if (scope != null) {
            subscription.setAttribute("FilterPolicyScope", scope);
        }
        attributes.forEach((name, value) -> {
            if (!name.equals("FilterPolicyScope")) {
                subscription.setAttribute(name, value);
            }
        });
        subscriptions.put(subscription.arn(), subscription);
        ofTopic.put(subscription.arn(), subscription);
        return subscription;
    }

    /**
     * Removes a subscription; removing one that does not exist is no error, as in SNS.
     *
     * @throws SnsException {@code InvalidParameter} for a malformed ARN
     */
    synchronized void unsubscribe(String subscriptionArn) {
        checkSubscriptionArn(subscriptionArn);
        Subscription removed = subscriptions.remove(subscriptionArn);
        if (removed != null) {
            subscriptionsByTopic.get(removed.topic().arn()).remove(subscriptionArn);
        }
    }

    /**
     * The subscription with this ARN.
     *
     * @throws SnsException {@code InvalidParameter} for a malformed ARN, {@code NotFound} for an unknown one
     */
    synchronized Subscription subscription(String subscriptionArn) {
        checkSubscriptionArn(subscriptionArn);
        Subscription subscription = subscriptions.get(subscriptionArn);
        if (subscription == null) {
            throw SnsException.notFound("Subscription does not exist");
        }
        return subscription;
    }

    synchronized List<Subscription> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }

    /** The topic's subscriptions, in creation order. */
    synchronized List<Subscription> subscriptions(Topic topic) {
        Map<String, Subscription> ofTopic = subscriptionsByTopic.get(topic.arn());
        return ofTopic == null ? List.of() : new ArrayList<>(ofTopic.values());
    }

    private static void checkSubscriptionArn(String subscriptionArn) {
        if (!SUBSCRIPTION_ARN.matcher(subscriptionArn).matches()) {
            throw SnsException.invalidParameter("SubscriptionArn");
        }
    }

    private static void checkTopicArn(String topicArn) {
        if (!TOPIC_ARN.matcher(topicArn).matches()) {
            throw SnsException.invalidParameter("TopicArn");
        }
    }
}
