package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.util.Optional;

/**
 * Takes an output line out of the SNS notification that carries it when the output topic delivers to SQS without raw
 * message delivery: a JSON object with {@code "Type": "Notification"} whose {@code Message} string is the line. Any
 * other JSON object is taken to be the line itself.
 */
final class SnsEnvelope {

    /** The output line and, when it came in an envelope, the notification's {@code MessageId}. */
    record Unwrapped(ObjectNode line, Optional<String> messageId) {
    }

    private SnsEnvelope() {
    }

    static Unwrapped unwrap(String text) {
        ObjectNode received = readObject(text, "the input");
        if (!isNotification(received)) {
            return new Unwrapped(received, Optional.empty());
        }
        JsonFields envelope = JsonFields.root(received);
        ObjectNode line = readObject(envelope.text("Message"), "the SNS Message");
        return new Unwrapped(line, envelope.optionalText("MessageId"));
    }

    private static boolean isNotification(ObjectNode node) {
        JsonNode type = node.get("Type");
        return type != null && "Notification".equals(type.asText()) && node.has("Message");
    }

    private static ObjectNode readObject(String text, String what) {
        JsonNode node;
        try {
            node = Json.read(text);
        } catch (JsonProcessingException e) {
            throw new OutputShapeException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node.isMissingNode()) {
            throw new OutputShapeException(what + " is empty");
        }
        if (!node.isObject()) {
            throw JsonValues.mismatch(what, "a JSON object", node);
        }
        return (ObjectNode) node;
    }
}
