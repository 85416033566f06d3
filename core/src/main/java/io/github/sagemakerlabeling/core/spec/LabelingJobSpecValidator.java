package io.github.sagemakerlabeling.core.spec;

import static io.github.sagemakerlabeling.core.spec.SpecFields.*;

import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import io.github.sagemakerlabeling.core.labels.DocumentVersion;
import io.github.sagemakerlabeling.core.labels.Instructions;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.tasktype.GroundTruthRegions;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a streaming labeling job must follow: the model's shape rules (lengths, patterns, ranges), the documented
 * semantic rules (label attribute names, streaming restrictions, workforce rules, label counts) and the consistency
 * rules that only make sense together (every ARN in the job's region, the task type's Lambdas and UI).
 */
final class LabelingJobSpecValidator {

    static final String PII_FREE = "FreeOfPersonallyIdentifiableInformation";
    private static final Set<String> CONTENT_CLASSIFIER_VALUES = Set.of(PII_FREE, "FreeOfAdultContent");
    private static final Set<String> RESERVED_LABEL_ATTRIBUTE_NAMES = Set.of("source", "source-ref");
    private static final int MAX_TASK_TIME_SECONDS = 8 * 3600;
    private static final int MAX_FRAME_TASK_TIME_SECONDS = 30 * 24 * 3600;
    private static final int MAX_AVAILABILITY_SECONDS = 30 * 24 * 3600;
    private static final int MAX_PUBLIC_AVAILABILITY_SECONDS = 12 * 3600;
    private static final int DEFAULT_MAX_CONCURRENT_TASKS = 1000;
    private static final String URI_RULE = "must be an s3:// or https:// URI with a bucket or host";
    private static final String TAG_RULE = "must be letters, digits, spaces and _ . : / = + - @";
    private static final String RESERVED_TAG_PREFIX = "aws:";

    private final LabelingJobSpec spec;
    private final FieldChecker check = new FieldChecker();
    private final Optional<TaskType> taskType;

    private LabelingJobSpecValidator(LabelingJobSpec spec) {
        this.spec = spec;
        this.taskType = spec.taskType();
    }

    static ValidationReport validate(LabelingJobSpec spec) {
        LabelingJobSpecValidator validator = new LabelingJobSpecValidator(spec);
        validator.checkRegion();
        validator.checkNames();
        validator.checkInput();
        validator.checkOutput();
        validator.checkRoleAndLabelConfigUri();
        validator.checkStreamingRestrictions();
        validator.checkWorkforce();
        validator.checkUi();
        validator.checkLambdas();
        validator.checkTaskText();
        validator.checkTaskNumbers();
        validator.checkTags();
        validator.checkLabelCategories();
        return validator.check.report();
    }

    private void checkRegion() {
        if (spec.region() == null || spec.region().isBlank()) {
            check.error(REGION, spec.region(), "is required: the job's topics, work team and Lambdas must be in it");
        } else if (taskType.isPresent() && !GroundTruthRegions.isSupported(spec.region())) {
            check.error(REGION, spec.region(), "has no built-in Ground Truth task types; supported regions are "
                    + String.join(", ", GroundTruthRegions.supportedRegions()));
        }
    }

    private void checkNames() {
        check.requiredText(JOB_NAME, spec.labelingJobName(), 1, 63, AwsPatterns.JOB_NAME,
                "must be letters, digits and hyphens, start and end with a letter or digit (pattern "
                        + AwsPatterns.JOB_NAME + ")");
        String name = spec.labelAttributeName();
        if (name == null) {
            check.error(LABEL_ATTRIBUTE_NAME, null, "is required");
            return;
        }
        if (name.contains("$")) {
            check.error(LABEL_ATTRIBUTE_NAME, name, "must not contain '$'");
            return;
        }
        if (RESERVED_LABEL_ATTRIBUTE_NAMES.contains(name)) {
            check.error(LABEL_ATTRIBUTE_NAME, name, "'source' and 'source-ref' are reserved for the data object");
            return;
        }
        if (name.contains("-metadata")) {
            check.error(LABEL_ATTRIBUTE_NAME, name, "must not contain '-metadata': Ground Truth adds "
                    + "'<label attribute>-metadata' to each output line itself");
            return;
        }
        if (!check.optionalText(LABEL_ATTRIBUTE_NAME, name, 1, 127, AwsPatterns.LABEL_ATTRIBUTE_NAME,
                "must be letters, digits and hyphens, start and end with a letter or digit")) {
            return;
        }
        taskType.ifPresent(type -> {
            boolean endsWithRef = name.endsWith("-ref");
            if (type.labelAttributeMustEndWithRef() && !endsWithRef) {
                check.error(LABEL_ATTRIBUTE_NAME, name, "must end with '-ref' for " + type.displayName()
                        + " jobs, whose labels are S3 references");
            } else if (!type.labelAttributeMustEndWithRef() && endsWithRef) {
                check.error(LABEL_ATTRIBUTE_NAME, name, "must not end with '-ref' for " + type.displayName()
                        + " jobs: only task types whose labels are S3 references use it");
            }
        });
    }

    private void checkInput() {
        if (spec.inputSnsTopicArn() == null) {
            check.error(INPUT_TOPIC, null, "is required: a streaming job takes its data objects from an SNS topic "
                    + "(without it Ground Truth creates a one-time job)");
        } else {
            checkTopicArn(INPUT_TOPIC, spec.inputSnsTopicArn());
        }
        spec.manifestS3Uri().ifPresent(uri -> checkObjectUri(MANIFEST, uri));
        List<String> classifiers = spec.contentClassifiers();
        if (classifiers.size() > 256) {
            check.error(CONTENT_CLASSIFIERS, classifiers.size(), "must have at most 256 entries");
        }
        for (int i = 0; i < classifiers.size(); i++) {
            if (!CONTENT_CLASSIFIER_VALUES.contains(classifiers.get(i))) {
                check.error(CONTENT_CLASSIFIERS + "[" + i + "]", classifiers.get(i),
                        "must be one of " + String.join(", ", CONTENT_CLASSIFIER_VALUES.stream().sorted().toList()));
            }
        }
    }

    private void checkOutput() {
        if (check.requiredText(S3_OUTPUT_PATH, spec.s3OutputPath(), 1, 1024, AwsPatterns.S3_OR_HTTPS_URI, URI_RULE)
                && spec.s3OutputPath().startsWith("s3://")) {
            S3Uri.locationViolations(S3_OUTPUT_PATH, spec.s3OutputPath()).forEach(check::error);
        }
        spec.kmsKeyId().ifPresent(key -> check.optionalText(KMS_KEY_ID, key, 0, 2048, AwsPatterns.KMS_KEY_ID,
                "must be a KMS key id, alias or ARN (letters, digits, ':', '/', '_', '-')"));
        spec.outputSnsTopicArn().ifPresent(arn -> checkTopicArn(OUTPUT_TOPIC, arn));
        if (spec.outputSnsTopicArn().isEmpty()) {
            check.warning(OUTPUT_TOPIC, null, "is not set: labeled objects will only appear in S3, "
                    + "no notification is published for routes to consume");
        }
    }

    /** A URI naming one file: the model's pattern, and for an s3:// URI the bucket naming rules and a key. */
    private void checkObjectUri(String field, String uri) {
        if (check.optionalText(field, uri, 0, 1024, AwsPatterns.S3_OR_HTTPS_URI, URI_RULE) && uri.startsWith("s3://")) {
            S3Uri.violations(field, uri).forEach(check::error);
        }
    }

    private void checkTopicArn(String field, String arn) {
        if (check.optionalText(field, arn, 0, 2048, AwsPatterns.SNS_TOPIC_ARN,
                "must be an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)")) {
            checkSameRegion(field, arn, AwsPatterns.SNS_TOPIC_ARN, "SNS topics must be in the job's region");
        }
    }

    private void checkSameRegion(String field, String arn, Pattern pattern, String rule) {
        Matcher matcher = pattern.matcher(arn);
        if (spec.region() != null && matcher.matches() && !matcher.group(1).equals(spec.region())) {
            check.error(field, arn, rule + " (" + spec.region() + "), this one is in '" + matcher.group(1) + "'");
        }
    }

    private void checkRoleAndLabelConfigUri() {
        check.requiredText(ROLE_ARN, spec.roleArn(), 20, 2048, AwsPatterns.ROLE_ARN,
                "must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
        spec.labelCategoryConfigS3Uri().ifPresent(uri -> checkObjectUri(LABEL_CONFIG_URI, uri));
        if (taskType.isPresent() && spec.labelCategoryConfigS3Uri().isEmpty()) {
            check.error(LABEL_CONFIG_URI, null, "is required for built-in task types: workers choose from its labels");
        }
    }

    private void checkStreamingRestrictions() {
        spec.labelingJobAlgorithmSpecificationArn().ifPresent(arn -> check.error(ALGORITHMS_CONFIG, arn,
                "must not be set: streaming labeling jobs do not support automated data labeling"));
        if (spec.maxHumanLabeledObjectCount().isPresent() || spec.maxPercentageOfInputDatasetLabeled().isPresent()) {
            check.warning(STOPPING_CONDITIONS, spec.maxHumanLabeledObjectCount()
                            .or(spec::maxPercentageOfInputDatasetLabeled).orElse(null),
                    "is ignored for streaming jobs: they run until stopped or idle for 10 days");
        }
        check.optionalRange(STOPPING_CONDITIONS + ".MaxHumanLabeledObjectCount",
                spec.maxHumanLabeledObjectCount().orElse(null), 1, Long.MAX_VALUE);
        check.optionalRange(STOPPING_CONDITIONS + ".MaxPercentageOfInputDatasetLabeled",
                spec.maxPercentageOfInputDatasetLabeled().orElse(null), 1, 100);
    }

    private void checkWorkforce() {
        String workteam = spec.workteamArn();
        if (!check.requiredText(WORKTEAM, workteam, 1, 256, AwsPatterns.WORKTEAM_ARN,
                "must be a work team ARN (arn:aws:sagemaker:<region>:<account>:workteam/<type>/<name>)")) {
            return;
        }
        checkSameRegion(WORKTEAM, workteam, AwsPatterns.WORKTEAM_ARN, "the work team must be in the job's region");
        if (!GroundTruthRegions.isPublicWorkforce(workteam)) {
            return;
        }
        if (!spec.contentClassifiers().contains(PII_FREE)) {
            check.error(CONTENT_CLASSIFIERS, spec.contentClassifiers(), "must contain " + PII_FREE
                    + " when the public (Mechanical Turk) workforce is used, or the job fails");
        }
        if (spec.publicWorkforceTaskPrice().isEmpty()) {
            check.error(PRICE, null, "is required when the public (Mechanical Turk) workforce is used");
        }
        taskType.filter(TaskType::usesFrameLabelConfig).ifPresent(type -> check.error(WORKTEAM, workteam,
                "the public workforce cannot label " + type.displayName() + " jobs; use a private or vendor team"));
    }

    private void checkUi() {
        Optional<String> template = spec.uiTemplateS3Uri();
        Optional<String> uiArn = spec.humanTaskUiArn();
        template.ifPresent(uri -> checkObjectUri(UI_TEMPLATE, uri));
        uiArn.ifPresent(arn -> {
            if (check.optionalText(UI_ARN, arn, 0, 1024, AwsPatterns.HUMAN_TASK_UI_ARN,
                    "must be a human task UI ARN (arn:aws:sagemaker:<region>:<account>:human-task-ui/<name>)")) {
                checkSameRegion(UI_ARN, arn, AwsPatterns.HUMAN_TASK_UI_ARN, "the UI must be in the job's region");
            }
        });
        if (template.isPresent() == uiArn.isPresent()) {
            check.error(UI_CONFIG, template.orElse(null), "needs exactly one of UiTemplateS3Uri and HumanTaskUiArn");
            return;
        }
        taskType.ifPresent(type -> type.humanTaskUiName().ifPresentOrElse(uiName -> {
            if (uiArn.isEmpty()) {
                check.error(UI_ARN, null, type.displayName() + " jobs use the built-in worker UI: set HumanTaskUiArn "
                        + "to its '" + uiName + "' ARN instead of a UiTemplateS3Uri");
            } else if (!uiArn.get().endsWith("human-task-ui/" + uiName)) {
                check.error(UI_ARN, uiArn.get(), type.displayName() + " jobs need the 'human-task-ui/" + uiName + "' UI");
            }
        }, () -> {
            if (uiArn.isPresent()) {
                check.error(UI_ARN, uiArn.get(), type.displayName()
                        + " jobs use a worker task template: set UiTemplateS3Uri instead");
            }
        }));
    }

    private void checkLambdas() {
        checkLambda(PRE_LAMBDA, spec.preHumanTaskLambdaArn(), "PRE-");
        checkLambda(ACS_LAMBDA, spec.annotationConsolidationLambdaArn(), "ACS-");
    }

    private void checkLambda(String field, Optional<String> value, String prefix) {
        if (value.isEmpty()) {
            return;
        }
        String arn = value.get();
        if (!check.optionalText(field, arn, 0, 2048, AwsPatterns.LAMBDA_ARN,
                "must be a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)")) {
            return;
        }
        checkSameRegion(field, arn, AwsPatterns.LAMBDA_ARN, "the Lambda must be in the job's region");
        Optional<TaskType> named = TaskType.fromLambdaArn(arn);
        if (named.isEmpty()) {
            return;
        }
        taskType.filter(type -> type != named.get()).ifPresent(type -> check.error(field, arn,
                "is the " + prefix + named.get().lambdaSuffix() + " Lambda, but the job is a " + type.displayName()
                        + " job (" + prefix + type.lambdaSuffix() + ")"));
        Matcher matcher = AwsPatterns.LAMBDA_ARN.matcher(arn);
        if (matcher.matches() && GroundTruthRegions.isSupported(matcher.group(1))) {
            String account = GroundTruthRegions.lambdaAccount(matcher.group(1));
            if (!account.equals(matcher.group(2))) {
                check.error(field, arn, "Ground Truth's built-in Lambdas in " + matcher.group(1)
                        + " belong to account " + account + ", not " + matcher.group(2));
            }
        }
    }

    private void checkTaskText() {
        if (spec.hasTaskKeywords()) {
            List<String> keywords = spec.taskKeywords();
            if (keywords.isEmpty() || keywords.size() > 5) {
                check.error(KEYWORDS, keywords, "must have 1 to 5 keywords when given");
            }
            for (int i = 0; i < keywords.size(); i++) {
                check.requiredText(KEYWORDS + "[" + i + "]", keywords.get(i), 1, 30, AwsPatterns.TASK_KEYWORD,
                        "must be words of letters and digits separated by single spaces");
            }
        }
        check.requiredText(TITLE, spec.taskTitle(), 1, 128, AwsPatterns.TASK_TITLE,
                "must be printable text (no control characters other than tab and newlines)");
        check.requiredText(DESCRIPTION, spec.taskDescription(), 1, 255, null, null);
    }

    private void checkTaskNumbers() {
        check.requiredRange(WORKERS, spec.numberOfHumanWorkersPerDataObject(), 1, 9);
        boolean frameTask = taskType.map(TaskType::usesFrameLabelConfig).orElse(false);
        check.requiredRange(TIME_LIMIT, spec.taskTimeLimitInSeconds(), 30,
                frameTask ? MAX_FRAME_TASK_TIME_SECONDS : MAX_TASK_TIME_SECONDS);
        boolean publicWorkforce = spec.workteamArn() != null && GroundTruthRegions.isPublicWorkforce(spec.workteamArn());
        check.optionalRange(AVAILABILITY, spec.taskAvailabilityLifetimeInSeconds().orElse(null), 60,
                publicWorkforce ? MAX_PUBLIC_AVAILABILITY_SECONDS : MAX_AVAILABILITY_SECONDS);
        Integer maxConcurrent = spec.maxConcurrentTaskCount().orElse(null);
        check.optionalRange(MAX_CONCURRENT, maxConcurrent, 1, 5000);
        if (maxConcurrent != null && maxConcurrent > DEFAULT_MAX_CONCURRENT_TASKS && maxConcurrent <= 5000) {
            check.warning(MAX_CONCURRENT, maxConcurrent, "above 1000 needs a quota increase from AWS Support");
        }
        spec.publicWorkforceTaskPrice().ifPresent(price -> {
            check.optionalRange(PRICE + ".Dollars", price.dollars(), 0, 2);
            check.optionalRange(PRICE + ".Cents", price.cents(), 0, 99);
            check.optionalRange(PRICE + ".TenthFractionsOfACent", price.tenthFractionsOfACent(), 0, 9);
        });
    }

    private void checkTags() {
        Map<String, String> tags = spec.tags();
        if (tags.size() > 50) {
            check.error(TAGS, tags.size(), "must have at most 50 tags");
        }
        int i = 0;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (check.requiredText(TAGS + "[" + i + "].Key", key, 1, 128, AwsPatterns.TAG, TAG_RULE)
                    && key.toLowerCase(Locale.ROOT).startsWith(RESERVED_TAG_PREFIX)) {
                check.error(TAGS + "[" + i + "].Key", key, "must not start with 'aws:' (in any case): AWS reserves"
                        + " that prefix for its own tags");
            }
            if (tag.getValue() == null) {
                check.error(TAGS + "[" + i + "].Value", null, "is required (use an empty string for no value)");
            } else {
                check.optionalText(TAGS + "[" + i + "].Value", tag.getValue(), 0, 256, AwsPatterns.TAG, TAG_RULE);
            }
            i++;
        }
    }

    private void checkLabelCategories() {
        Optional<LabelCategoryConfig> config = spec.labelCategoryConfig();
        if (config.isEmpty()) {
            return;
        }
        config.get().validate().forEach(v -> check.error(LABEL_CONFIG + "." + v.field(), v.value(), v.rule()));
        taskType.ifPresent(type -> checkLabelsFor(type, config.get()));
    }

    private void checkLabelsFor(TaskType type, LabelCategoryConfig config) {
        config.validateLabelCount(type.minimumLabels(), type.maximumLabels(), type.displayName() + " jobs")
                .forEach(v -> check.error(LABEL_CONFIG + "." + v.field(), v.value(), v.rule()));
        if (type.requiresInstructions() && config.instructions().map(Instructions::shortInstruction)
                .filter(text -> !text.isBlank()).isEmpty()) {
            check.error(LABEL_CONFIG + ".instructions", null, "are required for " + type.displayName() + " jobs");
        }
        DocumentVersion needed = type.usesFrameLabelConfig() ? DocumentVersion.V2020_03_01 : DocumentVersion.V2018_11_28;
        if (config.documentVersion() != needed) {
            check.error(LABEL_CONFIG + "." + config.documentVersion().jsonKey(), config.documentVersion().value(),
                    type.displayName() + " jobs need the " + needed.value() + " document");
        }
        if (type.isAdjustmentOrVerification() && type.usesFrameLabelConfig()) {
            Optional<String> audit = config.auditLabelAttributeName();
            if (audit.isEmpty()) {
                check.error(LABEL_CONFIG + ".auditLabelAttributeName", null, "is required for "
                        + type.displayName() + " jobs: name the label attribute of the job being adjusted");
            } else if (audit.get().equals(spec.labelAttributeName())) {
                check.error(LABEL_ATTRIBUTE_NAME, spec.labelAttributeName(),
                        "must differ from the label attribute of the job being adjusted or verified");
            }
        }
    }
}
