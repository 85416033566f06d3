package io.github.sagemakerlabeling.local.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A queue's access policy, read for one question: may SNS send a topic's messages to the queue? A statement answers
 * it when its principal is {@code "*"} (or {@code {"AWS": "*"}}) or the service {@code sns.amazonaws.com}, its action
 * matches {@code sqs:SendMessage} (wildcards allowed), its resource, if any, matches the queue ARN, and each of its
 * conditions holds: {@code aws:SourceArn} or {@code aws:SourceAccount} under {@code ArnEquals}, {@code ArnLike},
 * {@code StringEquals} or {@code StringLike}, with one value or a list. A condition of any other key or operator does
 * not hold here, nor does a statement with {@code NotPrincipal}, {@code NotAction} or {@code NotResource}. An
 * explicit {@code Deny} that answers wins over any {@code Allow}, as in IAM.
 */
final class QueuePolicy {

    private static final String SEND_MESSAGE = "sqs:sendmessage";
    private static final String SNS_SERVICE = "sns.amazonaws.com";

    private final String document;
    private final List<Statement> statements;
    /** Answers already given, by queue and topic ARN: the policy never changes, a new one replaces it. */
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    private QueuePolicy(String document, List<Statement> statements) {
        this.document = document;
        this.statements = statements;
    }

    /**
     * Reads a policy document.
     *
     * @throws IllegalArgumentException if it is no JSON object with a {@code Statement}
     */
    static QueuePolicy parse(String document) {
        JsonNode policy;
        try {
            policy = Json.read(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the policy is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode statement = policy.path("Statement");
        if (!policy.isObject() || !(statement.isObject() || statement.isArray())) {
            throw new IllegalArgumentException("the policy has no Statement");
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode node : statement.isArray() ? statement : List.of(statement)) {
            statements.add(new Statement(node));
        }
        return new QueuePolicy(document, List.copyOf(statements));
    }

    /** The document as it was set. */
    String document() {
        return document;
    }

    /** Whether SNS may send messages of the topic to the queue. */
    boolean allowsSns(String queueArn, String topicArn) {
        return answers.computeIfAbsent(queueArn + " " + topicArn, key -> evaluate(queueArn, topicArn));
    }

    private boolean evaluate(String queueArn, String topicArn) {
        boolean allowed = false;
        for (Statement statement : statements) {
            if (statement.answers(queueArn, topicArn)) {
                if (!statement.allows()) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }

    /** One policy statement. */
    private record Statement(JsonNode node) {

        boolean allows() {
            return "Allow".equals(node.path("Effect").asText());
        }

        boolean answers(String queueArn, String topicArn) {
            if (node.has("NotPrincipal") || node.has("NotAction") || node.has("NotResource")) {
                return false;
            }
            return principalIsSns(node.path("Principal"))
                    && values(node.path("Action")).stream()
                            .anyMatch(action -> WildcardMatch.matches(action.toLowerCase(Locale.ROOT), SEND_MESSAGE))
                    && (node.path("Resource").isMissingNode()
                            || values(node.path("Resource")).stream()
                                    .anyMatch(resource -> WildcardMatch.matches(resource, queueArn)))
                    && conditionsHold(node.path("Condition"), topicArn);
        }

        private static boolean principalIsSns(JsonNode principal) {
            if (principal.isTextual()) {
                return principal.asText().equals("*");
            }
            return values(principal.path("AWS")).contains("*")
                    || values(principal.path("Service")).stream()
                            .anyMatch(service -> service.equalsIgnoreCase(SNS_SERVICE));
        }

        private static boolean conditionsHold(JsonNode conditions, String topicArn) {
            for (Map.Entry<String, JsonNode> operator : conditions.properties()) {
                if (!operatorHolds(operator.getKey(), operator.getValue(), topicArn)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean operatorHolds(String operator, JsonNode keys, String topicArn) {
            boolean pattern;
            switch (operator) {
                case "ArnEquals", "StringEquals" -> pattern = false;
                case "ArnLike", "StringLike" -> pattern = true;
                default -> {
                    return false;
                }
            }
            for (Map.Entry<String, JsonNode> key : keys.properties()) {
                String actual = switch (key.getKey().toLowerCase(Locale.ROOT)) {
                    case "aws:sourcearn" -> topicArn;
                    case "aws:sourceaccount" -> topicArn.split(":")[4];
                    default -> null;
                };
                if (actual == null || values(key.getValue()).stream()
                        .noneMatch(expected -> pattern ? WildcardMatch.matches(expected, actual) : expected.equals(actual))) {
                    return false;
                }
            }
            return true;
        }

        private static List<String> values(JsonNode node) {
            List<String> values = new ArrayList<>();
            if (node.isTextual()) {
                values.add(node.asText());
            } else if (node.isArray()) {
                node.forEach(value -> values.add(value.asText()));
            }
            return values;
        }
    }
}
