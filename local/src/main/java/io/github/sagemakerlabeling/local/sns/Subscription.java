package io.github.sagemakerlabeling.local.sns;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One confirmed subscription of an SQS queue to a topic, with its delivery attributes. */
final class Subscription {

    /** The attributes {@code SetSubscriptionAttributes} (and {@code Subscribe}) accept. */
    private static final Set<String> SETTABLE = Set.of("RawMessageDelivery", "FilterPolicy", "FilterPolicyScope",
            "DeliveryPolicy", "RedrivePolicy", "SubscriptionRoleArn");

    private final String arn;
    private final Topic topic;
    private final String protocol;
    private final SqsQueueArn queue;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private FilterPolicy filterPolicy;

    Subscription(String arn, Topic topic, String protocol, SqsQueueArn queue) {
        this.arn = arn;
        this.topic = topic;
        this.protocol = protocol;
        this.queue = queue;
    }

    String arn() {
        return arn;
    }

    Topic topic() {
        return topic;
    }

    String protocol() {
        return protocol;
    }

    SqsQueueArn queue() {
        return queue;
    }

    /**
     * Sets one attribute as {@code SetSubscriptionAttributes} does.
     *
     * @throws SnsException {@code InvalidParameter} for an unknown name or a bad value
     */
    synchronized void setAttribute(String name, String value) {
        if (!SETTABLE.contains(name)) {
            throw SnsException.invalidParameter("AttributeName");
        }
        switch (name) {
            case "RawMessageDelivery" -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw SnsException.invalidParameter("Attributes Reason: RawMessageDelivery: Invalid value ["
                            + value + "]. Must be true or false.");
                }
                value = value.toLowerCase(Locale.ROOT);
            }
            case "FilterPolicyScope" -> {
                if (!FilterPolicy.SCOPES.contains(value)) {
                    throw SnsException.invalidParameter("Attributes Reason: FilterPolicyScope: Invalid value ["
                            + value + "]. Please use either MessageBody or MessageAttributes");
                }
                String policy = attributes.get("FilterPolicy");
                filterPolicy = policy == null ? null : FilterPolicy.parse(policy, value);
            }
            case "FilterPolicy" -> {
                if (value.isBlank() || value.strip().equals("{}")) {
                    attributes.remove("FilterPolicy");
                    filterPolicy = null;
                    return;
                }
                filterPolicy = FilterPolicy.parse(value, filterPolicyScope());
            }
            default -> {
                // stored as given, reported back by GetSubscriptionAttributes
            }
        }
        attributes.put(name, value);
    }

    /** Whether every requested attribute equals this subscription's: {@code Subscribe} of an existing one needs it. */
    synchronized boolean hasAttributes(Map<String, String> requested) {
        Map<String, String> current = attributes();
        return requested.entrySet().stream().allMatch(entry -> entry.getKey().equals("RawMessageDelivery")
                ? entry.getValue().equalsIgnoreCase(current.get(entry.getKey()))
                : entry.getValue().equals(current.get(entry.getKey())));
    }

    synchronized boolean rawMessageDelivery() {
        return Boolean.parseBoolean(attributes.get("RawMessageDelivery"));
    }

    /** Whether the message passes this subscription's filter policy (always, without one). */
    synchronized boolean accepts(SnsMessage message) {
        return filterPolicy == null || filterPolicy.matches(message);
    }

    /** The attributes set on the subscription, which {@link TopicRegistry} sets again to restore it. */
    synchronized Map<String, String> settableAttributes() {
        return new LinkedHashMap<>(attributes);
    }

    /** The attributes {@code GetSubscriptionAttributes} reports. */
    synchronized Map<String, String> attributes() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("SubscriptionArn", arn);
        all.put("TopicArn", topic.arn());
        all.put("Owner", topic.owner());
        all.put("Protocol", protocol);
        all.put("Endpoint", queue.arn());
        all.put("ConfirmationWasAuthenticated", "true");
        all.put("PendingConfirmation", "false");
        all.put("RawMessageDelivery", "false");
        all.putAll(attributes);
        if (attributes.containsKey("FilterPolicy")) {
            all.put("FilterPolicyScope", filterPolicyScope());
        }
        return all;
    }

    private String filterPolicyScope() {
        return attributes.getOrDefault("FilterPolicyScope", "MessageAttributes");
    }
}
