package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Chooses the {@link Annotation} record for a metadata {@code type} and has it read the label. */
final class AnnotationReader {

    private AnnotationReader() {
    }

    /**
     * @param type      the metadata's {@code type}, compared ignoring case
     * @param label     the label attribute's value
     * @param labelPath the label attribute's name, for messages
     * @param metadata  the label attribute's metadata
     */
    static Annotation read(String type, JsonNode label, String labelPath, JsonFields metadata) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "groundtruth/image-classification", "groundtruth/text-classification" ->
                    ClassLabel.read(label, labelPath, metadata);
            case "groundtruth/image-classification-multilabel", "groundtruth/text-classification-multilabel" ->
                    MultiLabel.read(label, labelPath, metadata);
            case "groundtruth/object-detection" -> BoundingBoxes.read(label, labelPath, metadata);
            case "groundtruth/semantic-segmentation", "groundtruth/point_cloud_single_frame_semantic_segmentation" ->
                    SemanticSegmentation.read(label, labelPath, metadata);
            case "groundtruth/text-span" -> NamedEntities.read(label, labelPath, metadata);
            case "groundtruth/label-verification" -> LabelVerification.read(label, labelPath, metadata);
            case "groundtruth/video-object-detection", "groundtruth/video-object-tracking",
                    "groundtruth/point_cloud_object_tracking" -> FrameLabels.read(label, labelPath, metadata);
            case "groundtruth/custom" -> CustomAnnotation.read(label, metadata);
            default -> new UnknownAnnotation(label, metadata.node());
        };
    }
}
