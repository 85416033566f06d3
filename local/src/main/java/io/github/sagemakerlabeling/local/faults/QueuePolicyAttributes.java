package io.github.sagemakerlabeling.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.sqs.QueuePolicies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code Policy} queue attribute on Local Ground Truth's SQS endpoint, which ElasticMQ ignores: checked in
 * {@code CreateQueue} and {@code SetQueueAttributes}, taken out of the request ElasticMQ gets, recorded in
 * {@link QueuePolicies} once ElasticMQ has done the rest of the request, forgotten on {@code DeleteQueue}, and added to {@code GetQueueAttributes} answers. JSON
 * protocol only (what the AWS SDKs and the AWS CLI speak).
 */
final class QueuePolicyAttributes {

    private static final String POLICY = "Policy";
    private static final Set<String> ACTIONS =
            Set.of("CreateQueue", "SetQueueAttributes", "DeleteQueue", "GetQueueAttributes");

    private final QueuePolicies policies;

    QueuePolicyAttributes(QueuePolicies policies) {
        this.policies = policies;
    }

    /** Why SQS would refuse the request (a {@code Policy} that is no policy), if it would. */
    Optional<WireError> refusal(String action, byte[] requestBody) {
        if (!"CreateQueue".equals(action) && !"SetQueueAttributes".equals(action)) {
            return Optional.empty();
        }
        JsonNode policy = read(requestBody).path("Attributes").path(POLICY);
        if (!policy.isTextual() || policy.asText().isBlank()) {
            return Optional.empty();
        }
        try {
            QueuePolicies.check(policy.asText());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new WireError(400, "InvalidAttributeValue", true,
                    "Invalid value for the parameter Policy. Reason: " + e.getMessage()));
        }
    }

    /**
     * The request as ElasticMQ gets it: without the {@code Policy} attribute, which it would only log as ignored.
     */
    byte[] forwardedBody(String action, byte[] requestBody) {
        if (!"CreateQueue".equals(action) && !"SetQueueAttributes".equals(action)) {
            return requestBody;
        }
        JsonNode request = read(requestBody);
        if (!(request.path("Attributes") instanceof ObjectNode attributes) || !attributes.has(POLICY)) {
            return requestBody;
        }
        attributes.remove(POLICY);
        return Json.write(request).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Records what a request ElasticMQ carried out did to a queue's policy.
     *
     * @return the response body to send: {@code GetQueueAttributes} with the policy added
     */
    byte[] afterSuccess(String action, byte[] requestBody, byte[] responseBody) {
        if (!ACTIONS.contains(action)) {
            return responseBody;
        }
        JsonNode request = read(requestBody);
        switch (action) {
            case "CreateQueue" -> {
                JsonNode policy = request.path("Attributes").path(POLICY);
                if (policy.isTextual()) {
                    policies.put(request.path("QueueName").asText(), policy.asText());
                }
            }
            case "SetQueueAttributes" -> {
                JsonNode policy = request.path("Attributes").path(POLICY);
                if (policy.isTextual()) {
                    policies.put(queueName(request), policy.asText());
                }
            }
            case "DeleteQueue" -> policies.remove(queueName(request));
            default -> {
                return withPolicy(request, responseBody);
            }
        }
        return responseBody;
    }

    private byte[] withPolicy(JsonNode request, byte[] responseBody) {
        Optional<String> document = policies.document(queueName(request));
        boolean asked = false;
        for (JsonNode name : request.path("AttributeNames")) {
            asked |= name.asText().equals("All") || name.asText().equals(POLICY);
        }
        if (document.isEmpty() || !asked) {
            return responseBody;
        }
        JsonNode response = read(responseBody);
        if (!response.isObject()) {
            return responseBody;
        }
        JsonNode attributes = response.path("Attributes");
        ObjectNode target = attributes.isObject() ? (ObjectNode) attributes : ((ObjectNode) response).putObject(
                "Attributes");
        target.put(POLICY, document.get());
        return Json.write(response).getBytes(StandardCharsets.UTF_8);
    }

    /** The queue name: the last segment of the request's {@code QueueUrl}. */
    private static String queueName(JsonNode request) {
        String url = request.path("QueueUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static JsonNode read(byte[] body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node == null ? Json.mapper().missingNode() : node;
        } catch (IOException e) {
            return Json.mapper().missingNode();
        }
    }
}
