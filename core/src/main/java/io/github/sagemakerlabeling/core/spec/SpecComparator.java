package io.github.sagemakerlabeling.core.spec;

import static io.github.sagemakerlabeling.core.spec.SpecFields.*;

import io.github.sagemakerlabeling.core.tasktype.GroundTruthRegions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two specs field by field, as the service would see them: the fields it fills with defaults when they are
 * omitted compare equal to those defaults, and job names compare without regard to case, as the service treats them.
 * Fields the service never sees (region, task type given by name, label categories kept locally) are not compared.
 */
final class SpecComparator {

    /** The service's defaults for omitted fields, as {@code DescribeLabelingJob} reports them. */
    private static final int DEFAULT_MAX_CONCURRENT_TASKS = 1000;
    private static final int DEFAULT_PRIVATE_AVAILABILITY_SECONDS = 30 * 24 * 3600;
    private static final int DEFAULT_PUBLIC_AVAILABILITY_SECONDS = 6 * 3600;

    private SpecComparator() {
    }

    static List<SpecDifference> differences(LabelingJobSpec expected, LabelingJobSpec actual) {
        Map<String, Object> want = comparableFields(expected);
        Map<String, Object> have = comparableFields(actual);
        List<SpecDifference> differences = new ArrayList<>();
        want.forEach((field, value) -> {
            if (!Objects.equals(value, have.get(field))) {
                differences.add(new SpecDifference(field, value, have.get(field)));
            }
        });
        return differences;
    }

    private static Map<String, Object> comparableFields(LabelingJobSpec spec) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(JOB_NAME, spec.labelingJobName() == null ? null : spec.labelingJobName().toLowerCase(Locale.ROOT));
        fields.put(LABEL_ATTRIBUTE_NAME, spec.labelAttributeName());
        fields.put(INPUT_TOPIC, spec.inputSnsTopicArn());
        fields.put(MANIFEST, spec.manifestS3Uri().orElse(null));
        fields.put(CONTENT_CLASSIFIERS, spec.contentClassifiers().stream().sorted().toList());
        fields.put(S3_OUTPUT_PATH, spec.s3OutputPath());
        fields.put(KMS_KEY_ID, spec.kmsKeyId().filter(key -> !key.isEmpty()).orElse(null));
        fields.put(OUTPUT_TOPIC, spec.outputSnsTopicArn().orElse(null));
        fields.put(ROLE_ARN, spec.roleArn());
        fields.put(LABEL_CONFIG_URI, spec.labelCategoryConfigS3Uri().orElse(null));
        fields.put(ALGORITHMS_CONFIG, spec.labelingJobAlgorithmSpecificationArn().orElse(null));
        fields.put(WORKTEAM, spec.workteamArn());
        fields.put(UI_TEMPLATE, spec.uiTemplateS3Uri().orElse(null));
        fields.put(UI_ARN, spec.humanTaskUiArn().orElse(null));
        fields.put(PRE_LAMBDA, spec.preHumanTaskLambdaArn().orElse(null));
        fields.put(ACS_LAMBDA, spec.annotationConsolidationLambdaArn().orElse(null));
        fields.put(KEYWORDS, spec.taskKeywords());
        fields.put(TITLE, spec.taskTitle());
        fields.put(DESCRIPTION, spec.taskDescription());
        fields.put(WORKERS, spec.numberOfHumanWorkersPerDataObject());
        fields.put(TIME_LIMIT, spec.taskTimeLimitInSeconds());
        fields.put(AVAILABILITY, spec.taskAvailabilityLifetimeInSeconds().orElse(defaultAvailability(spec)));
        fields.put(MAX_CONCURRENT, spec.maxConcurrentTaskCount().orElse(DEFAULT_MAX_CONCURRENT_TASKS));
        fields.put(PRICE, spec.publicWorkforceTaskPrice().orElse(null));
        fields.put(TAGS, spec.tags());
        return fields;
    }

    private static int defaultAvailability(LabelingJobSpec spec) {
        boolean publicWorkforce = spec.workteamArn() != null && GroundTruthRegions.isPublicWorkforce(spec.workteamArn());
        return publicWorkforce ? DEFAULT_PUBLIC_AVAILABILITY_SECONDS : DEFAULT_PRIVATE_AVAILABILITY_SECONDS;
    }
}
