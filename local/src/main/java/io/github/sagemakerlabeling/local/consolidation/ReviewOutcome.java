package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.workers.ReviewedBoxes;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.util.List;
import java.util.Optional;

/**
 * What review jobs add to a consolidated label, as Ground Truth writes it: a verification's verdict is the class
 * index as a string ({@code "1"}); a bounding-box adjustment's metadata says {@code "adjustment-status"}: {@code
 * adjusted} when at least one worker changed the reviewed boxes, else {@code unadjusted}.
 */
public final class ReviewOutcome {

    private ReviewOutcome() {
    }

    /**
     * @param label           the consolidated label
     * @param taskType        the job's task type, empty for custom jobs
     * @param input           the input line, which carries the reviewed label
     * @param answers         the workers' answers
     * @return the label as a review job writes it; unchanged for other jobs
     */
    public static ConsolidatedLabel apply(ConsolidatedLabel label, Optional<TaskType> taskType,
                                          DataObject input, List<WorkerAnswer> answers) {
        if (taskType.filter(TaskType::isVerification).isPresent()) {
            return new ConsolidatedLabel(TextNode.valueOf(label.value().asText()), label.metadata());
        }
        if (taskType.filter(type -> type == TaskType.BOUNDING_BOX_ADJUSTMENT).isEmpty()) {
            return label;
        }
        // Only review jobs read the line's attributes (a copy): other jobs pay nothing here.
        Optional<ReviewedBoxes> reviewed = ReviewedBoxes.of(taskType.get(), input.attributes());
        boolean adjusted = answers.stream().map(WorkerAnswer.Boxes.class::cast).anyMatch(answer ->
                reviewed.map(earlier -> earlier.changedBy(answer)).orElse(!answer.boxes().isEmpty()));
        ObjectNode metadata = label.metadata().deepCopy()
                .put("adjustment-status", adjusted ? "adjusted" : "unadjusted");
        return new ConsolidatedLabel(label.value(), metadata);
    }
}
