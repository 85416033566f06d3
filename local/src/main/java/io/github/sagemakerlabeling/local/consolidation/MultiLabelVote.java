package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-label classification: every label chosen by at least one worker, as Ground Truth reports, most chosen first,
 * each with the share of workers who chose it.
 */
final class MultiLabelVote implements Consolidator {

    @Override
    public ConsolidatedLabel consolidate(List<WorkerAnswer> answers, List<LabelCategory> labels) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        answers.forEach(answer -> ((WorkerAnswer.ClassChoices) answer).labels()
                .forEach(label -> votes.merge(label, 1, Integer::sum)));
        ArrayNode value = JsonNodeFactory.instance.arrayNode();
        ObjectNode classMap = JsonNodeFactory.instance.objectNode();
        ObjectNode confidenceMap = JsonNodeFactory.instance.objectNode();
        votes.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparingInt(e -> Consolidator.classId(labels, e.getKey())))
                .forEach(entry -> {
                    int classId = Consolidator.classId(labels, entry.getKey());
                    value.add(classId);
                    classMap.put(String.valueOf(classId), entry.getKey());
                    confidenceMap.put(String.valueOf(classId), Consolidator.confidence(entry.getValue(), answers.size()));
                });
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.set("class-map", classMap);
        metadata.set("confidence-map", confidenceMap);
        return new ConsolidatedLabel(value, metadata);
    }
}
