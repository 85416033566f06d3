package io.github.sagemakerlabeling.local.faults;

import io.github.sagemakerlabeling.local.sqs.QueuePolicies;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@code Policy} queue attribute on Local Ground Truth's SQS endpoint, which ElasticMQ ignores, on both SQS
 * protocols: checked in {@code CreateQueue} and {@code SetQueueAttributes}, taken out of the JSON request ElasticMQ
 * gets, recorded in {@link QueuePolicies} once ElasticMQ has done the rest of the request, forgotten on
 * {@code DeleteQueue}, and added to {@code GetQueueAttributes} answers. {@code CreateQueue} of an existing queue with
 * a different {@code Policy} is refused with {@code QueueAlreadyExists}, as SQS refuses any attribute that differs.
 */
final class QueuePolicyAttributes {

    static final String POLICY = "Policy";

    private final QueuePolicies policies;
    private final Predicate<String> queueExists;

    /**
     * @param policies    where policies are kept
     * @param queueExists whether ElasticMQ has a queue of this name
     */
    QueuePolicyAttributes(QueuePolicies policies, Predicate<String> queueExists) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.queueExists = Objects.requireNonNull(queueExists, "queueExists");
    }

    /** Why SQS would refuse the request (a {@code Policy} that is no policy, or differs), if it would. */
    Optional<WireError> refusal(SqsCall call) {
        if (!"CreateQueue".equals(call.action()) && !"SetQueueAttributes".equals(call.action())) {
            return Optional.empty();
        }
        Optional<String> policy = call.attribute(POLICY);
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        if (!policy.get().isBlank()) {
            try {
                QueuePolicies.check(policy.get());
            } catch (IllegalArgumentException e) {
                return Optional.of(new WireError(400, "InvalidAttributeValue", true,
                        "Invalid value for the parameter Policy. Reason: " + e.getMessage()));
            }
        }
        if ("CreateQueue".equals(call.action()) && differsFromExisting(call.queueName(), policy.get())) {
            return Optional.of(new WireError(400, "QueueAlreadyExists", true, "A queue already exists with the same"
                    + " name and a different value for attribute Policy"));
        }
        return Optional.empty();
    }

    private boolean differsFromExisting(String queueName, String policy) {
        String existing = policies.document(queueName).orElse("");
        return !existing.equals(policy) && queueExists.test(queueName);
    }

    /**
     * Records what a request ElasticMQ carried out did to a queue's policy.
     *
     * @return the response body to send: {@code GetQueueAttributes} with the policy added
     */
    byte[] afterSuccess(SqsCall call, byte[] responseBody) {
        if (call.action() == null) {
            return responseBody;
        }
        switch (call.action()) {
            case "CreateQueue", "SetQueueAttributes" -> call.attribute(POLICY)
                    .ifPresent(policy -> policies.put(call.queueName(), policy));
            case "DeleteQueue" -> policies.remove(call.queueName());
            case "GetQueueAttributes" -> {
                Optional<String> document = policies.document(call.queueName());
                if (document.isPresent() && call.asksFor(POLICY)) {
                    return call.responseWith(responseBody, POLICY, document.get());
                }
            }
            default -> {
                return responseBody;
            }
        }
        return responseBody;
    }
}
