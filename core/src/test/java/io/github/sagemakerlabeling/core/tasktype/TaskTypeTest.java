package io.github.sagemakerlabeling.core.tasktype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The per-type rules, table-driven from the Ground Truth reference (§3.2, §4.3, §5.1, §2.3, §5.4). */
class TaskTypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # type                                      | Lambda suffix                              | catalog name                              | input key  | -ref  | human task UI
            BOUNDING_BOX                                | BoundingBox                                | boundingBox                               | source-ref | false |
            IMAGE_CLASSIFICATION                        | ImageMultiClass                            | imageClassification                       | source-ref | false |
            IMAGE_CLASSIFICATION_MULTI_LABEL            | ImageMultiClassMultiLabel                  | imageClassificationMultiLabel             | source-ref | false |
            SEMANTIC_SEGMENTATION                       | SemanticSegmentation                       | semanticSegmentation                      | source-ref | true  |
            TEXT_CLASSIFICATION                         | TextMultiClass                             | textClassification                        | source     | false |
            TEXT_CLASSIFICATION_MULTI_LABEL             | TextMultiClassMultiLabel                   | textClassificationMultiLabel              | source     | false |
            NAMED_ENTITY_RECOGNITION                    | NamedEntityRecognition                     | namedEntityRecognition                    | source     | false | NamedEntityRecognition
            VIDEO_CLASSIFICATION                        | VideoMultiClass                            | videoClassification                       | source-ref | false |
            VIDEO_OBJECT_DETECTION                      | VideoObjectDetection                       | videoObjectDetection                      | source-ref | true  | VideoObjectDetection
            VIDEO_OBJECT_TRACKING                       | VideoObjectTracking                        | videoObjectTracking                       | source-ref | true  | VideoObjectTracking
            POINT_CLOUD_OBJECT_DETECTION                | 3DPointCloudObjectDetection                | pointCloudObjectDetection                 | source-ref | false | PointCloudObjectDetection
            POINT_CLOUD_OBJECT_TRACKING                 | 3DPointCloudObjectTracking                 | pointCloudObjectTracking                  | source-ref | true  | PointCloudObjectTracking
            POINT_CLOUD_SEMANTIC_SEGMENTATION           | 3DPointCloudSemanticSegmentation           | pointCloudSemanticSegmentation            | source-ref | true  | PointCloudSemanticSegmentation
            BOUNDING_BOX_VERIFICATION                   | VerificationBoundingBox                    | boundingBoxVerification                   | source-ref | false |
            BOUNDING_BOX_ADJUSTMENT                     | AdjustmentBoundingBox                      | boundingBoxAdjustment                     | source-ref | false |
            SEMANTIC_SEGMENTATION_VERIFICATION          | VerificationSemanticSegmentation           | semanticSegmentationVerification          | source-ref | false |
            SEMANTIC_SEGMENTATION_ADJUSTMENT            | AdjustmentSemanticSegmentation             | semanticSegmentationAdjustment            | source-ref | true  |
            VIDEO_OBJECT_DETECTION_ADJUSTMENT           | AdjustmentVideoObjectDetection             | videoObjectDetectionAdjustment            | source-ref | true  | VideoObjectDetection
            VIDEO_OBJECT_TRACKING_ADJUSTMENT            | AdjustmentVideoObjectTracking              | videoObjectTrackingAdjustment             | source-ref | true  | VideoObjectTracking
            POINT_CLOUD_OBJECT_DETECTION_ADJUSTMENT     | Adjustment3DPointCloudObjectDetection      | pointCloudObjectDetectionAdjustment       | source-ref | false | PointCloudObjectDetection
            POINT_CLOUD_OBJECT_TRACKING_ADJUSTMENT      | Adjustment3DPointCloudObjectTracking       | pointCloudObjectTrackingAdjustment        | source-ref | true  | PointCloudObjectTracking
            POINT_CLOUD_SEMANTIC_SEGMENTATION_ADJUSTMENT| Adjustment3DPointCloudSemanticSegmentation | pointCloudSemanticSegmentationAdjustment  | source-ref | true  | PointCloudSemanticSegmentation
            """)
    void identityInputAndLabelAttributeRules(TaskType type, String lambdaSuffix, String catalogName, String inputKey,
                                             boolean mustEndWithRef, String humanTaskUiName) {
        assertThat(type.lambdaSuffix()).isEqualTo(lambdaSuffix);
        assertThat(type.catalogName()).isEqualTo(catalogName);
        assertThat(type.inputKind().manifestKey()).isEqualTo(inputKey);
        assertThat(type.labelAttributeMustEndWithRef()).isEqualTo(mustEndWithRef);
        assertThat(type.humanTaskUiName()).isEqualTo(Optional.ofNullable(humanTaskUiName));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # type                                      | output type                                                | classification | multi-label
            BOUNDING_BOX                                | groundtruth/object-detection                               | false | false
            IMAGE_CLASSIFICATION                        | groundtruth/image-classification                           | true  | false
            IMAGE_CLASSIFICATION_MULTI_LABEL            | groundtruth/image-classification-multilabel                | false | true
            SEMANTIC_SEGMENTATION                       | groundtruth/semantic-segmentation                          | false | false
            TEXT_CLASSIFICATION                         | groundtruth/text-classification                            | true  | false
            TEXT_CLASSIFICATION_MULTI_LABEL             | groundtruth/text-classification-multilabel                 | false | true
            NAMED_ENTITY_RECOGNITION                    | groundtruth/text-span                                      | false | false
            VIDEO_CLASSIFICATION                        | groundtruth/image-classification                           | true  | false
            VIDEO_OBJECT_DETECTION                      | groundtruth/video-object-detection                         | false | false
            VIDEO_OBJECT_TRACKING                       | groundtruth/video-object-tracking                          | false | false
            POINT_CLOUD_OBJECT_DETECTION                | groundtruth/point_cloud_object_detection                   | false | false
            POINT_CLOUD_OBJECT_TRACKING                 | groundtruth/point_cloud_object_tracking                    | false | false
            POINT_CLOUD_SEMANTIC_SEGMENTATION           | groundtruth/point_cloud_single_frame_semantic_segmentation | false | false
            BOUNDING_BOX_VERIFICATION                   | groundtruth/label-verification                             | true  | false
            BOUNDING_BOX_ADJUSTMENT                     | groundtruth/object-detection                               | false | false
            SEMANTIC_SEGMENTATION_VERIFICATION          | groundtruth/label-verification                             | true  | false
            SEMANTIC_SEGMENTATION_ADJUSTMENT            | groundtruth/semantic-segmentation                          | false | false
            VIDEO_OBJECT_DETECTION_ADJUSTMENT           | groundtruth/video-object-detection                         | false | false
            VIDEO_OBJECT_TRACKING_ADJUSTMENT            | groundtruth/video-object-tracking                          | false | false
            POINT_CLOUD_OBJECT_DETECTION_ADJUSTMENT     | groundtruth/point_cloud_object_detection                   | false | false
            POINT_CLOUD_OBJECT_TRACKING_ADJUSTMENT      | groundtruth/point_cloud_object_tracking                    | false | false
            POINT_CLOUD_SEMANTIC_SEGMENTATION_ADJUSTMENT| groundtruth/point_cloud_single_frame_semantic_segmentation | false | false
            """)
    void outputShape(TaskType type, String outputType, boolean classification, boolean multiLabel) {
        assertThat(type.outputType()).isEqualTo(outputType);
        assertThat(type.isClassification()).isEqualTo(classification);
        assertThat(type.isMultiLabel()).isEqualTo(multiLabel);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # type                                      | min | max (blank = unlimited) | instructions | frame config | base type
            BOUNDING_BOX                                | 1   | 50 | false | false |
            IMAGE_CLASSIFICATION                        | 2   |    | false | false |
            IMAGE_CLASSIFICATION_MULTI_LABEL            | 2   | 50 | false | false |
            SEMANTIC_SEGMENTATION                       | 1   |    | false | false |
            TEXT_CLASSIFICATION                         | 2   |    | false | false |
            TEXT_CLASSIFICATION_MULTI_LABEL             | 2   | 50 | false | false |
            NAMED_ENTITY_RECOGNITION                    | 1   |    | true  | false |
            VIDEO_CLASSIFICATION                        | 1   | 30 | false | false |
            VIDEO_OBJECT_DETECTION                      | 1   | 30 | false | true  |
            VIDEO_OBJECT_TRACKING                       | 1   | 30 | false | true  |
            POINT_CLOUD_OBJECT_DETECTION                | 1   | 30 | false | true  |
            POINT_CLOUD_OBJECT_TRACKING                 | 1   | 30 | false | true  |
            POINT_CLOUD_SEMANTIC_SEGMENTATION           | 1   | 30 | false | true  |
            BOUNDING_BOX_VERIFICATION                   | 1   |    | false | false | BOUNDING_BOX
            BOUNDING_BOX_ADJUSTMENT                     | 1   | 50 | false | false | BOUNDING_BOX
            SEMANTIC_SEGMENTATION_VERIFICATION          | 1   |    | false | false | SEMANTIC_SEGMENTATION
            SEMANTIC_SEGMENTATION_ADJUSTMENT            | 1   |    | false | false | SEMANTIC_SEGMENTATION
            VIDEO_OBJECT_DETECTION_ADJUSTMENT           | 1   | 30 | false | true  | VIDEO_OBJECT_DETECTION
            VIDEO_OBJECT_TRACKING_ADJUSTMENT            | 1   | 30 | false | true  | VIDEO_OBJECT_TRACKING
            POINT_CLOUD_OBJECT_DETECTION_ADJUSTMENT     | 1   | 30 | false | true  | POINT_CLOUD_OBJECT_DETECTION
            POINT_CLOUD_OBJECT_TRACKING_ADJUSTMENT      | 1   | 30 | false | true  | POINT_CLOUD_OBJECT_TRACKING
            POINT_CLOUD_SEMANTIC_SEGMENTATION_ADJUSTMENT| 1   | 30 | false | true  | POINT_CLOUD_SEMANTIC_SEGMENTATION
            """)
    void labelConfigurationRules(TaskType type, int minimumLabels, Integer maximumLabels, boolean requiresInstructions,
                                 boolean usesFrameLabelConfig, TaskType baseType) {
        assertThat(type.minimumLabels()).isEqualTo(minimumLabels);
        assertThat(type.maximumLabels())
                .isEqualTo(maximumLabels == null ? OptionalInt.empty() : OptionalInt.of(maximumLabels));
        assertThat(type.requiresInstructions()).isEqualTo(requiresInstructions);
        assertThat(type.usesFrameLabelConfig()).isEqualTo(usesFrameLabelConfig);
        assertThat(type.baseType()).isEqualTo(Optional.ofNullable(baseType));
        assertThat(type.isAdjustmentOrVerification()).isEqualTo(baseType != null);
    }

    @Test
    void displayNamesReadLikeTheDocumentation() {
        assertThat(TaskType.TEXT_CLASSIFICATION.displayName()).isEqualTo("Text classification (single label)");
        assertThat(TaskType.IMAGE_CLASSIFICATION_MULTI_LABEL.displayName())
                .isEqualTo("Image classification (multi-label)");
        assertThat(TaskType.POINT_CLOUD_OBJECT_DETECTION.displayName()).isEqualTo("3D point cloud object detection");
        assertThat(TaskType.BOUNDING_BOX_ADJUSTMENT.displayName()).isEqualTo("Bounding box adjustment");
        assertThat(TaskType.VIDEO_OBJECT_TRACKING_ADJUSTMENT.displayName())
                .isEqualTo("Video frame object tracking adjustment");
    }

    @Test
    void pointCloudUiNamesDropThe3dPrefixOfTheirLambdaSuffix() {
        assertThat(TaskType.values())
                .filteredOn(type -> type.humanTaskUiName().isPresent())
                .allSatisfy(type -> assertThat(type.humanTaskUiName().get()).doesNotStartWith("3D"));
    }

    @Test
    void lambdaSuffixesCatalogNamesAndDisplayNamesAreUnique() {
        assertThat(Arrays.stream(TaskType.values()).map(TaskType::lambdaSuffix)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(TaskType.values()).map(TaskType::catalogName)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(TaskType.values()).map(TaskType::displayName)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(TaskType.class)
    void classificationAndMultiLabelAreExclusive(TaskType type) {
        assertThat(type.isClassification() && type.isMultiLabel()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TaskType.class)
    void minimumNeverExceedsMaximum(TaskType type) {
        type.maximumLabels().ifPresent(max -> assertThat(type.minimumLabels()).isLessThanOrEqualTo(max));
    }
}
