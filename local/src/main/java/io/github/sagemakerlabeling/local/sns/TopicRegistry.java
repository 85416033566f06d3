package io.github.sagemakerlabeling.local.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.store.Journal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The topics and subscriptions of one SNS server, by ARN, in creation order; a topic's subscriptions are also kept
 * by topic, so publishing looks up only its own. Thread-safe.
 *
 * <p>Every change is written to a {@link Journal} before the request that made it is answered: a topic's or a
 * subscription's whole state (name, ARN, attributes set) after each change, or its deletion. A registry made on a
 * journal with events replays them and compacts the journal to the current state.
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

    private final Journal journal;

    TopicRegistry(String region, String accountId) {
        this(region, accountId, Journal.discarding());
    }

    /** A registry that keeps its topics and subscriptions in {@code journal}, starting from what it holds. */
    TopicRegistry(String region, String accountId, Journal journal) {
        this.region = region;
        this.accountId = accountId;
        this.journal = journal;
        journal.events().forEach(this::replay);
        List<JsonNode> state = new ArrayList<>();
        topics.values().forEach(topic -> state.add(topicEvent(topic)));
        subscriptions.values().forEach(subscription -> state.add(subscriptionEvent(subscription)));
        journal.compact(state);
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
            journal.append(topicEvent(created));
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
            journal.append(Journal.event("topic-deleted").put("arn", topicArn));
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
        Subscription subscription = add(topicArn + ":" + UUID.randomUUID(), topic, protocol, queue, attributes);
        journal.append(subscriptionEvent(subscription));
        return subscription;
    }

    private Subscription add(String arn, Topic topic, String protocol, SqsQueueArn queue,
                             Map<String, String> attributes) {
        Subscription subscription = new Subscription(arn, topic, protocol, queue);
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
        subscriptionsByTopic.get(topic.arn()).put(subscription.arn(), subscription);
        return subscription;
    }

    /** {@code SetTopicAttributes}: sets one attribute and records the change. */
    synchronized void setAttribute(Topic topic, String name, String value) {
        topic.setAttribute(name, value);
        journal.append(topicEvent(topic));
    }

    /** {@code SetSubscriptionAttributes}: sets one attribute and records the change. */
    synchronized void setAttribute(Subscription subscription, String name, String value) {
        subscription.setAttribute(name, value);
        if (subscriptions.containsKey(subscription.arn())) {
            journal.append(subscriptionEvent(subscription));
        }
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
            journal.append(Journal.event("unsubscribed").put("arn", subscriptionArn));
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

    private static ObjectNode topicEvent(Topic topic) {
        ObjectNode event = Journal.event("topic").put("name", topic.arn().substring(topic.arn().lastIndexOf(':') + 1));
        event.set("attributes", Json.mapper().valueToTree(topic.settableAttributes()));
        return event;
    }

    private static ObjectNode subscriptionEvent(Subscription subscription) {
        ObjectNode event = Journal.event("subscription").put("arn", subscription.arn())
                .put("topicArn", subscription.topic().arn()).put("protocol", subscription.protocol())
                .put("endpoint", subscription.queue().arn());
        event.set("attributes", Json.mapper().valueToTree(subscription.settableAttributes()));
        return event;
    }

    /** Applies one journaled event: a topic or subscription as it was last, or its deletion. */
    private void replay(JsonNode event) {
        switch (event.path("event").asText()) {
            case "topic" -> {
                Topic topic = Topic.create(region, accountId, event.path("name").asText(), strings(event));
                Topic existing = topics.get(topic.arn());
                if (existing == null) {
                    topics.put(topic.arn(), topic);
                    subscriptionsByTopic.put(topic.arn(), new LinkedHashMap<>());
                } else {
                    strings(event).forEach((name, value) -> {
                        if (!name.equals("FifoTopic")) {
                            existing.setAttribute(name, value);
                        }
                    });
                }
            }
            case "topic-deleted" -> {
                String arn = event.path("arn").asText();
                if (topics.remove(arn) != null) {
                    subscriptionsByTopic.remove(arn).keySet().forEach(subscriptions::remove);
                }
            }
            case "subscription" -> {
                Topic topic = topics.get(event.path("topicArn").asText());
                if (topic != null) {
                    String arn = event.path("arn").asText();
                    subscriptions.remove(arn);
                    subscriptionsByTopic.get(topic.arn()).remove(arn);
                    add(arn, topic, event.path("protocol").asText(), SqsQueueArn.parse(event.path("endpoint").asText()),
                            strings(event));
                }
            }
            case "unsubscribed" -> {
                Subscription removed = subscriptions.remove(event.path("arn").asText());
                if (removed != null && subscriptionsByTopic.containsKey(removed.topic().arn())) {
                    subscriptionsByTopic.get(removed.topic().arn()).remove(removed.arn());
                }
            }
            default -> throw new IllegalStateException("unknown SNS journal event " + event);
        }
    }

    private static Map<String, String> strings(JsonNode event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        event.path("attributes").fields().forEachRemaining(field -> attributes.put(field.getKey(),
                field.getValue().asText()));
        return attributes;
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
