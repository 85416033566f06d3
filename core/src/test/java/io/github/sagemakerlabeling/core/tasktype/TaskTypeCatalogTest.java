package io.github.sagemakerlabeling.core.tasktype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The presets of every task type in every region, and spot checks copied from the reference (§5.1, §5.2, §8). */
class TaskTypeCatalogTest {

    private static final Pattern LAMBDA_ARN =
            Pattern.compile("arn:aws:lambda:([a-z0-9-]+):(\\d{12}):function:(PRE|ACS)-([A-Za-z0-9]+)");
    private static final Pattern HUMAN_TASK_UI_ARN =
            Pattern.compile("arn:aws:sagemaker:([a-z0-9-]+):(\\d{12}):human-task-ui/([A-Za-z]+)");

    static Stream<Arguments> everyTypeInEveryRegion() {
        return TaskTypeCatalog.all().stream()
                .flatMap(type -> GroundTruthRegions.supportedRegions().stream()
                        .map(region -> Arguments.of(type, region)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTypeInEveryRegion")
    void presetHasWellFormedArnsInTheRightAccounts(TaskType type, String region) {
        HumanTaskPreset preset = TaskTypeCatalog.preset(type, region);

        assertThat(preset.taskType()).isEqualTo(type);
        assertThat(preset.region()).isEqualTo(region);
        assertLambdaArn(preset.preHumanTaskLambdaArn(), region, "PRE", type);
        assertLambdaArn(preset.annotationConsolidationLambdaArn(), region, "ACS", type);
        assertThat(preset.humanTaskUiArn().isPresent()).isEqualTo(type.humanTaskUiName().isPresent());
        preset.humanTaskUiArn().ifPresent(uiArn -> {
            Matcher ui = HUMAN_TASK_UI_ARN.matcher(uiArn);
            assertThat(ui.matches()).as("well-formed human task UI ARN: %s", uiArn).isTrue();
            assertThat(ui.group(1)).isEqualTo(region);
            assertThat(ui.group(2)).isEqualTo("394669845002");
            assertThat(ui.group(3)).isEqualTo(type.humanTaskUiName().orElseThrow());
        });
    }

    private static void assertLambdaArn(String arn, String region, String prefix, TaskType type) {
        Matcher lambda = LAMBDA_ARN.matcher(arn);
        assertThat(lambda.matches()).as("well-formed Lambda ARN: %s", arn).isTrue();
        assertThat(lambda.group(1)).isEqualTo(region);
        assertThat(lambda.group(2)).isEqualTo(GroundTruthRegions.lambdaAccount(region)).isNotEqualTo("394669845002");
        assertThat(lambda.group(3)).isEqualTo(prefix);
        assertThat(lambda.group(4)).isEqualTo(type.lambdaSuffix());
    }

    @Test
    void boundingBoxInUsEast1() {
        HumanTaskPreset preset = TaskTypeCatalog.preset(TaskType.BOUNDING_BOX, "us-east-1");

        assertThat(preset.preHumanTaskLambdaArn())
                .isEqualTo("arn:aws:lambda:us-east-1:432418664414:function:PRE-BoundingBox");
        assertThat(preset.annotationConsolidationLambdaArn())
                .isEqualTo("arn:aws:lambda:us-east-1:432418664414:function:ACS-BoundingBox");
        assertThat(preset.humanTaskUiArn()).isEmpty();
    }

    @Test
    void pointCloudObjectDetectionInEuCentral1AvoidsBothKnownTraps() {
        HumanTaskPreset preset = TaskTypeCatalog.preset("3D Point Cloud Object Detection", "eu-central-1");

        assertThat(preset.taskType()).isEqualTo(TaskType.POINT_CLOUD_OBJECT_DETECTION);
        assertThat(preset.preHumanTaskLambdaArn())
                .isEqualTo("arn:aws:lambda:eu-central-1:203001061592:function:PRE-3DPointCloudObjectDetection");
        assertThat(preset.annotationConsolidationLambdaArn())
                .isEqualTo("arn:aws:lambda:eu-central-1:203001061592:function:ACS-3DPointCloudObjectDetection");
        assertThat(preset.humanTaskUiArn())
                .contains("arn:aws:sagemaker:eu-central-1:394669845002:human-task-ui/PointCloudObjectDetection");
    }

    @Test
    void namedEntityRecognitionUsesTheAwsHostedUi() {
        HumanTaskPreset preset = TaskTypeCatalog.preset("namedEntityRecognition", "us-west-2");

        assertThat(preset.preHumanTaskLambdaArn())
                .isEqualTo("arn:aws:lambda:us-west-2:081040173940:function:PRE-NamedEntityRecognition");
        assertThat(preset.humanTaskUiArn())
                .contains("arn:aws:sagemaker:us-west-2:394669845002:human-task-ui/NamedEntityRecognition");
    }

    @Test
    void adjustmentsShareTheirBaseTypesUiButNotItsLambdas() {
        HumanTaskPreset base = TaskTypeCatalog.preset(TaskType.VIDEO_OBJECT_TRACKING, "ap-northeast-1");
        HumanTaskPreset adjustment =
                TaskTypeCatalog.preset(TaskType.VIDEO_OBJECT_TRACKING_ADJUSTMENT, "ap-northeast-1");

        assertThat(adjustment.humanTaskUiArn())
                .isEqualTo(base.humanTaskUiArn())
                .contains("arn:aws:sagemaker:ap-northeast-1:394669845002:human-task-ui/VideoObjectTracking");
        assertThat(adjustment.preHumanTaskLambdaArn())
                .isEqualTo("arn:aws:lambda:ap-northeast-1:477331159723:function:PRE-AdjustmentVideoObjectTracking");
        assertThat(TaskTypeCatalog.preset(TaskType.POINT_CLOUD_SEMANTIC_SEGMENTATION_ADJUSTMENT, "us-east-1")
                .annotationConsolidationLambdaArn())
                .isEqualTo("arn:aws:lambda:us-east-1:432418664414:function:"
                        + "ACS-Adjustment3DPointCloudSemanticSegmentation");
    }

    @Test
    void presetByNameReportsUnknownTypeAndUnsupportedRegionTogether() {
        LabelingValidationException error = catchThrowableOfType(LabelingValidationException.class,
                () -> TaskTypeCatalog.preset("objectDetection", "us-west-1"));

        assertThat(error).isNotNull();
        assertThat(error.violations()).extracting(Violation::field).containsExactly("taskType", "region");
        assertThat(error.violations()).extracting(Violation::value).containsExactly("objectDetection", "us-west-1");
        assertThat(error.getMessage()).contains("boundingBox", "videoClassification", "eu-central-1", "us-east-1");
    }

    @Test
    void presetByTypeRejectsUnsupportedRegion() {
        LabelingValidationException error = catchThrowableOfType(LabelingValidationException.class,
                () -> TaskTypeCatalog.preset(TaskType.BOUNDING_BOX, "sa-east-1"));

        assertThat(error).isNotNull();
        assertThat(error.violations()).extracting(Violation::field).containsExactly("region");
    }

    @Test
    void listsAllTwentyTwoTypesInDeclarationOrder() {
        assertThat(TaskTypeCatalog.all()).hasSize(22).containsExactly(TaskType.values());
    }
}
