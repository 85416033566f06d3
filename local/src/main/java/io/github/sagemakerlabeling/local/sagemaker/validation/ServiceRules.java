package io.github.sagemakerlabeling.local.sagemaker.validation;

import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CreateLabelingJob rules SageMaker enforces beyond its model: topics, work team and Lambdas in the job's region,
 * the PRE/ACS Lambdas of the task type, {@code -ref} label attributes, the UI, the public workforce's demands, and at
 * least one input source. They are core's spec rules ({@link LabelingJobSpec#validate()}), worded like the model's
 * constraints ({@code Member must ...}). AWS does not publish these texts: the wording is Local Ground Truth's.
 */
final class ServiceRules {

    /** Core's streaming-only rules that a one-time job (an S3 manifest, no SNS topic) does not break. */
    private static final Set<String> STREAMING_ONLY_FIELDS = Set.of(
            "InputConfig.DataSource.SnsDataSource.SnsTopicArn",
            "LabelingJobAlgorithmsConfig.LabelingJobAlgorithmSpecificationArn");
    private static final Pattern LIST_ELEMENT = Pattern.compile("(.+)\\[(\\d+)]");
    private static final Pattern RANGE = Pattern.compile("must be between (-?\\d+) and (-?\\d+)");
    private static final String REQUIRED = "is required";

    private ServiceRules() {
    }

    /** The rules a CreateLabelingJob request that passed the model's constraints breaks. */
    static List<ConstraintViolation> createLabelingJob(LabelingJobSpec spec) {
        List<ConstraintViolation> violations = new ArrayList<>();
        boolean streaming = spec.inputSnsTopicArn() != null;
        if (!streaming && spec.manifestS3Uri().isEmpty()) {
            violations.add(ConstraintViolation.ofValue("inputConfig.dataSource", "{}",
                    "Member must have an s3DataSource or an snsDataSource"));
        }
        for (Violation violation : spec.validate().errors()) {
            if (streaming || !STREAMING_ONLY_FIELDS.contains(violation.field())) {
                violations.add(ConstraintViolation.ofValue(memberPath(violation.field()), violation.value(),
                        constraint(violation)));
            }
        }
        return violations;
    }

    /** Core's field path ({@code Tags[0].Key}) in AWS's form ({@code tags.1.member.key}). */
    static String memberPath(String field) {
        List<String> parts = new ArrayList<>();
        for (String part : field.split("\\.")) {
            Matcher element = LIST_ELEMENT.matcher(part);
            if (element.matches()) {
                parts.add(ModelValidator.lowerCamel(element.group(1)) + "." + (Integer.parseInt(element.group(2)) + 1)
                        + ".member");
            } else {
                parts.add(ModelValidator.lowerCamel(part));
            }
        }
        return String.join(".", parts);
    }

    /** Core's rule as a constraint: "must ..." becomes "Member must ...", a range AWS's bound. */
    static String constraint(Violation violation) {
        String rule = violation.rule();
        Matcher range = RANGE.matcher(rule);
        if (range.matches() && violation.value() instanceof Number number) {
            BigDecimal value = new BigDecimal(number.toString());
            return value.compareTo(new BigDecimal(range.group(1))) < 0
                    ? "Member must have value greater than or equal to " + range.group(1)
                    : "Member must have value less than or equal to " + range.group(2);
        }
        if (rule.startsWith(REQUIRED)) {
            return "Member must not be null" + rule.substring(REQUIRED.length());
        }
        if (rule.startsWith("must ") || rule.startsWith("is ") || rule.startsWith("needs ")) {
            return "Member " + rule;
        }
        return "Member must satisfy constraint: " + rule;
    }
}
