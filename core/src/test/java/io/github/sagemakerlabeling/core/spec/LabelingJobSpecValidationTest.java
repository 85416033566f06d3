package io.github.sagemakerlabeling.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelingJobSpecValidationTest {

    private static final String PUBLIC_WORKFORCE = "arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default";

    @Test
    void theBaseSpecOfTheseTestsIsValid() {
        ValidationReport report = SpecFixtures.textClassification().build().validate();

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken("name missing", b -> b.labelingJobName(null), "LabelingJobName", "is required"),
                broken("name too long", b -> b.labelingJobName("a".repeat(64)), "LabelingJobName", "1 to 63"),
                broken("name with underscore", b -> b.labelingJobName("my_job"), "LabelingJobName", "letters, digits and hyphens"),
                broken("name ending in a hyphen", b -> b.labelingJobName("job-"), "LabelingJobName", "start and end"),
                broken("label attribute missing", b -> b.labelAttributeName(null), "LabelAttributeName", "is required"),
                broken("label attribute with -metadata", b -> b.labelAttributeName("mood-metadata"), "LabelAttributeName", "-metadata"),
                broken("label attribute 'source'", b -> b.labelAttributeName("source"), "LabelAttributeName", "reserved"),
                broken("label attribute 'source-ref'", b -> b.labelAttributeName("source-ref"), "LabelAttributeName", "reserved"),
                broken("label attribute with $", b -> b.labelAttributeName("$mood"), "LabelAttributeName", "'$'"),
                broken("label attribute too long", b -> b.labelAttributeName("a".repeat(128)), "LabelAttributeName", "1 to 127"),
                broken("-ref on a type that must not", b -> b.labelAttributeName("mood-ref"), "LabelAttributeName", "must not end with '-ref'"),
                broken("no -ref on semantic segmentation", b -> ofType(b, TaskType.SEMANTIC_SEGMENTATION).labelAttributeName("mask"), "LabelAttributeName", "must end with '-ref'"),
                broken("no input topic", b -> b.inputSnsTopicArn(null), "InputConfig.DataSource.SnsDataSource.SnsTopicArn", "streaming job"),
                broken("input topic not an ARN", b -> b.inputSnsTopicArn("my-topic"), "InputConfig.DataSource.SnsDataSource.SnsTopicArn", "SNS topic ARN"),
                broken("input topic in another region", b -> b.inputSnsTopicArn("arn:aws:sns:eu-west-1:123456789012:in"), "InputConfig.DataSource.SnsDataSource.SnsTopicArn", "job's region"),
                broken("output topic in another region", b -> b.outputSnsTopicArn("arn:aws:sns:us-west-2:123456789012:out"), "OutputConfig.SnsTopicArn", "job's region"),
                broken("manifest not a URI", b -> b.manifestS3Uri("bucket/manifest"), "InputConfig.DataSource.S3DataSource.ManifestS3Uri", "s3://"),
                broken("manifest in an invalid bucket", b -> b.manifestS3Uri("s3://My_Bucket/manifest"), "InputConfig.DataSource.S3DataSource.ManifestS3Uri", "bucket name 'My_Bucket' may contain only"),
                broken("manifest URI without a key", b -> b.manifestS3Uri("s3://bucket/"), "InputConfig.DataSource.S3DataSource.ManifestS3Uri", "key must not be empty"),
                broken("unknown content classifier", b -> b.contentClassifiers("FreeOfViolence"), "InputConfig.DataAttributes.ContentClassifiers[0]", "must be one of"),
                broken("output path missing", b -> b.s3OutputPath(null), "OutputConfig.S3OutputPath", "is required"),
                broken("output path not a URI", b -> b.s3OutputPath("bucket/out"), "OutputConfig.S3OutputPath", "s3://"),
                broken("output path in an invalid bucket", b -> b.s3OutputPath("s3://Reviews_Bucket/out"), "OutputConfig.S3OutputPath", "bucket name 'Reviews_Bucket' may contain only"),
                broken("output path in a two-character bucket", b -> b.s3OutputPath("s3://ab"), "OutputConfig.S3OutputPath", "3 to 63 characters"),
                broken("label config URI in an invalid bucket", b -> b.labelCategoryConfigS3Uri("s3://Bad_Bucket/labels.json"), "LabelCategoryConfigS3Uri", "bucket name 'Bad_Bucket' may contain only"),
                broken("label config URI without a key", b -> b.labelCategoryConfigS3Uri("s3://bucket"), "LabelCategoryConfigS3Uri", "key must not be empty"),
                broken("UI template URI without a key", b -> b.uiTemplateS3Uri("s3://bucket"), "HumanTaskConfig.UiConfig.UiTemplateS3Uri", "key must not be empty"),
                broken("UI template URI in a bucket shaped like an IP address", b -> b.uiTemplateS3Uri("s3://192.168.0.1/t.html"), "HumanTaskConfig.UiConfig.UiTemplateS3Uri", "IP address"),
                broken("KMS key with a space", b -> b.kmsKeyId("my key"), "OutputConfig.KmsKeyId", "KMS key"),
                broken("role not an IAM role ARN", b -> b.roleArn("arn:aws:iam::123:role/x"), "RoleArn", "IAM role ARN"),
                broken("label config URI missing for a built-in type", b -> b.labelCategoryConfigS3Uri(null), "LabelCategoryConfigS3Uri", "is required"),
                broken("automated labeling", b -> b.labelingJobAlgorithmSpecificationArn("arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/text-classification"), "LabelingJobAlgorithmsConfig.LabelingJobAlgorithmSpecificationArn", "automated data labeling"),
                broken("work team missing", b -> b.workteamArn(null), "HumanTaskConfig.WorkteamArn", "is required"),
                broken("work team in another region", b -> b.workteamArn("arn:aws:sagemaker:eu-west-1:123456789012:workteam/private-crowd/t"), "HumanTaskConfig.WorkteamArn", "job's region"),
                broken("public workforce without the PII classifier", b -> b.workteamArn(PUBLIC_WORKFORCE).publicWorkforceTaskPrice(new TaskPrice(0, 3, 6)), "InputConfig.DataAttributes.ContentClassifiers", "FreeOfPersonallyIdentifiableInformation"),
                broken("public workforce without a price", b -> b.workteamArn(PUBLIC_WORKFORCE).contentClassifiers("FreeOfPersonallyIdentifiableInformation"), "HumanTaskConfig.PublicWorkforceTaskPrice.AmountInUsd", "is required"),
                broken("price out of range", b -> b.publicWorkforceTaskPrice(new TaskPrice(0, 100, 0)), "HumanTaskConfig.PublicWorkforceTaskPrice.AmountInUsd.Cents", "between 0 and 99"),
                broken("both UI template and UI ARN", b -> b.humanTaskUiArn("arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/NamedEntityRecognition"), "HumanTaskConfig.UiConfig", "exactly one"),
                broken("neither UI template nor UI ARN", b -> b.uiTemplateS3Uri(null), "HumanTaskConfig.UiConfig", "exactly one"),
                broken("NER with a template instead of its UI", b -> ofType(b, TaskType.NAMED_ENTITY_RECOGNITION).uiTemplateS3Uri("s3://bucket/t.html").labelCategoryConfig(withInstructions()), "HumanTaskConfig.UiConfig.HumanTaskUiArn", "built-in worker UI"),
                broken("3D with the wrong UI name", b -> ofType(b, TaskType.POINT_CLOUD_OBJECT_DETECTION).uiTemplateS3Uri(null).humanTaskUiArn("arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/3DPointCloudObjectDetection").labelCategoryConfig(frameLabels()), "HumanTaskConfig.UiConfig.HumanTaskUiArn", "human-task-ui/PointCloudObjectDetection"),
                broken("Lambda of another task type", b -> b.preHumanTaskLambdaArn("arn:aws:lambda:us-east-1:432418664414:function:PRE-BoundingBox"), "HumanTaskConfig.PreHumanTaskLambdaArn", "PRE-BoundingBox"),
                broken("Lambda of the wrong account for its region", b -> b.region("eu-central-1").inputSnsTopicArn("arn:aws:sns:eu-central-1:123456789012:in").outputSnsTopicArn(null).workteamArn("arn:aws:sagemaker:eu-central-1:123456789012:workteam/private-crowd/t").preHumanTaskLambdaArn("arn:aws:lambda:eu-central-1:326177286064:function:PRE-TextMultiClass").annotationConsolidationLambdaArn("arn:aws:lambda:eu-central-1:203001061592:function:ACS-TextMultiClass"), "HumanTaskConfig.PreHumanTaskLambdaArn", "203001061592"),
                broken("Lambda in another region", b -> b.annotationConsolidationLambdaArn("arn:aws:lambda:us-east-2:266458841044:function:ACS-TextMultiClass"), "HumanTaskConfig.AnnotationConsolidationConfig.AnnotationConsolidationLambdaArn", "job's region"),
                broken("no keywords in an empty list", b -> b.taskKeywords(List.of()), "HumanTaskConfig.TaskKeywords", "1 to 5"),
                broken("six keywords", b -> b.taskKeywords("a", "b", "c", "d", "e", "f"), "HumanTaskConfig.TaskKeywords", "1 to 5"),
                broken("keyword with punctuation", b -> b.taskKeywords("text", "bad_keyword"), "HumanTaskConfig.TaskKeywords[1]", "letters and digits"),
                broken("keyword too long", b -> b.taskKeywords("k".repeat(31)), "HumanTaskConfig.TaskKeywords[0]", "1 to 30"),
                broken("title missing", b -> b.taskTitle(null), "HumanTaskConfig.TaskTitle", "is required"),
                broken("title too long", b -> b.taskTitle("t".repeat(129)), "HumanTaskConfig.TaskTitle", "1 to 128"),
                broken("title with a control character", b -> b.taskTitle("bell\u0007"), "HumanTaskConfig.TaskTitle", "printable"),
                broken("description too long", b -> b.taskDescription("d".repeat(256)), "HumanTaskConfig.TaskDescription", "1 to 255"),
                broken("no workers", b -> b.numberOfHumanWorkersPerDataObject(0), "HumanTaskConfig.NumberOfHumanWorkersPerDataObject", "between 1 and 9"),
                broken("ten workers", b -> b.numberOfHumanWorkersPerDataObject(10), "HumanTaskConfig.NumberOfHumanWorkersPerDataObject", "between 1 and 9"),
                broken("time limit under 30 s", b -> b.taskTimeLimitInSeconds(29), "HumanTaskConfig.TaskTimeLimitInSeconds", "between 30 and 28800"),
                broken("time limit over 8 h for text", b -> b.taskTimeLimitInSeconds(28_801), "HumanTaskConfig.TaskTimeLimitInSeconds", "between 30 and 28800"),
                broken("availability under a minute", b -> b.taskAvailabilityLifetimeInSeconds(59), "HumanTaskConfig.TaskAvailabilityLifetimeInSeconds", "between 60"),
                broken("availability over 12 h on the public workforce", b -> b.workteamArn(PUBLIC_WORKFORCE).contentClassifiers("FreeOfPersonallyIdentifiableInformation").publicWorkforceTaskPrice(new TaskPrice(0, 3, 6)).taskAvailabilityLifetimeInSeconds(43_201), "HumanTaskConfig.TaskAvailabilityLifetimeInSeconds", "between 60 and 43200"),
                broken("max concurrent tasks over 5000", b -> b.maxConcurrentTaskCount(5001), "HumanTaskConfig.MaxConcurrentTaskCount", "between 1 and 5000"),
                broken("51 tags", b -> b.tags(fiftyOneTags()), "Tags", "at most 50"),
                broken("tag key with #", b -> b.tag("team#1", "x"), "Tags[0].Key", "letters, digits"),
                broken("tag key starting with aws:", b -> b.tag("aws:project", "x"), "Tags[0].Key", "must not start with 'aws:'"),
                broken("tag key starting with AwS:", b -> b.tag("AwS:project", "x"), "Tags[0].Key", "must not start with 'aws:'"),
                broken("tag key of 129 characters", b -> b.tag("k".repeat(129), "x"), "Tags[0].Key", "1 to 128"),
                broken("empty tag key", b -> b.tag("", "x"), "Tags[0].Key", "is required"),
                broken("tag value of 257 characters", b -> b.tag("team", "v".repeat(257)), "Tags[0].Value", "0 to 256"),
                broken("tag value with #", b -> b.tag("team", "a#b"), "Tags[0].Value", "letters, digits"),
                broken("one label for classification", b -> b.labelCategoryConfig(LabelCategoryConfig.of("only")), "labelCategoryConfig", "at least 2"),
                broken("duplicate labels", b -> b.labelCategoryConfig(LabelCategoryConfig.of("yes", "no", "yes")), "labelCategoryConfig.labels[2]", "unique"),
                broken("NER without instructions", b -> ofType(b, TaskType.NAMED_ENTITY_RECOGNITION).uiTemplateS3Uri(null), "labelCategoryConfig.instructions", "required"),
                broken("3D with a 2018 label document", b -> ofType(b, TaskType.POINT_CLOUD_OBJECT_DETECTION).uiTemplateS3Uri(null).labelCategoryConfig(LabelCategoryConfig.of("Car")), "labelCategoryConfig.document-version", "2020-03-01"),
                broken("3D on the public workforce", b -> ofType(b, TaskType.POINT_CLOUD_OBJECT_DETECTION).uiTemplateS3Uri(null).labelCategoryConfig(frameLabels()).workteamArn(PUBLIC_WORKFORCE).contentClassifiers("FreeOfPersonallyIdentifiableInformation").publicWorkforceTaskPrice(new TaskPrice(0, 3, 6)), "HumanTaskConfig.WorkteamArn", "public workforce"),
                broken("region missing", b -> b.region(null), "region", "is required"),
                broken("region without built-in task types", b -> b.region("us-west-1").inputSnsTopicArn("arn:aws:sns:us-west-1:123456789012:in").outputSnsTopicArn(null).workteamArn("arn:aws:sagemaker:us-west-1:123456789012:workteam/private-crowd/t"), "region", "us-east-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void eachBrokenRuleIsReportedWithItsFieldAndRule(String description, UnaryOperator<LabelingJobSpec.Builder> change,
                                                     String field, String ruleFragment) {
        ValidationReport report = change.apply(SpecFixtures.textClassification()).build().validate();

        assertThat(report.errors())
                .as("errors for: %s", description)
                .anySatisfy(v -> {
                    assertThat(v.field()).startsWith(field);
                    assertThat(v.rule()).contains(ruleFragment);
                });
    }

    @Test
    void s3UrisFollowingTheRulesAndHttpsUrisAreValid() {
        ValidationReport report = SpecFixtures.textClassification()
                .s3OutputPath("s3://my.bucket-1")
                .labelCategoryConfigS3Uri("https://example.com/labels.json")
                .uiTemplateS3Uri("s3://my.bucket-1/templates/t.html")
                .manifestS3Uri("s3://abc/m")
                .tag("project", "aws:value-is-allowed")
                .tag("team:aws", "")
                .build().validate();

        assertThat(report.errors()).isEmpty();
    }

    @Test
    void everyViolationIsReportedAtOnceInOneException() {
        LabelingJobSpec spec = SpecFixtures.textClassification()
                .labelingJobName("bad_name").numberOfHumanWorkersPerDataObject(12).taskTitle(null).build();

        assertThatThrownBy(() -> spec.validate().throwIfInvalid("Labeling job spec"))
                .isInstanceOfSatisfying(LabelingValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("LabelingJobName", "HumanTaskConfig.TaskTitle",
                                "HumanTaskConfig.NumberOfHumanWorkersPerDataObject"))
                .hasMessageContaining("3 violations")
                .hasMessageContaining("'bad_name'")
                .hasMessageContaining("= 12");
    }

    @Test
    void stoppingConditionsAreAcceptedWithAWarningBecauseStreamingJobsIgnoreThem() {
        ValidationReport report = SpecFixtures.textClassification().maxHumanLabeledObjectCount(100).build().validate();

        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).extracting(Violation::field).containsExactly("StoppingConditions");
    }

    @Test
    void moreThanAThousandConcurrentTasksIsAcceptedWithAWarning() {
        ValidationReport report = SpecFixtures.textClassification().maxConcurrentTaskCount(2000).build().validate();

        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).extracting(Violation::field).containsExactly("HumanTaskConfig.MaxConcurrentTaskCount");
    }

    @Test
    void noOutputTopicIsAcceptedWithAWarningThatNothingIsPublished() {
        ValidationReport report = SpecFixtures.textClassification().outputSnsTopicArn(null).build().validate();

        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).singleElement().satisfies(v -> assertThat(v.rule()).contains("no notification"));
    }

    @Test
    void videoAndPointCloudTasksMayRunUpToThirtyDays() {
        LabelingJobSpec spec = ofType(SpecFixtures.textClassification(), TaskType.POINT_CLOUD_OBJECT_DETECTION)
                .uiTemplateS3Uri(null).labelCategoryConfig(frameLabels()).taskTimeLimitInSeconds(2_592_000).build();

        assertThat(spec.validate().errors()).isEmpty();
    }

    @Test
    void aPublicWorkforceJobWithEverythingItNeedsIsValid() {
        LabelingJobSpec spec = SpecFixtures.textClassification().workteamArn(PUBLIC_WORKFORCE)
                .contentClassifiers("FreeOfPersonallyIdentifiableInformation")
                .publicWorkforceTaskPrice(new TaskPrice(0, 3, 6)).build();

        assertThat(spec.validate().errors()).isEmpty();
    }

    @Test
    void theTaskTypeNamesTheBuiltInUiForTypesThatUseOne() {
        LabelingJobSpec spec = ofType(SpecFixtures.textClassification(), TaskType.NAMED_ENTITY_RECOGNITION)
                .uiTemplateS3Uri(null).labelCategoryConfig(withInstructions()).build();

        assertThat(spec.humanTaskUiArn())
                .contains("arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/NamedEntityRecognition");
        assertThat(spec.validate().errors()).isEmpty();
    }

    private static Arguments broken(String description, UnaryOperator<LabelingJobSpec.Builder> change, String field,
                                    String ruleFragment) {
        return Arguments.of(description, change, field, ruleFragment);
    }

    /** Switches the base spec to another task type, letting the preset refill the Lambdas. */
    private static LabelingJobSpec.Builder ofType(LabelingJobSpec.Builder builder, TaskType type) {
        String attribute = type.labelAttributeMustEndWithRef() ? "labels-ref" : "labels";
        return builder.taskType(type).labelAttributeName(attribute)
                .preHumanTaskLambdaArn(null).annotationConsolidationLambdaArn(null).humanTaskUiArn(null);
    }

    private static LabelCategoryConfig withInstructions() {
        return LabelCategoryConfig.fromJson("{\"document-version\":\"2018-11-28\",\"labels\":[{\"label\":\"Person\"},"
                + "{\"label\":\"Place\"}],\"instructions\":{\"shortInstruction\":\"Mark names\",\"fullInstruction\":\"Mark every name\"}}");
    }

    private static LabelCategoryConfig frameLabels() {
        return LabelCategoryConfig.fromJson("{\"documentVersion\":\"2020-03-01\",\"labels\":[{\"label\":\"Car\"},"
                + "{\"label\":\"Pedestrian\"}]}");
    }

    private static java.util.Map<String, String> fiftyOneTags() {
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
        IntStream.range(0, 51).forEach(i -> tags.put("tag" + i, "v"));
        return Collections.unmodifiableMap(tags);
    }
}
