package io.github.sagemakerlabeling.core.spec;

import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import software.amazon.awssdk.services.sagemaker.model.AnnotationConsolidationConfig;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HumanTaskConfig;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobAlgorithmsConfig;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobDataAttributes;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobDataSource;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobInputConfig;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobOutputConfig;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobS3DataSource;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSnsDataSource;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStoppingConditions;
import software.amazon.awssdk.services.sagemaker.model.PublicWorkforceTaskPrice;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.UiConfig;
import software.amazon.awssdk.services.sagemaker.model.USD;

/** Converts a {@link LabelingJobSpec} to the SDK's {@code CreateLabelingJobRequest} and back from a description. */
final class SdkSpecMapper {

    private SdkSpecMapper() {
    }

    static CreateLabelingJobRequest toCreateRequest(LabelingJobSpec spec) {
        CreateLabelingJobRequest.Builder request = CreateLabelingJobRequest.builder()
                .labelingJobName(spec.labelingJobName())
                .labelAttributeName(spec.labelAttributeName())
                .inputConfig(inputConfig(spec))
                .outputConfig(LabelingJobOutputConfig.builder()
                        .s3OutputPath(spec.s3OutputPath())
                        .kmsKeyId(spec.kmsKeyId().orElse(null))
                        .snsTopicArn(spec.outputSnsTopicArn().orElse(null))
                        .build())
                .roleArn(spec.roleArn())
                .labelCategoryConfigS3Uri(spec.labelCategoryConfigS3Uri().orElse(null))
                .humanTaskConfig(humanTaskConfig(spec));
        if (spec.maxHumanLabeledObjectCount().isPresent() || spec.maxPercentageOfInputDatasetLabeled().isPresent()) {
            request.stoppingConditions(LabelingJobStoppingConditions.builder()
                    .maxHumanLabeledObjectCount(spec.maxHumanLabeledObjectCount().orElse(null))
                    .maxPercentageOfInputDatasetLabeled(spec.maxPercentageOfInputDatasetLabeled().orElse(null))
                    .build());
        }
        spec.labelingJobAlgorithmSpecificationArn().ifPresent(arn -> request.labelingJobAlgorithmsConfig(
                LabelingJobAlgorithmsConfig.builder().labelingJobAlgorithmSpecificationArn(arn).build()));
        if (!spec.tags().isEmpty()) {
            request.tags(spec.tags().entrySet().stream()
                    .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                    .toList());
        }
        return request.build();
    }

    private static LabelingJobInputConfig inputConfig(LabelingJobSpec spec) {
        LabelingJobDataSource.Builder dataSource = LabelingJobDataSource.builder();
        if (spec.inputSnsTopicArn() != null) {
            dataSource.snsDataSource(LabelingJobSnsDataSource.builder().snsTopicArn(spec.inputSnsTopicArn()).build());
        }
        spec.manifestS3Uri().ifPresent(uri ->
                dataSource.s3DataSource(LabelingJobS3DataSource.builder().manifestS3Uri(uri).build()));
        LabelingJobInputConfig.Builder input = LabelingJobInputConfig.builder().dataSource(dataSource.build());
        if (spec.hasContentClassifiers()) {
            input.dataAttributes(LabelingJobDataAttributes.builder()
                    .contentClassifiersWithStrings(spec.contentClassifiers()).build());
        }
        return input.build();
    }

    private static HumanTaskConfig humanTaskConfig(LabelingJobSpec spec) {
        HumanTaskConfig.Builder config = HumanTaskConfig.builder()
                .workteamArn(spec.workteamArn())
                .uiConfig(UiConfig.builder()
                        .uiTemplateS3Uri(spec.uiTemplateS3Uri().orElse(null))
                        .humanTaskUiArn(spec.humanTaskUiArn().orElse(null))
                        .build())
                .preHumanTaskLambdaArn(spec.preHumanTaskLambdaArn().orElse(null))
                .taskTitle(spec.taskTitle())
                .taskDescription(spec.taskDescription())
                .numberOfHumanWorkersPerDataObject(spec.numberOfHumanWorkersPerDataObject())
                .taskTimeLimitInSeconds(spec.taskTimeLimitInSeconds())
                .taskAvailabilityLifetimeInSeconds(spec.taskAvailabilityLifetimeInSeconds().orElse(null))
                .maxConcurrentTaskCount(spec.maxConcurrentTaskCount().orElse(null));
        if (spec.hasTaskKeywords()) {
            config.taskKeywords(spec.taskKeywords());
        }
        spec.annotationConsolidationLambdaArn().ifPresent(arn -> config.annotationConsolidationConfig(
                AnnotationConsolidationConfig.builder().annotationConsolidationLambdaArn(arn).build()));
        spec.publicWorkforceTaskPrice().ifPresent(price -> config.publicWorkforceTaskPrice(
                PublicWorkforceTaskPrice.builder().amountInUsd(USD.builder()
                        .dollars(price.dollars())
                        .cents(price.cents())
                        .tenthFractionsOfACent(price.tenthFractionsOfACent())
                        .build()).build()));
        return config.build();
    }

    static LabelingJobSpec fromDescribe(DescribeLabelingJobResponse job) {
        // A description echoes the creation request member for member; read it as one.
        CreateLabelingJobRequest request = CreateLabelingJobRequest.builder()
                .labelingJobName(job.labelingJobName())
                .labelAttributeName(job.labelAttributeName())
                .inputConfig(job.inputConfig())
                .outputConfig(job.outputConfig())
                .roleArn(job.roleArn())
                .labelCategoryConfigS3Uri(job.labelCategoryConfigS3Uri())
                .stoppingConditions(job.stoppingConditions())
                .labelingJobAlgorithmsConfig(job.labelingJobAlgorithmsConfig())
                .humanTaskConfig(job.humanTaskConfig())
                .tags(job.hasTags() ? job.tags() : null)
                .build();
        return fromCreateRequest(request, regionOf(job.labelingJobArn()));
    }

    static LabelingJobSpec fromCreateRequest(CreateLabelingJobRequest job, String region) {
        LabelingJobSpec.Builder spec = LabelingJobSpec.builder()
                .region(region)
                .labelingJobName(job.labelingJobName())
                .labelAttributeName(job.labelAttributeName())
                .roleArn(job.roleArn())
                .labelCategoryConfigS3Uri(job.labelCategoryConfigS3Uri());
        readInput(job.inputConfig(), spec);
        LabelingJobOutputConfig output = job.outputConfig();
        if (output != null) {
            spec.s3OutputPath(output.s3OutputPath())
                    .kmsKeyId(output.kmsKeyId())
                    .outputSnsTopicArn(output.snsTopicArn());
        }
        readHumanTaskConfig(job.humanTaskConfig(), spec);
        Optional.ofNullable(job.stoppingConditions()).ifPresent(conditions -> spec
                .maxHumanLabeledObjectCount(conditions.maxHumanLabeledObjectCount())
                .maxPercentageOfInputDatasetLabeled(conditions.maxPercentageOfInputDatasetLabeled()));
        Optional.ofNullable(job.labelingJobAlgorithmsConfig())
                .ifPresent(algorithms -> spec.labelingJobAlgorithmSpecificationArn(
                        algorithms.labelingJobAlgorithmSpecificationArn()));
        if (job.hasTags()) {
            Map<String, String> tags = new LinkedHashMap<>();
            job.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
            spec.tags(tags);
        }
        return spec.build();
    }

    private static void readInput(LabelingJobInputConfig input, LabelingJobSpec.Builder spec) {
        if (input == null) {
            return;
        }
        LabelingJobDataSource source = input.dataSource();
        if (source != null) {
            spec.inputSnsTopicArn(value(source.snsDataSource(), LabelingJobSnsDataSource::snsTopicArn));
            spec.manifestS3Uri(value(source.s3DataSource(), LabelingJobS3DataSource::manifestS3Uri));
        }
        if (input.dataAttributes() != null && input.dataAttributes().hasContentClassifiers()) {
            spec.contentClassifiers(List.copyOf(input.dataAttributes().contentClassifiersAsStrings()));
        }
    }

    private static void readHumanTaskConfig(HumanTaskConfig config, LabelingJobSpec.Builder spec) {
        if (config == null) {
            return;
        }
        spec.workteamArn(config.workteamArn())
                .uiTemplateS3Uri(value(config.uiConfig(), UiConfig::uiTemplateS3Uri))
                .humanTaskUiArn(value(config.uiConfig(), UiConfig::humanTaskUiArn))
                .preHumanTaskLambdaArn(config.preHumanTaskLambdaArn())
                .annotationConsolidationLambdaArn(value(config.annotationConsolidationConfig(),
                        AnnotationConsolidationConfig::annotationConsolidationLambdaArn))
                .taskTitle(config.taskTitle())
                .taskDescription(config.taskDescription())
                .numberOfHumanWorkersPerDataObject(config.numberOfHumanWorkersPerDataObject())
                .taskTimeLimitInSeconds(config.taskTimeLimitInSeconds())
                .taskAvailabilityLifetimeInSeconds(config.taskAvailabilityLifetimeInSeconds())
                .maxConcurrentTaskCount(config.maxConcurrentTaskCount());
        if (config.hasTaskKeywords()) {
            spec.taskKeywords(List.copyOf(config.taskKeywords()));
        }
        Optional.ofNullable(config.publicWorkforceTaskPrice()).map(PublicWorkforceTaskPrice::amountInUsd)
                .ifPresent(usd -> spec.publicWorkforceTaskPrice(
                        new TaskPrice(usd.dollars(), usd.cents(), usd.tenthFractionsOfACent())));
        Optional.ofNullable(config.preHumanTaskLambdaArn()).flatMap(TaskType::fromLambdaArn).ifPresent(spec::taskType);
    }

    private static <T, R> R value(T holder, Function<T, R> getter) {
        return holder == null ? null : getter.apply(holder);
    }

    private static String regionOf(String jobArn) {
        if (jobArn == null) {
            return null;
        }
        Matcher matcher = AwsPatterns.LABELING_JOB_ARN.matcher(jobArn);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
