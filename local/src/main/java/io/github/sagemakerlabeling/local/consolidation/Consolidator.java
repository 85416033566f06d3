package io.github.sagemakerlabeling.local.consolidation;

import io.github.sagemakerlabeling.local.workers.AnswerKind;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.util.List;
import java.util.Optional;

/**
 * Turns the answers of an object's workers into one label, as Ground Truth's annotation consolidation Lambdas do.
 */
public interface Consolidator {

    /**
     * @param answers the answers of the workers who answered, at least one, all of the task type's kind
     * @param labels  the job's label categories, whose positions are the class ids
     */
    ConsolidatedLabel consolidate(List<WorkerAnswer> answers, List<LabelCategory> labels);

    /**
     * The consolidation of a task type's answers: by answer kind, and for semantic segmentation a pixel vote whose
     * mask the engine stores.
     */
    static Consolidator of(AnswerKind kind, Optional<TaskType> taskType) {
        if (taskType.filter(type -> type == TaskType.SEMANTIC_SEGMENTATION
                || type == TaskType.SEMANTIC_SEGMENTATION_ADJUSTMENT).isPresent()) {
            return new MaskVote();
        }
        return of(kind);
    }

    /** The consolidation for an answer kind. */
    static Consolidator of(AnswerKind kind) {
        return switch (kind) {
            case CLASS -> new ClassVote();
            case CLASSES -> new MultiLabelVote();
            case BOXES -> new BoxClustering();
            case SPANS -> new SpanVote();
            case CONTENT -> new PassThrough();
        };
    }

    /**
     * The confidence Ground Truth reports for {@code votes} of {@code workers}: the share that agreed, except that a
     * lone worker's answer has confidence 0, as the service documents.
     */
    static double confidence(int votes, int workers) {
        if (workers <= 1) {
            return 0.0;
        }
        return Math.round(100.0 * votes / workers) / 100.0;
    }

    /** The class id of a label: its position in the label categories, or -1 for a label the job does not have. */
    static int classId(List<LabelCategory> labels, String label) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }
}
