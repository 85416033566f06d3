package io.github.sagemakerlabeling.core.spec;

import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.tasktype.GroundTruthRegions;
import io.github.sagemakerlabeling.core.tasktype.HumanTaskPreset;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.core.tasktype.TaskTypeCatalog;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;

/**
 * Everything that defines a Ground Truth <em>streaming</em> labeling job: every {@code CreateLabelingJob} field a
 * streaming job uses, plus the job's region and, optionally, its task type and label categories, which the service
 * never sees but which let {@link #validate()} check the rules that depend on them before anything is sent.
 *
 * <p>Immutable; build one with {@link #builder()}. {@link #validate()} reports every violation at once;
 * {@link #toCreateRequest()} and {@link #fromDescribe(DescribeLabelingJobResponse)} convert to and from the AWS SDK;
 * {@link #differencesFrom(LabelingJobSpec)} compares two specs field by field, the way a running job is checked
 * against the spec a route wants.
 */
public final class LabelingJobSpec {

    private final String region;
    private final TaskType taskType;
    private final String labelingJobName;
    private final String labelAttributeName;
    private final String inputSnsTopicArn;
    private final String manifestS3Uri;
    private final List<String> contentClassifiers;
    private final String s3OutputPath;
    private final String kmsKeyId;
    private final String outputSnsTopicArn;
    private final String roleArn;
    private final String labelCategoryConfigS3Uri;
    private final LabelCategoryConfig labelCategoryConfig;
    private final String workteamArn;
    private final String uiTemplateS3Uri;
    private final String humanTaskUiArn;
    private final String preHumanTaskLambdaArn;
    private final String annotationConsolidationLambdaArn;
    private final List<String> taskKeywords;
    private final String taskTitle;
    private final String taskDescription;
    private final Integer numberOfHumanWorkersPerDataObject;
    private final Integer taskTimeLimitInSeconds;
    private final Integer taskAvailabilityLifetimeInSeconds;
    private final Integer maxConcurrentTaskCount;
    private final TaskPrice publicWorkforceTaskPrice;
    private final Integer maxHumanLabeledObjectCount;
    private final Integer maxPercentageOfInputDatasetLabeled;
    private final String labelingJobAlgorithmSpecificationArn;
    private final Map<String, String> tags;

    private LabelingJobSpec(Builder b) {
        region = b.region;
        taskType = b.taskType;
        labelingJobName = b.labelingJobName;
        labelAttributeName = b.labelAttributeName;
        inputSnsTopicArn = b.inputSnsTopicArn;
        manifestS3Uri = b.manifestS3Uri;
        contentClassifiers = b.contentClassifiers == null ? null : List.copyOf(b.contentClassifiers);
        s3OutputPath = b.s3OutputPath;
        kmsKeyId = b.kmsKeyId;
        outputSnsTopicArn = b.outputSnsTopicArn;
        roleArn = b.roleArn;
        labelCategoryConfigS3Uri = b.labelCategoryConfigS3Uri;
        labelCategoryConfig = b.labelCategoryConfig;
        workteamArn = b.workteamArn;
        uiTemplateS3Uri = b.uiTemplateS3Uri;
        humanTaskUiArn = b.humanTaskUiArn;
        preHumanTaskLambdaArn = b.preHumanTaskLambdaArn;
        annotationConsolidationLambdaArn = b.annotationConsolidationLambdaArn;
        taskKeywords = b.taskKeywords == null ? null : List.copyOf(b.taskKeywords);
        taskTitle = b.taskTitle;
        taskDescription = b.taskDescription;
        numberOfHumanWorkersPerDataObject = b.numberOfHumanWorkersPerDataObject;
        taskTimeLimitInSeconds = b.taskTimeLimitInSeconds;
        taskAvailabilityLifetimeInSeconds = b.taskAvailabilityLifetimeInSeconds;
        maxConcurrentTaskCount = b.maxConcurrentTaskCount;
        publicWorkforceTaskPrice = b.publicWorkforceTaskPrice;
        maxHumanLabeledObjectCount = b.maxHumanLabeledObjectCount;
        maxPercentageOfInputDatasetLabeled = b.maxPercentageOfInputDatasetLabeled;
        labelingJobAlgorithmSpecificationArn = b.labelingJobAlgorithmSpecificationArn;
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Checks every rule at once; see {@link LabelingJobSpecValidator} for the list. */
    public ValidationReport validate() {
        return LabelingJobSpecValidator.validate(this);
    }

    /** The SDK request that creates this job. Validate first: the conversion does not. */
    public CreateLabelingJobRequest toCreateRequest() {
        return SdkSpecMapper.toCreateRequest(this);
    }

    /**
     * The spec of a job as the service describes it. The region comes from the job ARN; the task type, when the
     * Lambda ARNs name a built-in one. Label categories are not part of a description and stay empty.
     */
    public static LabelingJobSpec fromDescribe(DescribeLabelingJobResponse description) {
        return SdkSpecMapper.fromDescribe(description);
    }

    /**
     * The spec a {@code CreateLabelingJob} request describes, for a job in {@code region}; the task type is recognised
     * from the Lambda ARNs when they name a built-in one. This is how a service-side stand-in validates a request.
     */
    public static LabelingJobSpec fromCreateRequest(CreateLabelingJobRequest request, String region) {
        return SdkSpecMapper.fromCreateRequest(request, region);
    }

    /**
     * The fields in which {@code actual} differs from this spec, with the service's defaults taken into account (an
     * omitted KMS key is described as {@code ""}, an omitted {@code MaxConcurrentTaskCount} as 1000, and so on).
     */
    public List<SpecDifference> differencesFrom(LabelingJobSpec actual) {
        return SpecComparator.differences(this, actual);
    }

    /** The AWS region the job runs in, for example {@code us-east-1}. Not sent: the client decides it. */
    public String region() {
        return region;
    }

    /**
     * The built-in task type: as given to the builder, else recognised from the pre-annotation or consolidation
     * Lambda ARN.
     */
    public Optional<TaskType> taskType() {
        if (taskType != null) {
            return Optional.of(taskType);
        }
        return Optional.ofNullable(preHumanTaskLambdaArn).flatMap(TaskType::fromLambdaArn)
                .or(() -> Optional.ofNullable(annotationConsolidationLambdaArn).flatMap(TaskType::fromLambdaArn));
    }

    /** {@code LabelingJobName}. */
    public String labelingJobName() {
        return labelingJobName;
    }

    /** {@code LabelAttributeName}: the key that holds the label in each output line. */
    public String labelAttributeName() {
        return labelAttributeName;
    }

    /** {@code InputConfig.DataSource.SnsDataSource.SnsTopicArn}: what makes the job a streaming one. */
    public String inputSnsTopicArn() {
        return inputSnsTopicArn;
    }

    /** {@code InputConfig.DataSource.S3DataSource.ManifestS3Uri}: objects labeled as soon as the job starts. */
    public Optional<String> manifestS3Uri() {
        return Optional.ofNullable(manifestS3Uri);
    }

    /** {@code InputConfig.DataAttributes.ContentClassifiers}; empty when not given. */
    public List<String> contentClassifiers() {
        return contentClassifiers == null ? List.of() : contentClassifiers;
    }

    /** Whether content classifiers were given at all (an empty list is a different request than none). */
    boolean hasContentClassifiers() {
        return contentClassifiers != null;
    }

    /** {@code OutputConfig.S3OutputPath}. */
    public String s3OutputPath() {
        return s3OutputPath;
    }

    /** {@code OutputConfig.KmsKeyId}. */
    public Optional<String> kmsKeyId() {
        return Optional.ofNullable(kmsKeyId);
    }

    /** {@code OutputConfig.SnsTopicArn}: where each labeled object is published. */
    public Optional<String> outputSnsTopicArn() {
        return Optional.ofNullable(outputSnsTopicArn);
    }

    /** {@code RoleArn}. */
    public String roleArn() {
        return roleArn;
    }

    /** {@code LabelCategoryConfigS3Uri}. */
    public Optional<String> labelCategoryConfigS3Uri() {
        return Optional.ofNullable(labelCategoryConfigS3Uri);
    }

    /** The label categories document, when known locally (it is uploaded to {@link #labelCategoryConfigS3Uri()}). */
    public Optional<LabelCategoryConfig> labelCategoryConfig() {
        return Optional.ofNullable(labelCategoryConfig);
    }

    /** {@code HumanTaskConfig.WorkteamArn}. */
    public String workteamArn() {
        return workteamArn;
    }

    /** {@code HumanTaskConfig.UiConfig.UiTemplateS3Uri}. */
    public Optional<String> uiTemplateS3Uri() {
        return Optional.ofNullable(uiTemplateS3Uri);
    }

    /** {@code HumanTaskConfig.UiConfig.HumanTaskUiArn}. */
    public Optional<String> humanTaskUiArn() {
        return Optional.ofNullable(humanTaskUiArn);
    }

    /** {@code HumanTaskConfig.PreHumanTaskLambdaArn}. */
    public Optional<String> preHumanTaskLambdaArn() {
        return Optional.ofNullable(preHumanTaskLambdaArn);
    }

    /** {@code HumanTaskConfig.AnnotationConsolidationConfig.AnnotationConsolidationLambdaArn}. */
    public Optional<String> annotationConsolidationLambdaArn() {
        return Optional.ofNullable(annotationConsolidationLambdaArn);
    }

    /** {@code HumanTaskConfig.TaskKeywords}; empty when not given. */
    public List<String> taskKeywords() {
        return taskKeywords == null ? List.of() : taskKeywords;
    }

    /** Whether task keywords were given at all (the service refuses an empty list). */
    boolean hasTaskKeywords() {
        return taskKeywords != null;
    }

    /** {@code HumanTaskConfig.TaskTitle}. */
    public String taskTitle() {
        return taskTitle;
    }

    /** {@code HumanTaskConfig.TaskDescription}. */
    public String taskDescription() {
        return taskDescription;
    }

    /** {@code HumanTaskConfig.NumberOfHumanWorkersPerDataObject}. */
    public Integer numberOfHumanWorkersPerDataObject() {
        return numberOfHumanWorkersPerDataObject;
    }

    /** {@code HumanTaskConfig.TaskTimeLimitInSeconds}. */
    public Integer taskTimeLimitInSeconds() {
        return taskTimeLimitInSeconds;
    }

    /** {@code HumanTaskConfig.TaskAvailabilityLifetimeInSeconds}. */
    public Optional<Integer> taskAvailabilityLifetimeInSeconds() {
        return Optional.ofNullable(taskAvailabilityLifetimeInSeconds);
    }

    /** {@code HumanTaskConfig.MaxConcurrentTaskCount}. */
    public Optional<Integer> maxConcurrentTaskCount() {
        return Optional.ofNullable(maxConcurrentTaskCount);
    }

    /** {@code HumanTaskConfig.PublicWorkforceTaskPrice.AmountInUsd}. */
    public Optional<TaskPrice> publicWorkforceTaskPrice() {
        return Optional.ofNullable(publicWorkforceTaskPrice);
    }

    /** {@code StoppingConditions.MaxHumanLabeledObjectCount}: ignored by the service for streaming jobs. */
    public Optional<Integer> maxHumanLabeledObjectCount() {
        return Optional.ofNullable(maxHumanLabeledObjectCount);
    }

    /** {@code StoppingConditions.MaxPercentageOfInputDatasetLabeled}: ignored by the service for streaming jobs. */
    public Optional<Integer> maxPercentageOfInputDatasetLabeled() {
        return Optional.ofNullable(maxPercentageOfInputDatasetLabeled);
    }

    /** {@code LabelingJobAlgorithmsConfig.LabelingJobAlgorithmSpecificationArn}: refused for streaming jobs. */
    public Optional<String> labelingJobAlgorithmSpecificationArn() {
        return Optional.ofNullable(labelingJobAlgorithmSpecificationArn);
    }

    /** {@code Tags}, in the order given. */
    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public String toString() {
        return "LabelingJobSpec[" + labelingJobName + " in " + region
                + taskType().map(t -> ", " + t.catalogName()).orElse("") + "]";
    }

    /** Builds a {@link LabelingJobSpec}. Setters take {@code null} to clear a field. */
    public static final class Builder {

        private String region;
        private TaskType taskType;
        private String labelingJobName;
        private String labelAttributeName;
        private String inputSnsTopicArn;
        private String manifestS3Uri;
        private List<String> contentClassifiers;
        private String s3OutputPath;
        private String kmsKeyId;
        private String outputSnsTopicArn;
        private String roleArn;
        private String labelCategoryConfigS3Uri;
        private LabelCategoryConfig labelCategoryConfig;
        private String workteamArn;
        private String uiTemplateS3Uri;
        private String humanTaskUiArn;
        private String preHumanTaskLambdaArn;
        private String annotationConsolidationLambdaArn;
        private List<String> taskKeywords;
        private String taskTitle;
        private String taskDescription;
        private Integer numberOfHumanWorkersPerDataObject;
        private Integer taskTimeLimitInSeconds;
        private Integer taskAvailabilityLifetimeInSeconds;
        private Integer maxConcurrentTaskCount;
        private TaskPrice publicWorkforceTaskPrice;
        private Integer maxHumanLabeledObjectCount;
        private Integer maxPercentageOfInputDatasetLabeled;
        private String labelingJobAlgorithmSpecificationArn;
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(LabelingJobSpec s) {
            region = s.region;
            taskType = s.taskType;
            labelingJobName = s.labelingJobName;
            labelAttributeName = s.labelAttributeName;
            inputSnsTopicArn = s.inputSnsTopicArn;
            manifestS3Uri = s.manifestS3Uri;
            contentClassifiers = s.contentClassifiers;
            s3OutputPath = s.s3OutputPath;
            kmsKeyId = s.kmsKeyId;
            outputSnsTopicArn = s.outputSnsTopicArn;
            roleArn = s.roleArn;
            labelCategoryConfigS3Uri = s.labelCategoryConfigS3Uri;
            labelCategoryConfig = s.labelCategoryConfig;
            workteamArn = s.workteamArn;
            uiTemplateS3Uri = s.uiTemplateS3Uri;
            humanTaskUiArn = s.humanTaskUiArn;
            preHumanTaskLambdaArn = s.preHumanTaskLambdaArn;
            annotationConsolidationLambdaArn = s.annotationConsolidationLambdaArn;
            taskKeywords = s.taskKeywords;
            taskTitle = s.taskTitle;
            taskDescription = s.taskDescription;
            numberOfHumanWorkersPerDataObject = s.numberOfHumanWorkersPerDataObject;
            taskTimeLimitInSeconds = s.taskTimeLimitInSeconds;
            taskAvailabilityLifetimeInSeconds = s.taskAvailabilityLifetimeInSeconds;
            maxConcurrentTaskCount = s.maxConcurrentTaskCount;
            publicWorkforceTaskPrice = s.publicWorkforceTaskPrice;
            maxHumanLabeledObjectCount = s.maxHumanLabeledObjectCount;
            maxPercentageOfInputDatasetLabeled = s.maxPercentageOfInputDatasetLabeled;
            labelingJobAlgorithmSpecificationArn = s.labelingJobAlgorithmSpecificationArn;
            tags.putAll(s.tags);
        }

        /** The AWS region of the job; topics, work team and Lambdas must be in it. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * The built-in task type. At {@link #build()}, any pre-annotation Lambda, consolidation Lambda or human task
         * UI ARN left unset is filled in from the {@link TaskTypeCatalog} for the region.
         */
        public Builder taskType(TaskType taskType) {
            this.taskType = taskType;
            return this;
        }

        /** The task type by its catalog name (see {@link TaskType#fromName(String)}). */
        public Builder taskType(String taskTypeName) {
            return taskType(taskTypeName == null ? null : TaskType.fromName(taskTypeName));
        }

        public Builder labelingJobName(String labelingJobName) {
            this.labelingJobName = labelingJobName;
            return this;
        }

        public Builder labelAttributeName(String labelAttributeName) {
            this.labelAttributeName = labelAttributeName;
            return this;
        }

        public Builder inputSnsTopicArn(String inputSnsTopicArn) {
            this.inputSnsTopicArn = inputSnsTopicArn;
            return this;
        }

        public Builder manifestS3Uri(String manifestS3Uri) {
            this.manifestS3Uri = manifestS3Uri;
            return this;
        }

        public Builder contentClassifiers(List<String> contentClassifiers) {
            this.contentClassifiers = contentClassifiers;
            return this;
        }

        public Builder contentClassifiers(String... contentClassifiers) {
            return contentClassifiers(List.of(contentClassifiers));
        }

        public Builder s3OutputPath(String s3OutputPath) {
            this.s3OutputPath = s3OutputPath;
            return this;
        }

        public Builder kmsKeyId(String kmsKeyId) {
            this.kmsKeyId = kmsKeyId;
            return this;
        }

        public Builder outputSnsTopicArn(String outputSnsTopicArn) {
            this.outputSnsTopicArn = outputSnsTopicArn;
            return this;
        }

        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        public Builder labelCategoryConfigS3Uri(String labelCategoryConfigS3Uri) {
            this.labelCategoryConfigS3Uri = labelCategoryConfigS3Uri;
            return this;
        }

        /** The label categories themselves, checked against the task type's rules by {@link #validate()}. */
        public Builder labelCategoryConfig(LabelCategoryConfig labelCategoryConfig) {
            this.labelCategoryConfig = labelCategoryConfig;
            return this;
        }

        public Builder workteamArn(String workteamArn) {
            this.workteamArn = workteamArn;
            return this;
        }

        public Builder uiTemplateS3Uri(String uiTemplateS3Uri) {
            this.uiTemplateS3Uri = uiTemplateS3Uri;
            return this;
        }

        public Builder humanTaskUiArn(String humanTaskUiArn) {
            this.humanTaskUiArn = humanTaskUiArn;
            return this;
        }

        public Builder preHumanTaskLambdaArn(String preHumanTaskLambdaArn) {
            this.preHumanTaskLambdaArn = preHumanTaskLambdaArn;
            return this;
        }

        public Builder annotationConsolidationLambdaArn(String annotationConsolidationLambdaArn) {
            this.annotationConsolidationLambdaArn = annotationConsolidationLambdaArn;
            return this;
        }

        public Builder taskKeywords(List<String> taskKeywords) {
            this.taskKeywords = taskKeywords;
            return this;
        }

        public Builder taskKeywords(String... taskKeywords) {
            return taskKeywords(List.of(taskKeywords));
        }

        public Builder taskTitle(String taskTitle) {
            this.taskTitle = taskTitle;
            return this;
        }

        public Builder taskDescription(String taskDescription) {
            this.taskDescription = taskDescription;
            return this;
        }

        public Builder numberOfHumanWorkersPerDataObject(Integer numberOfHumanWorkersPerDataObject) {
            this.numberOfHumanWorkersPerDataObject = numberOfHumanWorkersPerDataObject;
            return this;
        }

        public Builder taskTimeLimitInSeconds(Integer taskTimeLimitInSeconds) {
            this.taskTimeLimitInSeconds = taskTimeLimitInSeconds;
            return this;
        }

        public Builder taskAvailabilityLifetimeInSeconds(Integer taskAvailabilityLifetimeInSeconds) {
            this.taskAvailabilityLifetimeInSeconds = taskAvailabilityLifetimeInSeconds;
            return this;
        }

        public Builder maxConcurrentTaskCount(Integer maxConcurrentTaskCount) {
            this.maxConcurrentTaskCount = maxConcurrentTaskCount;
            return this;
        }

        public Builder publicWorkforceTaskPrice(TaskPrice publicWorkforceTaskPrice) {
            this.publicWorkforceTaskPrice = publicWorkforceTaskPrice;
            return this;
        }

        public Builder maxHumanLabeledObjectCount(Integer maxHumanLabeledObjectCount) {
            this.maxHumanLabeledObjectCount = maxHumanLabeledObjectCount;
            return this;
        }

        public Builder maxPercentageOfInputDatasetLabeled(Integer maxPercentageOfInputDatasetLabeled) {
            this.maxPercentageOfInputDatasetLabeled = maxPercentageOfInputDatasetLabeled;
            return this;
        }

        /** Automated data labeling; streaming jobs do not support it and {@link #validate()} refuses it. */
        public Builder labelingJobAlgorithmSpecificationArn(String labelingJobAlgorithmSpecificationArn) {
            this.labelingJobAlgorithmSpecificationArn = labelingJobAlgorithmSpecificationArn;
            return this;
        }

        /** Adds one tag. */
        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /** Replaces all tags. */
        public Builder tags(Map<String, String> tags) {
            this.tags.clear();
            this.tags.putAll(tags);
            return this;
        }

        /** The spec, with the task type's preset filled into the Lambda and UI fields left unset. */
        public LabelingJobSpec build() {
            if (taskType != null && region != null && GroundTruthRegions.isSupported(region)) {
                HumanTaskPreset preset = TaskTypeCatalog.preset(taskType, region);
                if (preHumanTaskLambdaArn == null) {
                    preHumanTaskLambdaArn = preset.preHumanTaskLambdaArn();
                }
                if (annotationConsolidationLambdaArn == null) {
                    annotationConsolidationLambdaArn = preset.annotationConsolidationLambdaArn();
                }
                if (humanTaskUiArn == null && uiTemplateS3Uri == null) {
                    humanTaskUiArn = preset.humanTaskUiArn().orElse(null);
                }
            }
            return new LabelingJobSpec(this);
        }
    }
}
