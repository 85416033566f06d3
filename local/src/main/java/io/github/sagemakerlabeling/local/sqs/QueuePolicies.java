package io.github.sagemakerlabeling.local.sqs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access policies of SQS queues (their {@code Policy} attribute), which ElasticMQ does not keep. Local Ground
 * Truth's SQS endpoint records what applications set (see {@code SqsFaultProxy}) and reports it back; local SNS
 * asks before it delivers to a queue. Policies are held parsed, so a check costs no request, and a change takes
 * effect at once.
 *
 * <p>A queue without a policy takes messages from every topic: real SQS would refuse SNS's delivery to it (a
 * documented leniency of Local Ground Truth). Queues are known by name: ElasticMQ has one account and region.
 */
public final class QueuePolicies {

    private final Map<String, QueuePolicy> byQueueName = new ConcurrentHashMap<>();

    /**
     * Sets a queue's policy, as {@code SetQueueAttributes} does; an empty document removes it.
     *
     * @throws IllegalArgumentException if the document is no policy (not JSON, or without a {@code Statement})
     */
    public void put(String queueName, String document) {
        if (document.isBlank()) {
            byQueueName.remove(queueName);
        } else {
            byQueueName.put(queueName, QueuePolicy.parse(document));
        }
    }

    /**
     * Checks a policy document as {@link #put} does.
     *
     * @throws IllegalArgumentException if the document is no policy
     */
    public static void check(String document) {
        QueuePolicy.parse(document);
    }

    /** Forgets a queue's policy, e.g. when the queue is deleted. */
    public void remove(String queueName) {
        byQueueName.remove(queueName);
    }

    /** Forgets every policy. */
    public void clear() {
        byQueueName.clear();
    }

    /** The queue's policy document as it was set, if it has one. */
    public Optional<String> document(String queueName) {
        return Optional.ofNullable(byQueueName.get(queueName)).map(QueuePolicy::document);
    }

    /**
     * Whether SNS may deliver the topic's messages to the queue: yes without a policy, else if the policy allows
     * {@code sns.amazonaws.com} (or {@code *}) {@code sqs:SendMessage} on the queue for this topic (see
     * {@link QueuePolicy}).
     */
    public boolean allowsSns(String queueName, String queueArn, String topicArn) {
        QueuePolicy policy = byQueueName.get(queueName);
        return policy == null || policy.allowsSns(queueArn, topicArn);
    }
}
