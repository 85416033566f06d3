package io.github.sagemakerlabeling.local.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queue attributes SQS accepts and ElasticMQ refuses ({@code SetQueueAttributes} answers {@code InvalidAttributeName}
 * for the encryption ones) or drops ({@code MessageRetentionPeriod}): server-side encryption and message retention.
 * Local Ground Truth's SQS endpoint checks their values as SQS does, keeps them per queue out of ElasticMQ's sight,
 * reports them in {@code GetQueueAttributes} and forgets them on {@code DeleteQueue}, as it does for {@code Policy}.
 * They are recorded only: nothing is encrypted, and messages are not deleted after the retention period.
 */
final class RecordedQueueAttributes {

    /** The attributes recorded here, which ElasticMQ must not see. */
    static final List<String> NAMES = List.of("SqsManagedSseEnabled", "KmsMasterKeyId",
            "KmsDataKeyReusePeriodSeconds", "MessageRetentionPeriod");

    private final Map<String, Map<String, String>> byQueue = new ConcurrentHashMap<>();

    /** The attributes recorded for a queue. */
    Map<String, String> of(String queueName) {
        return byQueue.getOrDefault(queueName, Map.of());
    }

    /** Records a queue's attributes as they were, replacing what was recorded. */
    void restore(String queueName, Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            byQueue.remove(queueName);
        } else {
            byQueue.put(queueName, Map.copyOf(attributes));
        }
    }

    /** Why SQS would refuse a value of one of these attributes in {@code CreateQueue} or {@code SetQueueAttributes}. */
    Optional<WireError> refusal(SqsCall call) {
        if (!"CreateQueue".equals(call.action()) && !"SetQueueAttributes".equals(call.action())) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            Optional<String> problem = call.attribute(name).flatMap(value -> problem(name, value.trim()));
            if (problem.isPresent()) {
                return Optional.of(new WireError(400, "InvalidAttributeValue", true,
                        "Invalid value for the parameter " + name + ". Reason: " + problem.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(String name, String value) {
        return switch (name) {
            case "SqsManagedSseEnabled" -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                    ? Optional.empty() : Optional.of("must be true or false, was '" + value + "'");
            case "KmsDataKeyReusePeriodSeconds" -> outOfRange(value, 60, 86_400);
            case "MessageRetentionPeriod" -> outOfRange(value, 60, 1_209_600);
            default -> Optional.empty(); // KmsMasterKeyId: a key id, ARN or alias, which KMS would check; empty disables
        };
    }

    private static Optional<String> outOfRange(String value, long min, long max) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= min && seconds <= max) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Optional.of("must be a whole number of seconds from " + min + " to " + max + ", was '" + value + "'");
    }

    /**
     * Records what a request ElasticMQ carried out did to these attributes.
     *
     * @return the response body to send: {@code GetQueueAttributes} with the recorded attributes it asks for added
     */
    byte[] afterSuccess(SqsCall call, byte[] responseBody) {
        if (call.action() == null) {
            return responseBody;
        }
        switch (call.action()) {
            case "CreateQueue", "SetQueueAttributes" -> record(call);
            case "DeleteQueue" -> byQueue.remove(call.queueName());
            case "GetQueueAttributes" -> {
                byte[] response = responseBody;
                for (Map.Entry<String, String> attribute : byQueue.getOrDefault(call.queueName(), Map.of()).entrySet()) {
                    if (call.asksFor(attribute.getKey())) {
                        response = call.responseWith(response, attribute.getKey(), attribute.getValue());
                    }
                }
                return response;
            }
            default -> {
                return responseBody;
            }
        }
        return responseBody;
    }

    private void record(SqsCall call) {
        Map<String, String> values = new LinkedHashMap<>();
        NAMES.forEach(name -> call.attribute(name).ifPresent(value -> values.put(name, value.trim())));
        if (values.isEmpty()) {
            return;
        }
        byQueue.compute(call.queueName(), (queue, recorded) -> {
            Map<String, String> updated = recorded == null ? new LinkedHashMap<>() : new LinkedHashMap<>(recorded);
            values.forEach((name, value) -> {
                if (name.equals("KmsMasterKeyId") && value.isEmpty()) {
                    updated.remove(name);
                } else {
                    updated.put(name, name.equals("SqsManagedSseEnabled") ? value.toLowerCase(Locale.ROOT)
                            : value);
                }
            });
            return Map.copyOf(updated);
        });
    }
}
