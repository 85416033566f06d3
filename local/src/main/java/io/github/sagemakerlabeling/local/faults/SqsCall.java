package io.github.sagemakerlabeling.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * One SQS request as the queue-attribute bookkeeping sees it, on either protocol: the JSON 1.0 protocol (the AWS SDKs
 * and the AWS CLI) or the query protocol ({@code Action=...} forms, e.g. boto3 before 1.34 or hand-written clients).
 */
abstract class SqsCall {

    private final String action;
    private final byte[] body;

    private SqsCall(String action, byte[] body) {
        this.action = action;
        this.body = body;
    }

    /** A JSON 1.0 request. */
    static SqsCall json(String action, byte[] body) {
        return new JsonCall(action, body);
    }

    /**
     * A query-protocol request.
     *
     * @param path   the request path: the queue URL's path when the request is sent to the queue's URL
     * @param params the decoded parameters of the query string and form body
     * @param body   the body as it came
     */
    static SqsCall query(String action, String path, Map<String, String> params, byte[] body) {
        return new QueryCall(action, path, params, body);
    }

    final String action() {
        return action;
    }

    final byte[] body() {
        return body;
    }

    /** The queue's name: {@code QueueName} for {@code CreateQueue}, else the last segment of the queue URL. */
    abstract String queueName();

    /** The value the request sets for a queue attribute ({@code CreateQueue}, {@code SetQueueAttributes}). */
    abstract Optional<String> attribute(String name);

    /** Whether a {@code GetQueueAttributes} request asks for the attribute (by name or {@code All}). */
    abstract boolean asksFor(String name);

    /** The request body to forward without the attributes. */
    abstract byte[] bodyWithout(Collection<String> names);

    /** A {@code GetQueueAttributes} response body with the attribute added. */
    abstract byte[] responseWith(byte[] response, String name, String value);

    static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static final class JsonCall extends SqsCall {

        private final JsonNode request;

        JsonCall(String action, byte[] body) {
            super(action, body);
            this.request = read(body);
        }

        @Override
        String queueName() {
            return "CreateQueue".equals(action()) ? request.path("QueueName").asText()
                    : lastSegment(request.path("QueueUrl").asText());
        }

        @Override
        Optional<String> attribute(String name) {
            JsonNode value = request.path("Attributes").path(name);
            return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
        }

        @Override
        boolean asksFor(String name) {
            for (JsonNode each : request.path("AttributeNames")) {
                if (each.asText().equals("All") || each.asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        byte[] bodyWithout(Collection<String> names) {
            JsonNode copy = read(body());
            if (!(copy.path("Attributes") instanceof ObjectNode attributes)
                    || names.stream().noneMatch(attributes::has)) {
                return body();
            }
            attributes.remove(names);
            return Json.write(copy).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        byte[] responseWith(byte[] responseBody, String name, String value) {
            JsonNode response = read(responseBody);
            if (!response.isObject()) {
                return responseBody;
            }
            JsonNode attributes = response.path("Attributes");
            ObjectNode target = attributes.isObject() ? (ObjectNode) attributes
                    : ((ObjectNode) response).putObject("Attributes");
            target.put(name, value);
            return Json.write(response).getBytes(StandardCharsets.UTF_8);
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

    private static final class QueryCall extends SqsCall {

        private static final String RESULT_END = "</GetQueueAttributesResult>";

        private final String path;
        private final Map<String, String> params;

        QueryCall(String action, String path, Map<String, String> params, byte[] body) {
            super(action, body);
            this.path = path;
            this.params = params;
        }

        @Override
        String queueName() {
            if ("CreateQueue".equals(action())) {
                return params.getOrDefault("QueueName", "");
            }
            String url = params.get("QueueUrl");
            return lastSegment(url != null ? url : path == null ? "" : path);
        }

        @Override
        Optional<String> attribute(String name) {
            for (int i = 1; params.containsKey("Attribute." + i + ".Name"); i++) {
                if (params.get("Attribute." + i + ".Name").equals(name)) {
                    return Optional.ofNullable(params.get("Attribute." + i + ".Value"));
                }
            }
            return Optional.empty();
        }

        @Override
        boolean asksFor(String name) {
            for (int i = 1; params.containsKey("AttributeName." + i); i++) {
                String each = params.get("AttributeName." + i);
                if (each.equals("All") || each.equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /** Forwarded as it came: ElasticMQ logs an attribute it does not know on the query protocol and goes on. */
        @Override
        byte[] bodyWithout(Collection<String> names) {
            return body();
        }

        @Override
        byte[] responseWith(byte[] responseBody, String name, String value) {
            String response = new String(responseBody, StandardCharsets.UTF_8);
            int end = response.indexOf(RESULT_END);
            if (end < 0) {
                return responseBody;
            }
            String attribute = "<Attribute><Name>" + name + "</Name><Value>" + escape(value) + "</Value></Attribute>";
            return (response.substring(0, end) + attribute + response.substring(end)).getBytes(StandardCharsets.UTF_8);
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
