package io.github.sagemakerlabeling.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.json.SdkJson;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobOutputConfig;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

class LabelingJobSpecConversionTest {

    @Test
    void theReferenceRequestIsValidAndConvertsToExactlyTheReferenceWireJson() throws Exception {
        LabelingJobSpec spec = SpecFixtures.referenceRequest();

        assertThat(spec.validate().errors()).isEmpty();
        JsonNode expected = Json.read(SpecFixtures.resource("create-labeling-job-request.json"));
        assertThat(SdkJson.toJson(spec.toCreateRequest())).isEqualTo(expected);
    }

    @Test
    void theReferenceWireJsonReadsBackIntoTheSameSdkRequest() throws Exception {
        JsonNode wire = Json.read(SpecFixtures.resource("create-labeling-job-request.json"));

        CreateLabelingJobRequest request = SdkJson.fill(CreateLabelingJobRequest.builder(), wire).build();

        assertThat(request).isEqualTo(SpecFixtures.referenceRequest().toCreateRequest());
    }

    @Test
    void aCreateRequestReadsBackIntoAnEqualSpec() {
        LabelingJobSpec spec = SpecFixtures.referenceRequest();

        LabelingJobSpec read = LabelingJobSpec.fromCreateRequest(spec.toCreateRequest(), "us-east-1");

        assertThat(spec.differencesFrom(read)).isEmpty();
        assertThat(read.toCreateRequest()).isEqualTo(spec.toCreateRequest());
        assertThat(read.validate().errors()).isEmpty();
    }

    @Test
    void theTaskTypeIsRecognisedFromTheLambdaArns() {
        assertThat(SpecFixtures.referenceRequest().taskType()).contains(TaskType.BOUNDING_BOX);
    }

    @Test
    void theTaskTypePresetFillsTheLambdas() {
        LabelingJobSpec spec = SpecFixtures.textClassification().build();

        assertThat(spec.preHumanTaskLambdaArn())
                .contains("arn:aws:lambda:us-east-1:432418664414:function:PRE-TextMultiClass");
        assertThat(spec.annotationConsolidationLambdaArn())
                .contains("arn:aws:lambda:us-east-1:432418664414:function:ACS-TextMultiClass");
        assertThat(spec.humanTaskUiArn()).isEmpty();
    }

    @Test
    void aDescriptionWithTheServiceDefaultsComparesEqualToTheSpecThatCreatedIt() {
        LabelingJobSpec spec = SpecFixtures.textClassification().build();

        LabelingJobSpec described = LabelingJobSpec.fromDescribe(describedAsTheServiceWould(spec));

        assertThat(spec.differencesFrom(described)).isEmpty();
        assertThat(described.region()).isEqualTo("us-east-1");
        assertThat(described.taskType()).contains(TaskType.TEXT_CLASSIFICATION);
        assertThat(described.labelingJobName()).isEqualTo("sentiment");
    }

    @Test
    void differencesNameEachDifferingFieldWithBothValues() {
        LabelingJobSpec spec = SpecFixtures.textClassification().build();
        LabelingJobSpec running = LabelingJobSpec.fromDescribe(describedAsTheServiceWould(
                spec.toBuilder().taskTitle("Old title").numberOfHumanWorkersPerDataObject(1).build()));

        assertThat(spec.differencesFrom(running)).containsExactly(
                new SpecDifference("HumanTaskConfig.TaskTitle", "Sentiment", "Old title"),
                new SpecDifference("HumanTaskConfig.NumberOfHumanWorkersPerDataObject", 3, 1));
    }

    @Test
    void jobNamesCompareWithoutRegardToCaseAsTheServiceTreatsThem() {
        LabelingJobSpec spec = SpecFixtures.textClassification().build();

        assertThat(spec.differencesFrom(spec.toBuilder().labelingJobName("SENTIMENT").build())).isEmpty();
    }

    @Test
    void aKmsKeyGivenDiffersFromTheDefaultKey() {
        LabelingJobSpec spec = SpecFixtures.textClassification().kmsKeyId("alias/labels").build();

        assertThat(spec.differencesFrom(LabelingJobSpec.fromDescribe(describedAsTheServiceWould(
                spec.toBuilder().kmsKeyId(null).build()))))
                .extracting(SpecDifference::field).containsExactly("OutputConfig.KmsKeyId");
    }

    /** What DescribeLabelingJob returns for a job created from the spec: the request echoed with defaults filled. */
    private static DescribeLabelingJobResponse describedAsTheServiceWould(LabelingJobSpec spec) {
        CreateLabelingJobRequest request = spec.toCreateRequest();
        LabelingJobOutputConfig output = request.outputConfig().toBuilder()
                .kmsKeyId(request.outputConfig().kmsKeyId() == null ? "" : request.outputConfig().kmsKeyId())
                .build();
        return DescribeLabelingJobResponse.builder()
                .labelingJobName(request.labelingJobName())
                .labelingJobArn("arn:aws:sagemaker:us-east-1:123456789012:labeling-job/" + request.labelingJobName())
                .labelingJobStatus(LabelingJobStatus.IN_PROGRESS)
                .creationTime(Instant.EPOCH)
                .lastModifiedTime(Instant.EPOCH)
                .labelAttributeName(request.labelAttributeName())
                .inputConfig(request.inputConfig())
                .outputConfig(output)
                .roleArn(request.roleArn())
                .labelCategoryConfigS3Uri(request.labelCategoryConfigS3Uri())
                .humanTaskConfig(request.humanTaskConfig().toBuilder()
                        .maxConcurrentTaskCount(spec.maxConcurrentTaskCount().orElse(1000))
                        .taskAvailabilityLifetimeInSeconds(spec.taskAvailabilityLifetimeInSeconds().orElse(2_592_000))
                        .build())
                .tags(request.tags())
                .build();
    }
}
