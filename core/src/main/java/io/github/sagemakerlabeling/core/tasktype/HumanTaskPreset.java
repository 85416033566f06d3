package io.github.sagemakerlabeling.core.tasktype;

import java.util.Objects;
import java.util.Optional;

/**
 * The fixed, AWS-owned parts of a {@code HumanTaskConfig} for one built-in task type in one region.
 *
 * @param taskType                         the task type
 * @param region                           the AWS region the job runs in
 * @param preHumanTaskLambdaArn            {@code arn:aws:lambda:<region>:<account>:function:PRE-<suffix>}
 * @param annotationConsolidationLambdaArn {@code arn:aws:lambda:<region>:<account>:function:ACS-<suffix>}
 * @param humanTaskUiArn                   {@code arn:aws:sagemaker:<region>:394669845002:human-task-ui/<name>} for
 *                                         types with an AWS-hosted worker UI; empty when the job must supply a
 *                                         {@code UiTemplateS3Uri} instead
 */
public record HumanTaskPreset(TaskType taskType, String region, String preHumanTaskLambdaArn,
                              String annotationConsolidationLambdaArn, Optional<String> humanTaskUiArn) {

    public HumanTaskPreset {
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(preHumanTaskLambdaArn, "preHumanTaskLambdaArn");
        Objects.requireNonNull(annotationConsolidationLambdaArn, "annotationConsolidationLambdaArn");
        Objects.requireNonNull(humanTaskUiArn, "humanTaskUiArn");
    }
}
