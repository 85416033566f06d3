package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A semantic segmentation: the label value (of a {@code -ref} attribute) is the S3 URI of the mask, and the colour
 * map says which colour stands for which class. For images the mask is a PNG and the map is
 * {@code internal-color-map}; for 3D point clouds the mask is a {@code .zlib} file of per-point class indexes and the
 * map is {@code color-map}. Confidence is given per class.
 *
 * @param labelMapRef the S3 URI of the mask
 * @param colorMap    class index to its colour entry, in document order
 */
public record SemanticSegmentation(String labelMapRef, Map<Integer, ColorMapEntry> colorMap) implements Annotation {

    private static final String IMAGE_COLOR_MAP = "internal-color-map";
    private static final String POINT_CLOUD_COLOR_MAP = "color-map";

    public SemanticSegmentation {
        Objects.requireNonNull(labelMapRef, "labelMapRef");
        colorMap = Collections.unmodifiableMap(new LinkedHashMap<>(colorMap));
    }

    /**
     * One class of the colour map.
     *
     * @param className  the class's label ({@code class-name})
     * @param confidence Ground Truth's confidence for this class on this object
     * @param hexColor   the mask colour, for example {@code #2acf59} ({@code hex-color})
     */
    public record ColorMapEntry(String className, double confidence, String hexColor) {

        public ColorMapEntry {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(hexColor, "hexColor");
        }
    }

    static SemanticSegmentation read(JsonNode label, String labelPath, JsonFields metadata) {
        boolean pointCloud = metadata.optional(IMAGE_COLOR_MAP).isEmpty()
                && metadata.optional(POINT_CLOUD_COLOR_MAP).isPresent();
        String mapField = pointCloud ? POINT_CLOUD_COLOR_MAP : IMAGE_COLOR_MAP;
        return new SemanticSegmentation(
                JsonValues.asText(label, labelPath), metadata.indexedMap(mapField, SemanticSegmentation::entry));
    }

    private static ColorMapEntry entry(JsonNode value, String path) {
        JsonFields entry = JsonFields.of(value, path);
        return new ColorMapEntry(entry.text("class-name"), entry.number("confidence"), entry.text("hex-color"));
    }
}
