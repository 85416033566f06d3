package io.github.sagemakerlabeling.core.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;

/**
 * Adds the statement that lets a job's output topic send to a queue to the queue's policy, keeping every statement
 * the policy already has (a user's own grants, an organisation's guard rails); only an earlier statement of the
 * component's, known by its {@code Sid}, is replaced.
 */
final class QueuePolicies {

    /** The {@code Sid} of the component's statement. */
    static final String STATEMENT_ID = "OnlyTheLabelingJobOutputTopic";

    private QueuePolicies() {
    }

    /**
     * @param existing the queue's policy, {@code null} or empty when it has none
     * @throws IllegalStateException when the existing policy is not a JSON object, so it cannot be merged safely
     */
    static String withTopicStatement(String existing, String queueArn, String topicArn) {
        ObjectNode policy = existing == null || existing.isBlank() ? newPolicy() : read(existing);
        ArrayNode statements = JsonNodeFactory.instance.arrayNode();
        JsonNode current = policy.get("Statement");
        if (current != null && current.isArray()) {
            current.forEach(statement -> keepUnlessOurs(statement, statements));
        } else if (current != null) {
            keepUnlessOurs(current, statements);
        }
        statements.add(topicStatement(queueArn, topicArn));
        policy.set("Statement", statements);
        return Json.write(policy);
    }

    private static void keepUnlessOurs(JsonNode statement, ArrayNode kept) {
        if (!STATEMENT_ID.equals(statement.path("Sid").asText(null))) {
            kept.add(statement);
        }
    }

    private static ObjectNode newPolicy() {
        return JsonNodeFactory.instance.objectNode().put("Version", "2012-10-17");
    }

    private static ObjectNode read(String existing) {
        try {
            JsonNode node = Json.read(existing);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalStateException("The queue's policy is not a JSON object, so the labeling job's statement"
                + " cannot be added to it: " + existing);
    }

    private static ObjectNode topicStatement(String queueArn, String topicArn) {
        ObjectNode statement = JsonNodeFactory.instance.objectNode()
                .put("Sid", STATEMENT_ID)
                .put("Effect", "Allow");
        statement.putObject("Principal").put("Service", "sns.amazonaws.com");
        statement.put("Action", "sqs:SendMessage").put("Resource", queueArn);
        statement.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", topicArn);
        return statement;
    }
}
