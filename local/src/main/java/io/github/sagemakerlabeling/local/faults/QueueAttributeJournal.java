package io.github.sagemakerlabeling.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.sqs.QueuePolicies;
import io.github.sagemakerlabeling.local.store.Journal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the queue attributes the SQS endpoint holds outside ElasticMQ ({@code Policy}, {@link RecordedQueueAttributes})
 * in a {@link Journal}: after each {@code CreateQueue}, {@code SetQueueAttributes} or {@code DeleteQueue} ElasticMQ
 * carried out, the queue's attributes as they now are (or its deletion), written before the response is sent.
 * Made on a journal with events, it restores them and compacts the journal.
 */
final class QueueAttributeJournal {

    private final Journal journal;
    private final QueuePolicies policies;
    private final RecordedQueueAttributes recorded;

    QueueAttributeJournal(Journal journal, QueuePolicies policies, RecordedQueueAttributes recorded) {
        this.journal = journal;
        this.policies = policies;
        this.recorded = recorded;
        Set<String> queues = new LinkedHashSet<>();
        for (JsonNode event : journal.events()) {
            String queue = event.path("queue").asText();
            if (event.path("event").asText().equals("deleted")) {
                policies.remove(queue);
                recorded.restore(queue, Map.of());
                queues.remove(queue);
            } else {
                policies.put(queue, event.path("policy").asText(""));
                Map<String, String> attributes = new LinkedHashMap<>();
                event.path("recorded").fields().forEachRemaining(field -> attributes.put(field.getKey(),
                        field.getValue().asText()));
                recorded.restore(queue, attributes);
                queues.add(queue);
            }
        }
        List<JsonNode> state = new ArrayList<>();
        queues.forEach(queue -> state.add(stateOf(queue)));
        journal.compact(state);
    }

    /** Writes what a successful request changed. */
    void afterSuccess(SqsCall call) {
        if (call.action() == null || call.queueName() == null) {
            return;
        }
        switch (call.action()) {
            case "CreateQueue", "SetQueueAttributes" -> journal.append(stateOf(call.queueName()));
            case "DeleteQueue" -> journal.append(Journal.event("deleted").put("queue", call.queueName()));
            default -> {
                // reads change nothing
            }
        }
    }

    private ObjectNode stateOf(String queue) {
        ObjectNode event = Journal.event("attributes").put("queue", queue)
                .put("policy", policies.document(queue).orElse(""));
        event.set("recorded", Json.mapper().valueToTree(recorded.of(queue)));
        return event;
    }
}
