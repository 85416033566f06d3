package io.github.sagemakerlabeling.core.spec;

/** The field paths used in violations and differences: the {@code CreateLabelingJob} member paths. */
final class SpecFields {

    static final String REGION = "region";
    static final String TASK_TYPE = "taskType";
    static final String JOB_NAME = "LabelingJobName";
    static final String LABEL_ATTRIBUTE_NAME = "LabelAttributeName";
    static final String INPUT_TOPIC = "InputConfig.DataSource.SnsDataSource.SnsTopicArn";
    static final String MANIFEST = "InputConfig.DataSource.S3DataSource.ManifestS3Uri";
    static final String CONTENT_CLASSIFIERS = "InputConfig.DataAttributes.ContentClassifiers";
    static final String S3_OUTPUT_PATH = "OutputConfig.S3OutputPath";
    static final String KMS_KEY_ID = "OutputConfig.KmsKeyId";
    static final String OUTPUT_TOPIC = "OutputConfig.SnsTopicArn";
    static final String ROLE_ARN = "RoleArn";
    static final String LABEL_CONFIG_URI = "LabelCategoryConfigS3Uri";
    static final String LABEL_CONFIG = "labelCategoryConfig";
    static final String STOPPING_CONDITIONS = "StoppingConditions";
    static final String ALGORITHMS_CONFIG = "LabelingJobAlgorithmsConfig.LabelingJobAlgorithmSpecificationArn";
    static final String WORKTEAM = "HumanTaskConfig.WorkteamArn";
    static final String UI_TEMPLATE = "HumanTaskConfig.UiConfig.UiTemplateS3Uri";
    static final String UI_ARN = "HumanTaskConfig.UiConfig.HumanTaskUiArn";
    static final String UI_CONFIG = "HumanTaskConfig.UiConfig";
    static final String PRE_LAMBDA = "HumanTaskConfig.PreHumanTaskLambdaArn";
    static final String ACS_LAMBDA = "HumanTaskConfig.AnnotationConsolidationConfig.AnnotationConsolidationLambdaArn";
    static final String KEYWORDS = "HumanTaskConfig.TaskKeywords";
    static final String TITLE = "HumanTaskConfig.TaskTitle";
    static final String DESCRIPTION = "HumanTaskConfig.TaskDescription";
    static final String WORKERS = "HumanTaskConfig.NumberOfHumanWorkersPerDataObject";
    static final String TIME_LIMIT = "HumanTaskConfig.TaskTimeLimitInSeconds";
    static final String AVAILABILITY = "HumanTaskConfig.TaskAvailabilityLifetimeInSeconds";
    static final String MAX_CONCURRENT = "HumanTaskConfig.MaxConcurrentTaskCount";
    static final String PRICE = "HumanTaskConfig.PublicWorkforceTaskPrice.AmountInUsd";
    static final String TAGS = "Tags";

    private SpecFields() {
    }
}
