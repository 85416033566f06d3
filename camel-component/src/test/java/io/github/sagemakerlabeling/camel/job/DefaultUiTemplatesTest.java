package io.github.sagemakerlabeling.camel.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.core.tasktype.TaskTypeCatalog;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The worker task templates shipped for the task types that need a UiTemplateS3Uri. */
class DefaultUiTemplatesTest {

    @Test
    void everyTaskTypeThatNeedsATemplateAndReviewsNoEarlierJobHasACrowdFormTemplate() {
        for (TaskType type : TaskTypeCatalog.all()) {
            if (type.humanTaskUiName().isEmpty() && !type.isAdjustmentOrVerification()) {
                assertThat(DefaultUiTemplates.forType(type)).as(type.catalogName()).hasValueSatisfying(template ->
                        assertThat(new String(template.content(), StandardCharsets.UTF_8)).contains(
                                "https://assets.crowd.aws/crowd-html-elements.js", "<crowd-form>",
                                "task.input.taskObject", "task.input.labels | to_json | escape"));
            } else {
                assertThat(DefaultUiTemplates.forType(type)).as(type.catalogName()).isEmpty();
            }
        }
    }

    @Test
    void theSameContentGetsTheSameNameAndOtherContentAnother() {
        JobArtifact labels = JobArtifact.text("label-categories", ".json", "application/json", "{\"a\":1}");

        assertThat(labels.uriUnder("s3://bucket/prefix/")).isEqualTo(JobArtifact.text("label-categories", ".json",
                "application/json", "{\"a\":1}").uriUnder("s3://bucket/prefix"))
                .matches("s3://bucket/prefix/label-categories-[0-9a-f]{16}\\.json");
        assertThat(labels.fileName()).isNotEqualTo(JobArtifact.text("label-categories", ".json", "application/json",
                "{\"a\":2}").fileName());
    }
}
