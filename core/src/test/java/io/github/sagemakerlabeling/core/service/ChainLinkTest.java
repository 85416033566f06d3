package io.github.sagemakerlabeling.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The review presets a chained job takes from the job it reviews. */
class ChainLinkTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:boxes-out";

    private final ChainLink boxes = new ChainLink("boxes", TaskType.BOUNDING_BOX, "label", TOPIC,
            List.of(LabelCategory.of("car"), LabelCategory.of("person")));

    @Test
    void aBoundingBoxJobIsAdjustedUnlessVerificationIsAsked() {
        assertThat(boxes.reviewType(Optional.empty())).isEqualTo(TaskType.BOUNDING_BOX_ADJUSTMENT);
        assertThat(boxes.reviewType(Optional.of("Verification"))).isEqualTo(TaskType.BOUNDING_BOX_VERIFICATION);
        assertThat(boxes.reviewType(Optional.of("boundingBoxVerification")))
                .isEqualTo(TaskType.BOUNDING_BOX_VERIFICATION);
        ChainLink adjusted = new ChainLink("boxes-adjusted", TaskType.BOUNDING_BOX_ADJUSTMENT, "boxes-adjusted", TOPIC,
                List.of());
        assertThat(adjusted.reviewType(Optional.of("verification"))).as("an adjustment's labels are boxes too")
                .isEqualTo(TaskType.BOUNDING_BOX_VERIFICATION);
    }

    @Test
    void aTypeThatDoesNotReviewTheEarlierLabelsIsRefusedNamingTaskType() {
        assertThatThrownBy(() -> boxes.reviewType(Optional.of("semanticSegmentationAdjustment")))
                .isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining("taskType").hasMessageContaining("must review Bounding box labels")
                .hasMessageContaining("boundingBoxVerification, boundingBoxAdjustment");
        ChainLink text = new ChainLink("reviews", TaskType.TEXT_CLASSIFICATION, "label", TOPIC, List.of());
        assertThatThrownBy(() -> text.reviewType(Optional.empty()))
                .isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining("reviewed by no built-in task type");
    }

    @Test
    void theLabelConfigurationNamesTheReviewedAttribute() {
        LabelCategoryConfig adjustment = boxes.labelCategoryConfig(TaskType.BOUNDING_BOX_ADJUSTMENT, List.of());
        LabelCategoryConfig verification = boxes.labelCategoryConfig(TaskType.BOUNDING_BOX_VERIFICATION, List.of());
        LabelCategoryConfig ownVerdicts = boxes.labelCategoryConfig(TaskType.BOUNDING_BOX_VERIFICATION,
                List.of("right", "loose", "wrong"));

        assertThat(adjustment.labelNames()).containsExactly("car", "person");
        assertThat(verification.labelNames()).containsExactly("good", "bad");
        assertThat(ownVerdicts.labelNames()).containsExactly("right", "loose", "wrong");
        assertThat(List.of(adjustment, verification, ownVerdicts))
                .allSatisfy(config -> assertThat(config.auditLabelAttributeName()).contains("label"));
        assertThat(LabelCategoryConfig.fromJson(adjustment.toJson())).isEqualTo(adjustment);
    }
}
