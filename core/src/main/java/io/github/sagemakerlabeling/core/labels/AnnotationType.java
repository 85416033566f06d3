package io.github.sagemakerlabeling.core.labels;

/**
 * The annotation tool of a video frame labeling job (document version 2020-03-01). When a video frame configuration
 * has no {@code annotationType}, Ground Truth uses {@link #BOUNDING_BOX}.
 */
public enum AnnotationType {

    /** {@code "BoundingBox"}, the default. */
    BOUNDING_BOX("BoundingBox"),

    /** {@code "Polyline"}. */
    POLYLINE("Polyline"),

    /** {@code "Polygon"}. */
    POLYGON("Polygon"),

    /** {@code "Keypoint"}. */
    KEYPOINT("Keypoint");

    private final String value;

    AnnotationType(String value) {
        this.value = value;
    }

    /** The string as written in the file. */
    public String value() {
        return value;
    }

    /**
     * The constant with the given string.
     *
     * @throws IllegalArgumentException for any other string
     */
    public static AnnotationType fromValue(String value) {
        return WireValues.parse(values(), AnnotationType::value, value, "annotationType");
    }
}
