package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Single-label classification: majority vote, ties going to the label listed first; confidence is the agreement. */
final class ClassVote implements Consolidator {

    @Override
    public ConsolidatedLabel consolidate(List<WorkerAnswer> answers, List<LabelCategory> labels) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        answers.forEach(answer -> votes.merge(((WorkerAnswer.ClassChoice) answer).label(), 1, Integer::sum));
        Map.Entry<String, Integer> winner = votes.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> -rank(labels, e.getKey())))
                .orElseThrow();
        ObjectNode metadata = JsonNodeFactory.instance.objectNode()
                .put("class-name", winner.getKey())
                .put("confidence", Consolidator.confidence(winner.getValue(), answers.size()));
        return new ConsolidatedLabel(JsonNodeFactory.instance.numberNode(Consolidator.classId(labels, winner.getKey())),
                metadata);
    }

    private static int rank(List<LabelCategory> labels, String label) {
        int index = Consolidator.classId(labels, label);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
