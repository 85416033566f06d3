package io.github.sagemakerlabeling.core.spec;

import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Specs and files the spec tests share. */
final class SpecFixtures {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";

    private SpecFixtures() {
    }

    /** The streaming request of the reference (§4.4), as a spec. */
    static LabelingJobSpec referenceRequest() {
        return LabelingJobSpec.builder()
                .region(REGION)
                .labelingJobName("gt-streaming-demo")
                .labelAttributeName("label")
                .manifestS3Uri("s3://bucket/path/manifest-with-input-data.json")
                .inputSnsTopicArn("arn:aws:sns:us-east-1:123456789012:GroundTruth-demo-Input")
                .contentClassifiers("FreeOfPersonallyIdentifiableInformation", "FreeOfAdultContent")
                .s3OutputPath("s3://bucket/gt-streaming-demo-output")
                .outputSnsTopicArn("arn:aws:sns:us-east-1:123456789012:GroundTruth-demo-Output")
                .roleArn("arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20240101T000000")
                .labelCategoryConfigS3Uri("s3://bucket/class_labels.json")
                .workteamArn("arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/my-team")
                .uiTemplateS3Uri("s3://bucket/instructions.template")
                .preHumanTaskLambdaArn("arn:aws:lambda:us-east-1:432418664414:function:PRE-BoundingBox")
                .taskKeywords("bounding box", "image dataset")
                .taskTitle("Add bounding boxes to detect objects in an image")
                .taskDescription("Categorize images into classes using bounding boxes")
                .numberOfHumanWorkersPerDataObject(1)
                .taskTimeLimitInSeconds(600)
                .taskAvailabilityLifetimeInSeconds(21600)
                .maxConcurrentTaskCount(100)
                .annotationConsolidationLambdaArn("arn:aws:lambda:us-east-1:432418664414:function:ACS-BoundingBox")
                .tag("project", "demo")
                .build();
    }

    /** A valid streaming text classification job whose Lambdas come from the task type's preset. */
    static LabelingJobSpec.Builder textClassification() {
        return LabelingJobSpec.builder()
                .region(REGION)
                .taskType(TaskType.TEXT_CLASSIFICATION)
                .labelingJobName("sentiment")
                .labelAttributeName("sentiment")
                .inputSnsTopicArn("arn:aws:sns:us-east-1:" + ACCOUNT + ":GroundTruth-in")
                .outputSnsTopicArn("arn:aws:sns:us-east-1:" + ACCOUNT + ":GroundTruth-out")
                .s3OutputPath("s3://bucket/output")
                .roleArn("arn:aws:iam::" + ACCOUNT + ":role/GroundTruth")
                .labelCategoryConfigS3Uri("s3://bucket/labels.json")
                .labelCategoryConfig(LabelCategoryConfig.of("positive", "negative"))
                .workteamArn("arn:aws:sagemaker:us-east-1:" + ACCOUNT + ":workteam/private-crowd/team")
                .uiTemplateS3Uri("s3://bucket/template.liquid.html")
                .taskTitle("Sentiment")
                .taskDescription("Is the text positive or negative?")
                .numberOfHumanWorkersPerDataObject(3)
                .taskTimeLimitInSeconds(300);
    }

    static String resource(String name) {
        try (InputStream in = SpecFixtures.class.getResourceAsStream("/spec/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /spec/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
