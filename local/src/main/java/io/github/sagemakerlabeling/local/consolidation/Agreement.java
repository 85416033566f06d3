package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;

/**
 * Whether one worker's answer agrees with the label consolidated from it and the others' answers, for the dashboard's
 * per-worker agreement:
 * <ul>
 *   <li>one class: the worker chose the consolidated class;</li>
 *   <li>several classes: the worker chose exactly the consolidated classes;</li>
 *   <li>bounding boxes: the worker's boxes and the consolidated boxes pair off one to one, each pair of the same label
 *       and overlapping with an intersection over union of at least {@value #MIN_OVERLAP} (as boxes are clustered);</li>
 *   <li>named entities: the worker's spans and the consolidated entities pair off one to one, each pair of the same
 *       label and overlapping by at least {@value #MIN_OVERLAP} of the characters the two cover together.</li>
 * </ul>
 * Free-form content (masks, custom templates) is not compared.
 */
public final class Agreement {

    /** The least overlap (intersection over union) of a worker's box or span with its consolidated counterpart. */
    public static final double MIN_OVERLAP = BoxClustering.MIN_IOU;

    private Agreement() {
    }

    /**
     * Whether the answer agrees with the consolidated label.
     *
     * @param answer   one worker's answer
     * @param value    the consolidated label's value (the output line's label attribute)
     * @param metadata the consolidated label's metadata ({@code class-name}, {@code class-map}, ...)
     * @return empty when answers of this kind are not compared
     */
    public static Optional<Boolean> of(WorkerAnswer answer, JsonNode value, JsonNode metadata) {
        if (answer instanceof WorkerAnswer.ClassChoice choice && metadata.has("class-name")) {
            return Optional.of(metadata.get("class-name").asText().equals(choice.label()));
        }
        if (answer instanceof WorkerAnswer.ClassChoices choices && metadata.has("class-map")
                && !metadata.has("objects")) {
            Set<String> classes = new LinkedHashSet<>();
            metadata.get("class-map").elements().forEachRemaining(name -> classes.add(name.asText()));
            return Optional.of(choices.labels().equals(classes));
        }
        if (answer instanceof WorkerAnswer.Boxes boxes && value.has("annotations") && metadata.has("class-map")) {
            return Optional.of(pairOff(boxes.boxes(), consolidatedBoxes(value, metadata), WorkerAnswer.Box::label,
                    BoxClustering::intersectionOverUnion));
        }
        if (answer instanceof WorkerAnswer.Spans spans && value.at("/annotations/entities").isArray()) {
            return Optional.of(pairOff(spans.spans().stream().distinct().toList(), consolidatedSpans(value), WorkerAnswer.Span::label,
                    Agreement::spanOverlap));
        }
        return Optional.empty();
    }

    /** Characters two spans share, over the characters they cover together. */
    static double spanOverlap(WorkerAnswer.Span a, WorkerAnswer.Span b) {
        int shared = Math.min(a.endOffset(), b.endOffset()) - Math.max(a.startOffset(), b.startOffset());
        int covered = Math.max(a.endOffset(), b.endOffset()) - Math.min(a.startOffset(), b.startOffset());
        return shared <= 0 || covered <= 0 ? 0 : (double) shared / covered;
    }

    /**
     * Whether every one of the worker's shapes pairs with a distinct consolidated one of its label, overlapping enough,
     * and none of the consolidated is left over. Each worker shape takes the best free match.
     */
    private static <T> boolean pairOff(List<T> worker, List<T> consolidated,
                                       Function<T, String> label,
                                       ToDoubleBiFunction<T, T> overlap) {
        if (worker.size() != consolidated.size()) {
            return false;
        }
        List<T> free = new ArrayList<>(consolidated);
        for (T shape : worker) {
            T best = null;
            double bestOverlap = MIN_OVERLAP;
            for (T candidate : free) {
                double o = overlap.applyAsDouble(shape, candidate);
                if (label.apply(candidate).equals(label.apply(shape)) && o >= bestOverlap) {
                    best = candidate;
                    bestOverlap = o;
                }
            }
            if (best == null) {
                return false;
            }
            free.remove(best);
        }
        return true;
    }

    /** The consolidated boxes of a bounding-box label: {@code annotations} with their class names from the class map. */
    private static List<WorkerAnswer.Box> consolidatedBoxes(JsonNode value, JsonNode metadata) {
        List<WorkerAnswer.Box> boxes = new ArrayList<>();
        for (JsonNode box : value.get("annotations")) {
            String label = metadata.get("class-map").path(box.path("class_id").asText()).asText("");
            boxes.add(new WorkerAnswer.Box(label, box.path("left").asInt(), box.path("top").asInt(),
                    box.path("width").asInt(), box.path("height").asInt()));
        }
        return boxes;
    }

    private static List<WorkerAnswer.Span> consolidatedSpans(JsonNode value) {
        List<WorkerAnswer.Span> spans = new ArrayList<>();
        for (JsonNode entity : value.at("/annotations/entities")) {
            spans.add(new WorkerAnswer.Span(entity.path("label").asText(), entity.path("startOffset").asInt(),
                    entity.path("endOffset").asInt()));
        }
        return spans;
    }
}
