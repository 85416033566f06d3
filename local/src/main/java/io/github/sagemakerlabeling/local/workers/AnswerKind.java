package io.github.sagemakerlabeling.local.workers;

import io.github.sagemakerlabeling.core.tasktype.TaskType;

/** Which kind of {@link WorkerAnswer} a task type asks workers for. */
public enum AnswerKind {
    CLASS, CLASSES, BOXES, SPANS, CONTENT;

    /** The answer kind of a task type; {@link #CONTENT} for the types labeled with files (masks, frames, clouds). */
    public static AnswerKind of(TaskType type) {
        return switch (type) {
            case IMAGE_CLASSIFICATION, TEXT_CLASSIFICATION, VIDEO_CLASSIFICATION,
                 BOUNDING_BOX_VERIFICATION, SEMANTIC_SEGMENTATION_VERIFICATION -> CLASS;
            case IMAGE_CLASSIFICATION_MULTI_LABEL, TEXT_CLASSIFICATION_MULTI_LABEL -> CLASSES;
            case BOUNDING_BOX, BOUNDING_BOX_ADJUSTMENT -> BOXES;
            case NAMED_ENTITY_RECOGNITION -> SPANS;
            default -> CONTENT;
        };
    }
}
