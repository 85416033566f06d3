package io.github.sagemakerlabeling.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.faults.Operation.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Per-entry faults of one SQS batch request on the JSON protocol ({@code SendMessageBatch},
 * {@code DeleteMessageBatch}, {@code ChangeMessageVisibilityBatch}): entries hit before processing are taken out of
 * the request ElasticMQ gets, entries hit after processing go through; both are then reported under {@code Failed}
 * in the response, the way SQS reports an entry it could not handle.
 */
final class SqsBatchEntries {

    private static final int MAX_ENTRIES = 10;

    private final ObjectNode request;
    private final ArrayNode forwarded;
    private final Map<String, WireError> failedBefore;
    private final Map<String, WireError> failedAfter;

    private SqsBatchEntries(ObjectNode request, ArrayNode forwarded, Map<String, WireError> failedBefore,
            Map<String, WireError> failedAfter) {
        this.request = request;
        this.forwarded = forwarded;
        this.failedBefore = failedBefore;
        this.failedAfter = failedAfter;
    }

    /**
     * Draws a decision for every entry of a batch request.
     *
     * @return the plan, or {@code null} when the action has no entry faults, the request is not a well-formed
     *         batch (ElasticMQ then gives the real error) or no entry was hit
     */
    static SqsBatchEntries plan(FaultInjector faults, String action, byte[] body) {
        Operation operation = Operation.entry(Service.SQS, action).orElse(null);
        if (!faults.active(operation)) {
            return null;
        }
        JsonNode parsed;
        try {
            parsed = Json.read(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
        if (!(parsed instanceof ObjectNode request) || !(request.get("Entries") instanceof ArrayNode entries)
                || entries.isEmpty() || entries.size() > MAX_ENTRIES || !distinctIds(entries)) {
            return null;
        }
        ArrayNode forwarded = request.arrayNode();
        Map<String, WireError> failedBefore = new LinkedHashMap<>();
        Map<String, WireError> failedAfter = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            FaultDecision decision = faults.decide(operation);
            String id = entry.get("Id").asText();
            if (decision.failsBeforeProcessing()) {
                failedBefore.put(id, decision.error(Service.SQS));
            } else {
                forwarded.add(entry);
                if (decision.failsAfterProcessing()) {
                    failedAfter.put(id, decision.error(Service.SQS));
                }
            }
        }
        if (failedBefore.isEmpty() && failedAfter.isEmpty()) {
            return null;
        }
        return new SqsBatchEntries(request, forwarded, failedBefore, failedAfter);
    }

    /** Whether every entry failed before processing, so that nothing is left to forward. */
    boolean nothingToForward() {
        return forwarded.isEmpty();
    }

    /** The request without the entries that failed before processing. */
    byte[] forwardedBody() {
        ObjectNode copy = request.deepCopy();
        copy.set("Entries", forwarded);
        return Json.write(copy).getBytes(StandardCharsets.UTF_8);
    }

    /** The whole response when nothing was forwarded: every entry under {@code Failed}. */
    byte[] localResponse() {
        ObjectNode response = Json.mapper().createObjectNode();
        response.putArray("Successful");
        addFailures(response.putArray("Failed"), failedBefore);
        return Json.write(response).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * ElasticMQ's successful response with the injected failures added: entries that failed before processing, and
     * entries that were processed but are reported failed (moved out of {@code Successful}).
     *
     * @return the new body, or the given one unchanged if it is not a batch result
     */
    byte[] merge(byte[] upstreamBody) {
        JsonNode parsed;
        try {
            parsed = Json.read(new String(upstreamBody, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return upstreamBody;
        }
        if (!(parsed instanceof ObjectNode response)) {
            return upstreamBody;
        }
        ArrayNode successful = array(response, "Successful");
        ArrayNode failed = array(response, "Failed");
        ArrayNode kept = response.arrayNode();
        for (JsonNode entry : successful) {
            if (!failedAfter.containsKey(entry.path("Id").asText())) {
                kept.add(entry);
            }
        }
        response.set("Successful", kept);
        addFailures(failed, failedBefore);
        addFailures(failed, failedAfter);
        return Json.write(response).getBytes(StandardCharsets.UTF_8);
    }

    private static void addFailures(ArrayNode failed, Map<String, WireError> failures) {
        failures.forEach((id, error) -> failed.addObject()
                .put("Id", id)
                .put("SenderFault", false)
                .put("Code", error.code())
                .put("Message", error.message()));
    }

    private static ArrayNode array(ObjectNode object, String name) {
        return object.get(name) instanceof ArrayNode array ? array : object.putArray(name);
    }

    private static boolean distinctIds(ArrayNode entries) {
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : entries) {
            JsonNode id = entry.get("Id");
            if (id == null || !id.isTextual() || !ids.add(id.asText())) {
                return false;
            }
        }
        return true;
    }
}
