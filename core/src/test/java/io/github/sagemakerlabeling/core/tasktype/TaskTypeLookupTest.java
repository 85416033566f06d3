package io.github.sagemakerlabeling.core.tasktype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TaskType#fromName(String)} and {@link TaskType#fromLambdaArn(String)}. */
class TaskTypeLookupTest {

    @ParameterizedTest
    @EnumSource(TaskType.class)
    void everyTypeIsFoundByEachOfItsNames(TaskType type) {
        assertThat(TaskType.fromName(type.catalogName())).isEqualTo(type);
        assertThat(TaskType.fromName(type.name())).isEqualTo(type);
        assertThat(TaskType.fromName(type.lambdaSuffix())).isEqualTo(type);
        assertThat(TaskType.fromName(type.displayName())).isEqualTo(type);
        assertThat(TaskType.fromName(type.catalogName().toUpperCase(Locale.ROOT))).isEqualTo(type);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            textClassification                   | TEXT_CLASSIFICATION
            TEXT_CLASSIFICATION                  | TEXT_CLASSIFICATION
            text-classification                  | TEXT_CLASSIFICATION
            TextMultiClass                       | TEXT_CLASSIFICATION
            Text Classification (Single Label)   | TEXT_CLASSIFICATION
            text_classification_multi_label      | TEXT_CLASSIFICATION_MULTI_LABEL
            Image Classification (Multi-label)   | IMAGE_CLASSIFICATION_MULTI_LABEL
            Image Semantic Segmentation          | SEMANTIC_SEGMENTATION
            Named Entity Recognition             | NAMED_ENTITY_RECOGNITION
            VideoMultiClass                      | VIDEO_CLASSIFICATION
            VideoClassification                  | VIDEO_CLASSIFICATION
            Video Frame Object Tracking          | VIDEO_OBJECT_TRACKING
            3DPointCloudObjectDetection          | POINT_CLOUD_OBJECT_DETECTION
            3D Point Cloud Object Detection      | POINT_CLOUD_OBJECT_DETECTION
            point-cloud-object-detection         | POINT_CLOUD_OBJECT_DETECTION
            AdjustmentBoundingBox                | BOUNDING_BOX_ADJUSTMENT
            bounding box adjustment              | BOUNDING_BOX_ADJUSTMENT
            VerificationSemanticSegmentation     | SEMANTIC_SEGMENTATION_VERIFICATION
            Adjustment3DPointCloudObjectTracking | POINT_CLOUD_OBJECT_TRACKING_ADJUSTMENT
            '  boundingBox '                     | BOUNDING_BOX
            """)
    void acceptsNameVariants(String name, TaskType expected) {
        assertThat(TaskType.fromName(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"objectDetection", "PassThrough", "boundingBoxes", "3DPointCloud", "PRE-BoundingBox"})
    void unknownNameIsAViolationListingEveryCatalogName(String name) {
        LabelingValidationException error =
                catchThrowableOfType(LabelingValidationException.class, () -> TaskType.fromName(name));

        assertThat(error).isNotNull();
        assertThat(error.violations()).hasSize(1);
        Violation violation = error.violations().get(0);
        assertThat(violation.field()).isEqualTo("taskType");
        assertThat(violation.value()).isEqualTo(name);
        assertThat(violation.rule()).contains(TaskTypeCatalog.all().stream().map(TaskType::catalogName).toList());
        assertThat(error.getMessage()).contains("taskType", "boundingBox", "pointCloudSemanticSegmentationAdjustment");
    }

    @ParameterizedTest
    @EnumSource(TaskType.class)
    void bothLambdasOfEveryPresetResolveToTheirType(TaskType type) {
        for (String region : GroundTruthRegions.supportedRegions()) {
            HumanTaskPreset preset = TaskTypeCatalog.preset(type, region);
            assertThat(TaskType.fromLambdaArn(preset.preHumanTaskLambdaArn())).contains(type);
            assertThat(TaskType.fromLambdaArn(preset.annotationConsolidationLambdaArn())).contains(type);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            arn:aws:lambda:us-east-1:432418664414:function:PRE-BoundingBox                       | BOUNDING_BOX
            arn:aws:lambda:eu-central-1:203001061592:function:ACS-3DPointCloudObjectDetection    | POINT_CLOUD_OBJECT_DETECTION
            arn:aws:lambda:us-west-2:081040173940:function:PRE-VideoMultiClass                   | VIDEO_CLASSIFICATION
            arn:aws:lambda:ap-south-1:565803892007:function:ACS-AdjustmentSemanticSegmentation   | SEMANTIC_SEGMENTATION_ADJUSTMENT
            arn:aws:lambda:us-east-1:432418664414:function:PRE-TextMultiClassMultiLabel:1        | TEXT_CLASSIFICATION_MULTI_LABEL
            """)
    void parsesBuiltInLambdaArns(String arn, TaskType expected) {
        assertThat(TaskType.fromLambdaArn(arn)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "BoundingBox",
            "PRE-BoundingBox",
            "arn:aws:lambda:us-east-1:432418664414:function:PRE-PassThrough",
            "arn:aws:lambda:us-east-1:432418664414:function:PRE-boundingbox",
            "arn:aws:lambda:us-east-1:432418664414:function:POST-BoundingBox",
            "arn:aws:lambda:us-east-1:432418664414:function:my-PRE-BoundingBox",
            "arn:aws:lambda:us-east-1:432418664414:function:PRE-VideoClassification",
            "arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/PointCloudObjectDetection"})
    void anythingElseIsNotABuiltInLambda(String arn) {
        assertThat(TaskType.fromLambdaArn(arn)).isEmpty();
    }
}
