package io.github.sagemakerlabeling.core.tasktype;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Ground Truth built-in task types a streaming labeling job can run, with the rules each one imposes.
 *
 * <p>Adjustment and verification types review the labels of an earlier job of their {@linkplain #baseType() base
 * type}. Unless a rule says otherwise they inherit the base type's input key, worker UI, output {@code type} and label
 * limits; their Lambda suffix is the base suffix prefixed with {@code Adjustment} or {@code Verification}.
 */
public enum TaskType {

    /** Boxes drawn around objects in an image. */
    BOUNDING_BOX("BoundingBox", "Bounding box", "groundtruth/object-detection", null),
    /** One label per image. */
    IMAGE_CLASSIFICATION("ImageMultiClass", "Image classification (single label)",
            "groundtruth/image-classification", null),
    /** Any number of labels per image. */
    IMAGE_CLASSIFICATION_MULTI_LABEL("ImageMultiClassMultiLabel", "Image classification (multi-label)",
            "groundtruth/image-classification-multilabel", null),
    /** A pixel mask per image, each pixel labelled. */
    SEMANTIC_SEGMENTATION("SemanticSegmentation", "Image semantic segmentation",
            "groundtruth/semantic-segmentation", null),
    /** One label per text. */
    TEXT_CLASSIFICATION("TextMultiClass", "Text classification (single label)",
            "groundtruth/text-classification", null),
    /** Any number of labels per text. */
    TEXT_CLASSIFICATION_MULTI_LABEL("TextMultiClassMultiLabel", "Text classification (multi-label)",
            "groundtruth/text-classification-multilabel", null),
    /** Labelled spans of text. */
    NAMED_ENTITY_RECOGNITION("NamedEntityRecognition", "Named entity recognition",
            "groundtruth/text-span", "NamedEntityRecognition"),
    /**
     * One label per video clip.
     *
     * <p>The API model and the example notebooks name its Lambdas {@code PRE-/ACS-VideoMultiClass}; only the task's
     * documentation page shows {@code VideoClassification}, which {@link #fromName(String)} accepts (it equals the
     * catalog name) but ARNs never use. Its output {@code type} is not documented (the docs only refer to the
     * classification output format), so {@link #outputType()} assumes the documented single-label classification
     * type {@code groundtruth/image-classification}.
     */
    VIDEO_CLASSIFICATION("VideoMultiClass", "Video classification",
            "groundtruth/image-classification", null),
    /** Objects annotated in each frame of a video frame sequence. */
    VIDEO_OBJECT_DETECTION("VideoObjectDetection", "Video frame object detection",
            "groundtruth/video-object-detection", "VideoObjectDetection"),
    /** Objects followed across the frames of a video frame sequence. */
    VIDEO_OBJECT_TRACKING("VideoObjectTracking", "Video frame object tracking",
            "groundtruth/video-object-tracking", "VideoObjectTracking"),
    // The worker UI names of the 3D types drop the "3D" prefix their Lambda suffixes carry.
    /** Cuboids around objects in a 3D point cloud frame. */
    POINT_CLOUD_OBJECT_DETECTION("3DPointCloudObjectDetection", "3D point cloud object detection",
            "groundtruth/point_cloud_object_detection", "PointCloudObjectDetection"),
    /** Cuboids followed across a sequence of 3D point cloud frames. */
    POINT_CLOUD_OBJECT_TRACKING("3DPointCloudObjectTracking", "3D point cloud object tracking",
            "groundtruth/point_cloud_object_tracking", "PointCloudObjectTracking"),
    /** Every point of a 3D point cloud frame labelled. */
    POINT_CLOUD_SEMANTIC_SEGMENTATION("3DPointCloudSemanticSegmentation", "3D point cloud semantic segmentation",
            "groundtruth/point_cloud_single_frame_semantic_segmentation", "PointCloudSemanticSegmentation"),
    /** Workers judge the bounding boxes of an earlier job. */
    BOUNDING_BOX_VERIFICATION(Review.VERIFICATION, BOUNDING_BOX),
    /** Workers correct the bounding boxes of an earlier job. */
    BOUNDING_BOX_ADJUSTMENT(Review.ADJUSTMENT, BOUNDING_BOX),
    /** Workers judge the segmentation masks of an earlier job. */
    SEMANTIC_SEGMENTATION_VERIFICATION(Review.VERIFICATION, SEMANTIC_SEGMENTATION),
    /** Workers correct the segmentation masks of an earlier job. */
    SEMANTIC_SEGMENTATION_ADJUSTMENT(Review.ADJUSTMENT, SEMANTIC_SEGMENTATION),
    /** Workers correct the video frame object detection labels of an earlier job. */
    VIDEO_OBJECT_DETECTION_ADJUSTMENT(Review.ADJUSTMENT, VIDEO_OBJECT_DETECTION),
    /** Workers correct the video frame object tracking labels of an earlier job. */
    VIDEO_OBJECT_TRACKING_ADJUSTMENT(Review.ADJUSTMENT, VIDEO_OBJECT_TRACKING),
    /** Workers correct the 3D point cloud object detection labels of an earlier job. */
    POINT_CLOUD_OBJECT_DETECTION_ADJUSTMENT(Review.ADJUSTMENT, POINT_CLOUD_OBJECT_DETECTION),
    /** Workers correct the 3D point cloud object tracking labels of an earlier job. */
    POINT_CLOUD_OBJECT_TRACKING_ADJUSTMENT(Review.ADJUSTMENT, POINT_CLOUD_OBJECT_TRACKING),
    /** Workers correct the 3D point cloud semantic segmentation labels of an earlier job. */
    POINT_CLOUD_SEMANTIC_SEGMENTATION_ADJUSTMENT(Review.ADJUSTMENT, POINT_CLOUD_SEMANTIC_SEGMENTATION);

    private static final int MULTI_LABEL_AND_BOX_LABEL_QUOTA = 50;
    private static final int VIDEO_AND_POINT_CLOUD_LABEL_QUOTA = 30;

    /** What a review type does with the base type's labels. */
    private enum Review {
        VERIFICATION("Verification", "verification", "groundtruth/label-verification"),
        ADJUSTMENT("Adjustment", "adjustment", null);

        private final String lambdaPrefix;
        private final String displaySuffix;
        private final String outputType;

        Review(String lambdaPrefix, String displaySuffix, String outputType) {
            this.lambdaPrefix = lambdaPrefix;
            this.displaySuffix = displaySuffix;
            this.outputType = outputType;
        }
    }

    private final String lambdaSuffix;
    private final String catalogName;
    private final String displayName;
    private final String outputType;
    private final String humanTaskUiName;
    private final Review review;
    private final TaskType baseType;

    TaskType(String lambdaSuffix, String displayName, String outputType, String humanTaskUiName) {
        this.lambdaSuffix = lambdaSuffix;
        this.catalogName = lowerCamel(name());
        this.displayName = displayName;
        this.outputType = outputType;
        this.humanTaskUiName = humanTaskUiName;
        this.review = null;
        this.baseType = null;
    }

    TaskType(Review review, TaskType baseType) {
        this.lambdaSuffix = review.lambdaPrefix + baseType.lambdaSuffix;
        this.catalogName = lowerCamel(name());
        this.displayName = baseType.displayName + " " + review.displaySuffix;
        this.outputType = review.outputType != null ? review.outputType : baseType.outputType;
        this.humanTaskUiName = baseType.humanTaskUiName;
        this.review = review;
        this.baseType = baseType;
    }

    /**
     * The name shared by the type's built-in Lambdas, without the {@code PRE-}/{@code ACS-} prefix, for example
     * {@code "TextMultiClass"} or {@code "Adjustment3DPointCloudObjectDetection"}.
     */
    public String lambdaSuffix() {
        return lambdaSuffix;
    }

    /** The user-facing identifier, as used in endpoint URIs: lower camel case, for example {@code "boundingBox"}. */
    public String catalogName() {
        return catalogName;
    }

    /** A human-readable name, for example {@code "Text classification (single label)"}. */
    public String displayName() {
        return displayName;
    }

    /** Whether data objects carry text ({@code source}) or an S3 URI ({@code source-ref}). */
    public InputKind inputKind() {
        return switch (root()) {
            case TEXT_CLASSIFICATION, TEXT_CLASSIFICATION_MULTI_LABEL, NAMED_ENTITY_RECOGNITION -> InputKind.TEXT;
            default -> InputKind.S3_OBJECT;
        };
    }

    /**
     * Whether the job's {@code LabelAttributeName} must end with {@code -ref} (the label value is an S3 URI). For
     * every other type the name must not end with {@code -ref}. Verification types never take {@code -ref}, even
     * when their base type does; 3D point cloud object detection (and its adjustment) does not either.
     */
    public boolean labelAttributeMustEndWithRef() {
        if (review == Review.VERIFICATION) {
            return false;
        }
        return switch (root()) {
            case SEMANTIC_SEGMENTATION, VIDEO_OBJECT_DETECTION, VIDEO_OBJECT_TRACKING,
                    POINT_CLOUD_OBJECT_TRACKING, POINT_CLOUD_SEMANTIC_SEGMENTATION -> true;
            default -> false;
        };
    }

    /**
     * The name of the AWS-hosted worker UI ({@code human-task-ui/<name>}) for types that must use a
     * {@code HumanTaskUiArn}: named entity recognition, video frame and 3D point cloud types (adjustments use their
     * base type's UI). Empty for types whose worker template is given as {@code UiTemplateS3Uri}.
     */
    public Optional<String> humanTaskUiName() {
        return Optional.ofNullable(humanTaskUiName);
    }

    /** The {@code type} value Ground Truth writes into the {@code <label>-metadata} of an output line. */
    public String outputType() {
        return outputType;
    }

    /** The fewest label categories the label category configuration must hold: 2 for image/text classification. */
    public int minimumLabels() {
        return switch (this) {
            case IMAGE_CLASSIFICATION, IMAGE_CLASSIFICATION_MULTI_LABEL,
                    TEXT_CLASSIFICATION, TEXT_CLASSIFICATION_MULTI_LABEL -> 2;
            default -> 1;
        };
    }

    /**
     * The most label categories {@code CreateLabelingJob} accepts for this type; empty when the API sets no limit
     * (single-label classification, named entity recognition, semantic segmentation without active learning, which
     * streaming jobs cannot use, and label verification).
     */
    public OptionalInt maximumLabels() {
        if (review == Review.VERIFICATION) {
            return OptionalInt.empty();
        }
        return switch (root()) {
            case IMAGE_CLASSIFICATION_MULTI_LABEL, TEXT_CLASSIFICATION_MULTI_LABEL, BOUNDING_BOX ->
                    OptionalInt.of(MULTI_LABEL_AND_BOX_LABEL_QUOTA);
            case VIDEO_CLASSIFICATION, VIDEO_OBJECT_DETECTION, VIDEO_OBJECT_TRACKING, POINT_CLOUD_OBJECT_DETECTION,
                    POINT_CLOUD_OBJECT_TRACKING, POINT_CLOUD_SEMANTIC_SEGMENTATION ->
                    OptionalInt.of(VIDEO_AND_POINT_CLOUD_LABEL_QUOTA);
            default -> OptionalInt.empty();
        };
    }

    /** Whether the label category configuration must carry worker {@code instructions} (named entity recognition). */
    public boolean requiresInstructions() {
        return this == NAMED_ENTITY_RECOGNITION;
    }

    /**
     * Whether the label category configuration uses the {@code "documentVersion": "2020-03-01"} schema of video frame
     * and 3D point cloud jobs instead of the basic {@code "document-version": "2018-11-28"} one. Video
     * classification uses the basic schema.
     */
    public boolean usesFrameLabelConfig() {
        return switch (root()) {
            case VIDEO_OBJECT_DETECTION, VIDEO_OBJECT_TRACKING, POINT_CLOUD_OBJECT_DETECTION,
                    POINT_CLOUD_OBJECT_TRACKING, POINT_CLOUD_SEMANTIC_SEGMENTATION -> true;
            default -> false;
        };
    }

    /** Whether this type reviews the labels of an earlier job (adjustment or verification). */
    public boolean isAdjustmentOrVerification() {
        return baseType != null;
    }

    /** Whether workers judge an earlier job's labels with a verdict (a verification type). */
    public boolean isVerification() {
        return review == Review.VERIFICATION;
    }

    /** Whether workers correct an earlier job's labels (an adjustment type). */
    public boolean isAdjustment() {
        return review == Review.ADJUSTMENT;
    }

    /** For adjustment and verification types, the type whose labels are reviewed; empty otherwise. */
    public Optional<TaskType> baseType() {
        return Optional.ofNullable(baseType);
    }

    /**
     * Whether the output label is a single class: the value is a class index and the metadata has a
     * {@code class-name}. True for single-label image, text and video classification and for the verification types,
     * whose output is the reviewer's single verdict class; false for multi-label classification (see
     * {@link #isMultiLabel()}).
     */
    public boolean isClassification() {
        return review == Review.VERIFICATION
                || this == IMAGE_CLASSIFICATION || this == TEXT_CLASSIFICATION || this == VIDEO_CLASSIFICATION;
    }

    /** Whether workers may pick several classes per object (the output carries a {@code class-map}). */
    public boolean isMultiLabel() {
        return this == IMAGE_CLASSIFICATION_MULTI_LABEL || this == TEXT_CLASSIFICATION_MULTI_LABEL;
    }

    /**
     * Resolves a user-supplied task type name. Accepted, case-insensitively and ignoring spaces, {@code -}, {@code _}
     * and other punctuation: the {@linkplain #catalogName() catalog name}, the constant name, the
     * {@linkplain #lambdaSuffix() Lambda suffix} and the {@linkplain #displayName() display name}, so
     * {@code "textClassification"}, {@code "TEXT_CLASSIFICATION"}, {@code "TextMultiClass"} and
     * {@code "Text Classification (Single Label)"} all name {@link #TEXT_CLASSIFICATION}.
     *
     * @throws LabelingValidationException for an unknown or missing name (field {@code taskType}); the rule lists
     *                                     every supported catalog name
     */
    public static TaskType fromName(String name) {
        return TaskTypeNames.find(name)
                .orElseThrow(() -> new LabelingValidationException("Task type", TaskTypeNames.unknown(name)));
    }

    /**
     * Identifies the built-in task type from one of its Lambda ARNs,
     * {@code arn:aws:lambda:<region>:<account>:function:PRE-<suffix>} or {@code ...:function:ACS-<suffix>}.
     *
     * @return the type, or empty when the ARN is missing, malformed or not a built-in PRE/ACS Lambda
     */
    public static Optional<TaskType> fromLambdaArn(String preOrAcsLambdaArn) {
        return TaskTypeNames.fromLambdaArn(preOrAcsLambdaArn);
    }

    private TaskType root() {
        return baseType != null ? baseType : this;
    }

    private static String lowerCamel(String constantName) {
        StringBuilder camel = new StringBuilder();
        for (String word : constantName.toLowerCase(Locale.ROOT).split("_")) {
            camel.append(camel.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return camel.toString();
    }
}
