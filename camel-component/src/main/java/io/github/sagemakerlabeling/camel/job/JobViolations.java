package io.github.sagemakerlabeling.camel.job;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with an endpoint's job options: violations of the options themselves, then the spec's own
 * violations, each named after the option that sets the field ({@code roleArn (RoleArn)}) and left out where an
 * option violation already explains the field better.
 */
final class JobViolations {

    static final String INPUT_TOPIC = "InputConfig.DataSource.SnsDataSource.SnsTopicArn";
    static final String OUTPUT_TOPIC = "OutputConfig.SnsTopicArn";
    static final String LABEL_CONFIG_URI = "LabelCategoryConfigS3Uri";
    static final String UI_CONFIG = "HumanTaskConfig.UiConfig";
    static final String PRICE = "HumanTaskConfig.PublicWorkforceTaskPrice.AmountInUsd";

    /** The option that sets each spec field. */
    private static final Map<String, String> SPEC_FIELD_OPTIONS = Map.ofEntries(
            Map.entry("LabelAttributeName", "labelAttributeName"),
            Map.entry(INPUT_TOPIC, "inputTopic"),
            Map.entry(OUTPUT_TOPIC, "outputTopic"),
            Map.entry("InputConfig.DataAttributes.ContentClassifiers", "contentClassifiers"),
            Map.entry("OutputConfig.S3OutputPath", "s3OutputPath"),
            Map.entry("OutputConfig.KmsKeyId", "kmsKeyId"),
            Map.entry("RoleArn", "roleArn"),
            Map.entry(LABEL_CONFIG_URI, "labelCategoryConfig"),
            Map.entry("HumanTaskConfig.WorkteamArn", "workteamArn"),
            Map.entry("HumanTaskConfig.UiConfig.UiTemplateS3Uri", "uiTemplate"),
            Map.entry("HumanTaskConfig.UiConfig.HumanTaskUiArn", "uiTemplate"),
            Map.entry("HumanTaskConfig.TaskKeywords", "taskKeywords"),
            Map.entry("HumanTaskConfig.TaskTitle", "taskTitle"),
            Map.entry("HumanTaskConfig.TaskDescription", "taskDescription"),
            Map.entry("HumanTaskConfig.NumberOfHumanWorkersPerDataObject", "numberOfHumanWorkersPerDataObject"),
            Map.entry("HumanTaskConfig.TaskTimeLimitInSeconds", "taskTimeLimitInSeconds"),
            Map.entry("HumanTaskConfig.TaskAvailabilityLifetimeInSeconds", "taskAvailabilityLifetimeInSeconds"),
            Map.entry("HumanTaskConfig.MaxConcurrentTaskCount", "maxConcurrentTaskCount"),
            Map.entry(PRICE, "publicWorkforceTaskPrice"),
            Map.entry("Tags", "tags"));

    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> explained = new HashSet<>();

    /** An option violation. */
    void add(Violation violation) {
        violations.add(violation);
    }

    /** An option violation that explains why the spec field is wrong: the spec's own violation is left out. */
    void explain(String specField, Violation violation) {
        explained.add(specField);
        violations.add(violation);
    }

    /** Leaves out the spec's violation of a field that was reported otherwise already. */
    void alreadyReported(String specField) {
        explained.add(specField);
    }

    /** Adds the spec's violations that no option violation explains, naming the option of each field. */
    void addSpecErrors(List<Violation> specErrors) {
        specErrors.stream().filter(v -> !explained.contains(v.field())).map(JobViolations::namingTheOption)
                .forEach(violations::add);
    }

    /** Throws one exception listing every violation, when there is any. */
    void throwIfAny(String subject) {
        if (!violations.isEmpty()) {
            throw new LabelingValidationException(subject, violations);
        }
    }

    private static Violation namingTheOption(Violation violation) {
        String field = violation.field();
        return SPEC_FIELD_OPTIONS.entrySet().stream()
                .filter(option -> field.equals(option.getKey()) || field.startsWith(option.getKey() + "["))
                .findFirst()
                .map(option -> new Violation(option.getValue() + " (" + field + ")", violation.value(),
                        violation.rule()))
                .orElse(violation);
    }
}
