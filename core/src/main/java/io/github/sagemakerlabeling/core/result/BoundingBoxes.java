package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Bounding boxes drawn on an image (a labeling or an adjustment job). Coordinates are pixels from the image's top
 * left corner.
 *
 * @param imageSize the image dimensions, from the label's {@code image_size}
 * @param boxes     the boxes, from the label's {@code annotations}, in order
 * @param classMap  class id to label, from {@code class-map}
 */
public record BoundingBoxes(List<ImageSize> imageSize, List<Box> boxes, Map<Integer, String> classMap)
        implements Annotation {

    public BoundingBoxes {
        imageSize = List.copyOf(imageSize);
        boxes = List.copyOf(boxes);
        classMap = Collections.unmodifiableMap(new LinkedHashMap<>(classMap));
    }

    /**
     * The size of the labeled image.
     *
     * @param width  pixels
     * @param height pixels
     * @param depth  colour channels (3 for RGB)
     */
    public record ImageSize(int width, int height, int depth) {
    }

    /**
     * One box.
     *
     * @param classId    the class's index in the label category list ({@code class_id})
     * @param className  the class's label, looked up in {@code class-map}
     * @param left       x of the left edge
     * @param top        y of the top edge
     * @param width      pixels
     * @param height     pixels
     * @param confidence Ground Truth's confidence in this box, from the metadata's {@code objects} list at the same
     *                   position; empty when the metadata lists none
     */
    public record Box(int classId, String className, int left, int top, int width, int height,
                      OptionalDouble confidence) {

        public Box {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(confidence, "confidence");
        }
    }

    static BoundingBoxes read(JsonNode label, String labelPath, JsonFields metadata) {
        JsonFields value = JsonFields.of(label, labelPath);
        Map<Integer, String> classMap = metadata.classMap("class-map");
        List<ImageSize> sizes = value.objects("image_size").stream()
                .map(size -> new ImageSize(size.integer("width"), size.integer("height"), size.integer("depth")))
                .toList();
        List<JsonFields> annotations = value.objects("annotations");
        List<OptionalDouble> confidences = metadata.itemConfidences("objects", annotations.size());
        List<Box> boxes = new ArrayList<>(annotations.size());
        for (int i = 0; i < annotations.size(); i++) {
            boxes.add(box(annotations.get(i), classMap, metadata, confidences.get(i)));
        }
        return new BoundingBoxes(sizes, boxes, classMap);
    }

    private static Box box(JsonFields box, Map<Integer, String> classMap, JsonFields metadata,
                           OptionalDouble confidence) {
        int classId = box.classIndex("class_id");
        String className = classMap.get(classId);
        if (className == null) {
            throw new OutputShapeException(box.path("class_id") + " is " + classId + ", which "
                    + metadata.path("class-map") + " does not name");
        }
        return new Box(classId, className, box.integer("left"), box.integer("top"), box.integer("width"),
                box.integer("height"), confidence);
    }
}
