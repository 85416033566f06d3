package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The label of a task type this package does not model (for example 3D point cloud object detection, whose cuboids
 * sit inline, or a line whose metadata has no {@code type}). Nothing is interpreted; both parts stay as written.
 *
 * @param label    the label attribute's value; treat as read-only
 * @param metadata the label attribute's metadata object; treat as read-only
 */
public record UnknownAnnotation(JsonNode label, JsonNode metadata) implements Annotation {

    public UnknownAnnotation {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(metadata, "metadata");
    }
}
