package io.github.sagemakerlabeling.core.tasktype;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the {@link HumanTaskPreset} for a built-in task type in a region. */
public final class TaskTypeCatalog {

    private static final List<TaskType> ALL = List.of(TaskType.values());

    private TaskTypeCatalog() {
    }

    /**
     * The Lambda and worker UI ARNs for the task type in the region.
     *
     * @throws LabelingValidationException for a region without built-in task types (field {@code region})
     */
    public static HumanTaskPreset preset(TaskType taskType, String region) {
        String account = GroundTruthRegions.lambdaAccount(region);
        String lambdaPrefix = "arn:aws:lambda:" + region + ":" + account + ":function:";
        return new HumanTaskPreset(taskType, region,
                lambdaPrefix + "PRE-" + taskType.lambdaSuffix(),
                lambdaPrefix + "ACS-" + taskType.lambdaSuffix(),
                taskType.humanTaskUiName().map(uiName -> "arn:aws:sagemaker:" + region + ":"
                        + GroundTruthRegions.HUMAN_TASK_UI_ACCOUNT + ":human-task-ui/" + uiName));
    }

    /**
     * Like {@link #preset(TaskType, String)} for a task type named as {@link TaskType#fromName(String)} accepts.
     *
     * @throws LabelingValidationException listing every problem found: an unknown task type (field
     *                                     {@code taskType}) and/or an unsupported region (field {@code region})
     */
    public static HumanTaskPreset preset(String taskTypeName, String region) {
        Optional<TaskType> taskType = TaskTypeNames.find(taskTypeName);
        List<Violation> violations = new ArrayList<>();
        if (taskType.isEmpty()) {
            violations.add(TaskTypeNames.unknown(taskTypeName));
        }
        if (!GroundTruthRegions.isSupported(region)) {
            violations.add(GroundTruthRegions.unsupported(region));
        }
        if (!violations.isEmpty()) {
            throw new LabelingValidationException("Human task preset", violations);
        }
        return preset(taskType.get(), region);
    }

    /** Every built-in task type, in declaration order. */
    public static List<TaskType> all() {
        return ALL;
    }
}
