package io.github.sagemakerlabeling.local.workers;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bounding boxes an adjustment or verification task reviews: the label attribute of an earlier job that the
 * task's input line carries, with its {@code -metadata}, as Ground Truth requires of review jobs' input. The
 * reviewed attribute is the last one of the line whose metadata {@code type} is the boxes' output type, so a chain
 * box → adjustment → verification verifies the adjusted boxes.
 *
 * @param attribute   the reviewed label attribute
 * @param imageWidth  the image width the earlier job recorded
 * @param imageHeight the image height the earlier job recorded
 * @param boxes       the earlier boxes, labels resolved through the metadata's {@code class-map}
 */
public record ReviewedBoxes(String attribute, int imageWidth, int imageHeight, List<WorkerAnswer.Box> boxes) {

    private static final String BOXES_TYPE = TaskType.BOUNDING_BOX.outputType();

    public ReviewedBoxes {
        boxes = List.copyOf(boxes);
    }

    /** The boxes a task reviews; empty when its task type reviews no boxes or the line carries none. */
    public static Optional<ReviewedBoxes> of(AnnotationTask task) {
        return task.taskType().flatMap(type -> of(type, task.dataObject().attributes()));
    }

    /**
     * The boxes that a task of the type reviews among an input line's attributes (those besides {@code source-ref}
     * and the deduplication members); empty when the type reviews no boxes or the line carries none.
     */
    public static Optional<ReviewedBoxes> of(TaskType type, Map<String, JsonNode> attributes) {
        if (type.baseType().filter(TaskType.BOUNDING_BOX::equals).isEmpty()) {
            return Optional.empty();
        }
        String reviewed = null;
        for (Map.Entry<String, JsonNode> entry : attributes.entrySet()) {
            JsonNode metadata = attributes.get(entry.getKey() + "-metadata");
            if (metadata != null && BOXES_TYPE.equals(metadata.path("type").asText())
                    && entry.getValue().has("annotations")) {
                reviewed = entry.getKey();
            }
        }
        if (reviewed == null) {
            return Optional.empty();
        }
        JsonNode value = attributes.get(reviewed);
        JsonNode classMap = attributes.get(reviewed + "-metadata").path("class-map");
        List<WorkerAnswer.Box> boxes = new ArrayList<>();
        for (JsonNode box : value.path("annotations")) {
            String classId = box.path("class_id").asText();
            boxes.add(new WorkerAnswer.Box(classMap.path(classId).asText(classId), box.path("left").asInt(),
                    box.path("top").asInt(), box.path("width").asInt(), box.path("height").asInt()));
        }
        JsonNode size = value.path("image_size").path(0);
        return Optional.of(new ReviewedBoxes(reviewed, size.path("width").asInt(1), size.path("height").asInt(1),
                boxes));
    }

    /**
     * The boxes as a worker adjusts them: each moved and resized by a few pixels, kept inside the image.
     *
     * @param dx     pixels to move right (negative: left)
     * @param dy     pixels to move down
     * @param dWidth pixels to add to the width (negative: remove)
     */
    public WorkerAnswer.Boxes adjusted(int dx, int dy, int dWidth, int dHeight) {
        List<WorkerAnswer.Box> adjusted = boxes.stream().map(box -> {
            int left = clamp(box.left() + dx, 0, imageWidth - 1);
            int top = clamp(box.top() + dy, 0, imageHeight - 1);
            return new WorkerAnswer.Box(box.label(), left, top, clamp(box.width() + dWidth, 1, imageWidth - left),
                    clamp(box.height() + dHeight, 1, imageHeight - top));
        }).toList();
        return new WorkerAnswer.Boxes(imageWidth, imageHeight, adjusted);
    }

    /** Whether a worker's boxes differ from the reviewed ones (in any box, label or count). */
    public boolean changedBy(WorkerAnswer.Boxes answer) {
        return !answer.boxes().equals(boxes);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
