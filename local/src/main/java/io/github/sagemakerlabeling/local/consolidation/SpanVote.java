package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named entity recognition: a span (label and offsets) is kept when at least half the workers marked it, with the
 * share of workers who did as confidence. The output lists the job's labels with their short display names.
 */
final class SpanVote implements Consolidator {

    @Override
    public ConsolidatedLabel consolidate(List<WorkerAnswer> answers, List<LabelCategory> labels) {
        Map<WorkerAnswer.Span, Integer> votes = new LinkedHashMap<>();
        answers.forEach(answer -> ((WorkerAnswer.Spans) answer).spans().stream().distinct()
                .forEach(span -> votes.merge(span, 1, Integer::sum)));
        int quorum = (answers.size() + 1) / 2;
        ArrayNode entities = JsonNodeFactory.instance.arrayNode();
        ArrayNode confidences = JsonNodeFactory.instance.arrayNode();
        votes.forEach((span, count) -> {
            if (count >= quorum) {
                entities.addObject().put("label", span.label())
                        .put("startOffset", span.startOffset()).put("endOffset", span.endOffset());
                confidences.addObject().put("confidence", Consolidator.confidence(count, answers.size()));
            }
        });
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        ObjectNode annotations = value.putObject("annotations");
        ArrayNode labelList = annotations.putArray("labels");
        labels.forEach(category -> {
            ObjectNode label = labelList.addObject().put("label", category.label());
            category.shortDisplayName().ifPresent(shortName -> label.put("shortDisplayName", shortName));
        });
        annotations.set("entities", entities);
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.set("entities", confidences);
        return new ConsolidatedLabel(value, metadata);
    }
}
