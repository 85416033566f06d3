package io.github.sagemakerlabeling.local.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** One topic: its name rules, its attributes and, for FIFO topics, deduplication and sequence numbers. */
final class Topic {

    /** The attributes {@code SetTopicAttributes} (and {@code CreateTopic}) accept, besides {@code FifoTopic}. */
    private static final Set<String> SETTABLE = Set.of("DisplayName", "Policy", "DeliveryPolicy", "KmsMasterKeyId",
            "SignatureVersion", "TracingConfig", "ContentBasedDeduplication", "ArchivePolicy", "FifoThroughputScope");
    private static final Set<String> BOOLEANS = Set.of("FifoTopic", "ContentBasedDeduplication");
    private static final Pattern STANDARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");
    private static final String DEFAULT_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":{"
            + "\"minDelayTarget\":20,\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,"
            + "\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},"
            + "\"disableSubscriptionOverrides\":false,\"defaultRequestPolicy\":{\"headerContentType\":"
            + "\"text/plain; charset=UTF-8\"}}}";

    private final String arn;
    private final String owner;
    private final boolean fifo;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Deduplication deduplication = new Deduplication();
    private final AtomicLong sequence = new AtomicLong();

    private Topic(String arn, String owner, boolean fifo) {
        this.arn = arn;
        this.owner = owner;
        this.fifo = fifo;
    }

    /**
     * A new topic, after checking its name against its {@code FifoTopic} attribute and every attribute.
     *
     * @throws SnsException {@code InvalidParameter} for a bad name or attribute
     */
    static Topic create(String region, String accountId, String name, Map<String, String> attributes) {
        String fifoValue = attributes.getOrDefault("FifoTopic", "false");
        boolean fifo = booleanAttribute("FifoTopic", fifoValue);
        if (fifo && !FIFO_NAME.matcher(name).matches()) {
            throw SnsException.invalidParameter("Fifo Topic names must end with .fifo and must be made up of only"
                    + " uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between"
                    + " 1 and 256 characters long.");
        }
        if (!fifo && !STANDARD_NAME.matcher(name).matches()) {
            throw SnsException.invalidParameter("Topic Name");
        }
        String arn = "arn:aws:sns:" + region + ":" + accountId + ":" + name;
        Topic topic = new Topic(arn, accountId, fifo);
        topic.attributes.put("Policy", defaultPolicy(arn, accountId));
        attributes.forEach((key, value) -> {
            if (!key.equals("FifoTopic")) {
                topic.setAttribute(key, value);
            }
        });
        return topic;
    }

    String arn() {
        return arn;
    }

    String owner() {
        return owner;
    }

    boolean fifo() {
        return fifo;
    }

    Deduplication deduplication() {
        return deduplication;
    }

    /** The next FIFO sequence number: 20 digits, increasing. */
    String nextSequenceNumber() {
        return String.format("%020d", sequence.incrementAndGet());
    }

    synchronized boolean contentBasedDeduplication() {
        return Boolean.parseBoolean(attributes.get("ContentBasedDeduplication"));
    }

    /**
     * Sets one attribute as {@code SetTopicAttributes} does.
     *
     * @throws SnsException {@code InvalidParameter} for an unknown or read-only name or a bad value
     */
    synchronized void setAttribute(String name, String value) {
        if (!SETTABLE.contains(name)) {
            throw SnsException.invalidParameter("AttributeName");
        }
        if (name.equals("ContentBasedDeduplication")) {
            booleanAttribute(name, value);
            if (!fifo) {
                throw SnsException.invalidParameter("Attributes Reason: Content-based deduplication can only be"
                        + " set for FIFO topics");
            }
        }
        attributes.put(name, value);
    }

    /** Whether every requested attribute equals this topic's: {@code CreateTopic} of an existing name needs it. */
    synchronized boolean hasAttributes(Map<String, String> requested) {
        Map<String, String> current = attributes();
        current.putIfAbsent("FifoTopic", "false");
        return requested.entrySet().stream().allMatch(entry -> {
            String value = current.get(entry.getKey());
            return BOOLEANS.contains(entry.getKey()) ? entry.getValue().equalsIgnoreCase(value)
                    : entry.getValue().equals(value);
        });
    }

    /** The attributes set on the topic ({@code FifoTopic} included), which {@link #create} takes to make it again. */
    synchronized Map<String, String> settableAttributes() {
        Map<String, String> set = new LinkedHashMap<>(attributes);
        if (fifo) {
            set.put("FifoTopic", "true");
        }
        return set;
    }

    /** The attributes {@code GetTopicAttributes} reports, apart from the subscription counts. */
    synchronized Map<String, String> attributes() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("TopicArn", arn);
        all.put("Owner", owner);
        all.put("DisplayName", "");
        all.put("EffectiveDeliveryPolicy", DEFAULT_DELIVERY_POLICY);
        if (fifo) {
            all.put("FifoTopic", "true");
            all.put("ContentBasedDeduplication", "false");
        }
        all.putAll(attributes);
        return all;
    }

    private static boolean booleanAttribute(String name, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw SnsException.invalidParameter("Attributes Reason: " + name + ": Invalid value [" + value
                    + "]. Must be true or false.");
        }
        return Boolean.parseBoolean(value);
    }

    private static String defaultPolicy(String arn, String accountId) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":["
                + "\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\",\"SNS:AddPermission\","
                + "\"SNS:RemovePermission\",\"SNS:DeleteTopic\",\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\","
                + "\"SNS:Publish\"],\"Resource\":\"" + arn + "\",\"Condition\":{\"StringEquals\":{"
                + "\"AWS:SourceOwner\":\"" + accountId + "\"}}}]}";
    }
}
