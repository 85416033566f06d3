package io.github.sagemakerlabeling.local.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A worker's answer in the shape the crowd HTML elements submit it, the {@code answerContent} of Ground Truth's
 * worker-response files: one member named after the element's {@code name} attribute, whose value is the element's
 * output. Built-in task UIs name their element as below, so simulated answers are written that way:
 *
 * <pre>
 * crowd-classifier / crowd-image-classifier        {"crowd-classifier": {"label": "positive"}}
 * crowd-(image-)classifier-multi-select            {"crowd-classifier-multi-select": {"labels": ["a", "b"]}}
 * crowd-bounding-box (name "boundingBox")          {"boundingBox": {"boundingBoxes": [{"height": .., "label": ..,
 *                                                   "left": .., "top": .., "width": ..}],
 *                                                   "inputImageProperties": {"height": .., "width": ..}}}
 * crowd-entity-annotation                          {"crowd-entity-annotation": {"entities": [{"endOffset": ..,
 *                                                   "label": .., "startOffset": ..}]}}
 * </pre>
 *
 * A custom template's form output is taken as it is. {@link #read} accepts any element name, as a job's own
 * template may name its element as it likes.
 */
public final class AnswerContent {

    private AnswerContent() {
    }

    /** The {@code name} the built-in task UI of a task type gives its element; the member name of its answers. */
    public static String elementName(Optional<TaskType> taskType) {
        return taskType.map(type -> switch (type) {
            case IMAGE_CLASSIFICATION, BOUNDING_BOX_VERIFICATION, SEMANTIC_SEGMENTATION_VERIFICATION ->
                    "crowd-image-classifier";
            case IMAGE_CLASSIFICATION_MULTI_LABEL -> "crowd-image-classifier-multi-select";
            case TEXT_CLASSIFICATION_MULTI_LABEL -> "crowd-classifier-multi-select";
            case BOUNDING_BOX, BOUNDING_BOX_ADJUSTMENT -> "boundingBox";
            case NAMED_ENTITY_RECOGNITION -> "crowd-entity-annotation";
            default -> "crowd-classifier";
        }).orElse("crowd-classifier");
    }

    /** The answer as the task type's built-in element submits it. */
    public static JsonNode write(WorkerAnswer answer, Optional<TaskType> taskType) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (answer instanceof WorkerAnswer.Content content) {
            return content.value();
        }
        ObjectNode form = json.objectNode();
        ObjectNode output = form.putObject(elementName(taskType));
        if (answer instanceof WorkerAnswer.ClassChoice choice) {
            output.put("label", choice.label());
        } else if (answer instanceof WorkerAnswer.ClassChoices choices) {
            ArrayNode labels = output.putArray("labels");
            choices.labels().stream().sorted().forEach(labels::add);
        } else if (answer instanceof WorkerAnswer.Boxes boxes) {
            ArrayNode list = output.putArray("boundingBoxes");
            boxes.boxes().forEach(box -> list.addObject().put("height", box.height()).put("label", box.label())
                    .put("left", box.left()).put("top", box.top()).put("width", box.width()));
            output.putObject("inputImageProperties").put("height", boxes.imageHeight())
                    .put("width", boxes.imageWidth());
        } else if (answer instanceof WorkerAnswer.Spans spans) {
            ArrayNode entities = output.putArray("entities");
            spans.spans().forEach(span -> entities.addObject().put("endOffset", span.endOffset())
                    .put("label", span.label()).put("startOffset", span.startOffset()));
        }
        return form;
    }

    /**
     * Reads a submitted form's output as the answer of a task of {@code kind}: the first element output of that
     * kind, whatever the element's name.
     *
     * @throws IllegalArgumentException naming what is missing when the form holds no answer of that kind
     */
    public static WorkerAnswer read(JsonNode form, AnswerKind kind) {
        if (form == null || !form.isObject()) {
            throw new IllegalArgumentException("answerContent must be a JSON object keyed by element name, was " + form);
        }
        if (kind == AnswerKind.CONTENT) {
            return new WorkerAnswer.Content(form);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = form.fields(); it.hasNext(); ) {
            JsonNode output = it.next().getValue();
            Optional<WorkerAnswer> answer = output.isObject() ? readOutput(output, kind) : Optional.empty();
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        throw new IllegalArgumentException("answerContent " + form + " holds no " + expected(kind));
    }

    private static Optional<WorkerAnswer> readOutput(JsonNode output, AnswerKind kind) {
        switch (kind) {
            case CLASS -> {
                JsonNode label = output.get("label");
                return label != null && label.isTextual() && !label.textValue().isEmpty()
                        ? Optional.of(new WorkerAnswer.ClassChoice(label.textValue())) : Optional.empty();
            }
            case CLASSES -> {
                JsonNode labels = output.get("labels");
                if (labels == null || !labels.isArray()) {
                    return Optional.empty();
                }
                Set<String> chosen = new LinkedHashSet<>();
                labels.forEach(label -> chosen.add(label.asText()));
                return Optional.of(new WorkerAnswer.ClassChoices(chosen));
            }
            case BOXES -> {
                JsonNode boxes = output.get("boundingBoxes");
                JsonNode image = output.get("inputImageProperties");
                if (boxes == null || !boxes.isArray() || image == null) {
                    return Optional.empty();
                }
                List<WorkerAnswer.Box> list = new ArrayList<>();
                boxes.forEach(box -> list.add(new WorkerAnswer.Box(box.path("label").asText(),
                        box.path("left").asInt(), box.path("top").asInt(), box.path("width").asInt(),
                        box.path("height").asInt())));
                return Optional.of(new WorkerAnswer.Boxes(image.path("width").asInt(), image.path("height").asInt(),
                        list));
            }
            case SPANS -> {
                JsonNode entities = output.get("entities");
                if (entities == null || !entities.isArray()) {
                    return Optional.empty();
                }
                List<WorkerAnswer.Span> spans = new ArrayList<>();
                entities.forEach(entity -> spans.add(new WorkerAnswer.Span(entity.path("label").asText(),
                        entity.path("startOffset").asInt(), entity.path("endOffset").asInt())));
                return Optional.of(new WorkerAnswer.Spans(spans));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static String expected(AnswerKind kind) {
        return switch (kind) {
            case CLASS -> "element output with a non-empty \"label\" (a classifier's)";
            case CLASSES -> "element output with a \"labels\" array (a multi-select classifier's)";
            case BOXES -> "element output with \"boundingBoxes\" and \"inputImageProperties\" (crowd-bounding-box's)";
            case SPANS -> "element output with an \"entities\" array (crowd-entity-annotation's)";
            case CONTENT -> "content";
        };
    }
}
