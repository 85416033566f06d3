package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Labels of a frame sequence (video frame object detection or tracking, 3D point cloud object tracking): the label
 * value (of a {@code -ref} attribute) is the S3 URI of a {@code SeqLabel.json} holding the per-frame annotations.
 *
 * @param labelRef the S3 URI of the sequence label file
 * @param classMap class id to label, from {@code class-map}: the classes with at least one label in the sequence
 */
public record FrameLabels(String labelRef, Map<Integer, String> classMap) implements Annotation {

    public FrameLabels {
        Objects.requireNonNull(labelRef, "labelRef");
        classMap = Collections.unmodifiableMap(new LinkedHashMap<>(classMap));
    }

    static FrameLabels read(JsonNode label, String labelPath, JsonFields metadata) {
        return new FrameLabels(JsonValues.asText(label, labelPath), metadata.classMap("class-map"));
    }
}
