package io.github.sagemakerlabeling.local.sagemaker.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * Validation errors as SageMaker words them, through the SDK and on the wire: the count, {@code "; "} between
 * violations, lowerCamel member paths, list elements as {@code .N.member}, values quoted ({@code null} not), the
 * model's constraints in AWS's words, and every violated constraint of a member.
 */
@LocalGroundTruthTest
class ValidationMessagesTest {

    private static final String NAME_PATTERN = "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}";

    @Test
    void tenWorkersPerObjectIsOneErrorWithTheModelsBound(SageMakerClient sageMaker) {
        assertThat(validationMessage(() -> sageMaker.createLabelingJob(validRequest(
                r -> r.humanTaskConfig(h -> h.workteamArn(WORKTEAM).uiConfig(u -> u.uiTemplateS3Uri(TEMPLATE))
                        .taskTitle("Label it").taskDescription("Choose").numberOfHumanWorkersPerDataObject(10)
                        .taskTimeLimitInSeconds(300))))))
                .isEqualTo("1 validation error detected: Value '10' at "
                        + "'humanTaskConfig.numberOfHumanWorkersPerDataObject' failed to satisfy constraint: Member must"
                        + " have value less than or equal to 9");
    }

    @Test
    void aSixtyFourCharacterNameBreaksBothThePatternAndTheLength(SageMakerClient sageMaker) {
        String name = "a".repeat(64);

        assertThat(validationMessage(() -> sageMaker.describeLabelingJob(r -> r.labelingJobName(name))))
                .isEqualTo("2 validation errors detected: Value '" + name + "' at 'labelingJobName' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: " + NAME_PATTERN + "; Value '"
                        + name + "' at 'labelingJobName' failed to satisfy constraint: Member must have length less"
                        + " than or equal to 63");
    }

    @Test
    void anEmptyCreateRequestListsEveryMissingRequiredMemberInModelOrder(SageMakerClient sageMaker) {
        String message = validationMessage(() -> sageMaker.createLabelingJob(
                CreateLabelingJobRequest.builder().build()));

        assertThat(message).isEqualTo("6 validation errors detected: "
                + "Value null at 'labelingJobName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'labelAttributeName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'inputConfig' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'outputConfig' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'roleArn' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'humanTaskConfig' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void listElementsAreNamedByTheirOneBasedIndexAndEnumsListTheirValues(SageMakerClient sageMaker) {
        String message = validationMessage(() -> sageMaker.createLabelingJob(validRequest(r -> r
                .tags(t -> t.key("team").value("nlp"), t -> t.key("bad{key}").value("x"))
                .inputConfig(i -> i.dataSource(d -> d.snsDataSource(s -> s.snsTopicArn(TOPIC)))
                        .dataAttributes(a -> a.contentClassifiersWithStrings("FreeOfAdultContent", "Harmless"))))));

        assertThat(message).startsWith("2 validation errors detected: ")
                .contains("Value 'Harmless' at 'inputConfig.dataAttributes.contentClassifiers.2.member' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: "
                        + "[FreeOfPersonallyIdentifiableInformation, FreeOfAdultContent]")
                .contains("; Value 'bad{key}' at 'tags.2.member.key' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: ([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");
    }

    @Test
    void listsAreCheckedForSizeWithTheirValueShownAsAList(SageMakerClient sageMaker) {
        String message = validationMessage(() -> sageMaker.createLabelingJob(validRequest(
                r -> r.humanTaskConfig(h -> h.workteamArn(WORKTEAM).uiConfig(u -> u.uiTemplateS3Uri(TEMPLATE))
                        .taskTitle("Label it").taskDescription("Choose").numberOfHumanWorkersPerDataObject(1)
                        .taskTimeLimitInSeconds(300).taskKeywords("a", "b", "c", "d", "e", "f")))));

        assertThat(message).isEqualTo("1 validation error detected: Value '[a, b, c, d, e, f]' at "
                + "'humanTaskConfig.taskKeywords' failed to satisfy constraint: Member must have length less than or "
                + "equal to 5");
    }

    @Test
    void rulesBeyondTheModelAreWordedInTheSameStyle(SageMakerClient sageMaker, LocalGroundTruth local) {
        String elsewhere = "arn:aws:sns:eu-west-1:" + local.accountId() + ":elsewhere";

        assertThat(validationMessage(() -> sageMaker.createLabelingJob(validRequest(r -> r.inputConfig(
                i -> i.dataSource(d -> d.snsDataSource(s -> s.snsTopicArn(elsewhere))))))))
                .isEqualTo("1 validation error detected: Value '" + elsewhere + "' at "
                        + "'inputConfig.dataSource.snsDataSource.snsTopicArn' failed to satisfy constraint: Member must"
                        + " satisfy constraint: SNS topics must be in the job's region (us-east-1), this one is in "
                        + "'eu-west-1'");
        assertThat(validationMessage(() -> sageMaker.createLabelingJob(validRequest(r -> r
                .labelAttributeName("sentiment-ref")
                .labelCategoryConfigS3Uri("s3://bucket/labels.json")
                .humanTaskConfig(h -> h.workteamArn(WORKTEAM).uiConfig(u -> u.uiTemplateS3Uri(TEMPLATE))
                        .preHumanTaskLambdaArn("arn:aws:lambda:us-east-1:432418664414:function:PRE-TextMultiClass")
                        .taskTitle("Label it").taskDescription("Choose").numberOfHumanWorkersPerDataObject(1)
                        .taskTimeLimitInSeconds(300))))))
                .startsWith("1 validation error detected: Value 'sentiment-ref' at 'labelAttributeName' failed to "
                        + "satisfy constraint: Member must not end with '-ref' for ");
        assertThat(validationMessage(() -> sageMaker.createLabelingJob(validRequest(r -> r.inputConfig(
                i -> i.dataSource(d -> { }))))))
                .isEqualTo("1 validation error detected: Value '{}' at 'inputConfig.dataSource' failed to satisfy "
                        + "constraint: Member must have an s3DataSource or an snsDataSource");
    }

    @Test
    void rulesBeyondTheModelUseTheModelsWordsForBoundsAndMissingMembers(SageMakerClient sageMaker) {
        String message = validationMessage(() -> sageMaker.createLabelingJob(validRequest(r -> r
                .humanTaskConfig(h -> h.workteamArn(WORKTEAM).uiConfig(u -> u.uiTemplateS3Uri(TEMPLATE))
                        .preHumanTaskLambdaArn("arn:aws:lambda:us-east-1:432418664414:function:PRE-TextMultiClass")
                        .taskTitle("Label it").taskDescription("Choose").numberOfHumanWorkersPerDataObject(1)
                        .taskTimeLimitInSeconds(30_000)))));

        assertThat(message).isEqualTo("2 validation errors detected: "
                + "Value null at 'labelCategoryConfigS3Uri' failed to satisfy constraint: Member must not be null for "
                + "built-in task types: workers choose from its labels; "
                + "Value '30000' at 'humanTaskConfig.taskTimeLimitInSeconds' failed to satisfy constraint: Member "
                + "must have value less than or equal to 28800");
    }

    @Test
    void listingRefusesValuesOutsideItsEnumsAndRanges(SageMakerClient sageMaker) {
        assertThat(validationMessage(() -> sageMaker.listLabelingJobs(r -> r.statusEquals("Running")
                .sortBy("Size").sortOrder("Up").maxResults(0))))
                .isEqualTo("4 validation errors detected: "
                        + "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than"
                        + " or equal to 1; "
                        + "Value 'Size' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[Name, CreationTime, Status]; "
                        + "Value 'Up' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[Ascending, Descending]; "
                        + "Value 'Running' at 'statusEquals' failed to satisfy constraint: Member must satisfy enum "
                        + "value set: [Initializing, InProgress, Completed, Failed, Stopping, Stopped]");
        assertThat(validationMessage(() -> sageMaker.stopLabelingJob(r -> r.labelingJobName("no_underscores"))))
                .isEqualTo("1 validation error detected: Value 'no_underscores' at 'labelingJobName' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: " + NAME_PATTERN);
    }

    @Test
    void theWireCarriesTheCodeAndTheMessage(LocalGroundTruth local) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(local.sageMakerEndpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "SageMaker.ListLabelingJobs")
                .POST(HttpRequest.BodyPublishers.ofString("{\"StatusEquals\":\"Running\",\"NameContains\":null}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.read(response.body());
        assertThat(error.path("__type").asText()).isEqualTo("ValidationException");
        assertThat(error.path("Message").asText()).isEqualTo("1 validation error detected: Value 'Running' at "
                + "'statusEquals' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[Initializing, InProgress, Completed, Failed, Stopping, Stopped]");
    }

    private static final String WORKTEAM = "arn:aws:sagemaker:us-east-1:000000000000:workteam/private-crowd/team";
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:in";
    private static final String TEMPLATE = "s3://bucket/template.html";

    /** A request that passes every check, changed by {@code change}. */
    private static CreateLabelingJobRequest validRequest(Consumer<CreateLabelingJobRequest.Builder> change) {
        CreateLabelingJobRequest.Builder request = CreateLabelingJobRequest.builder()
                .labelingJobName("valid-job")
                .labelAttributeName("sentiment")
                .inputConfig(i -> i.dataSource(d -> d.snsDataSource(s -> s.snsTopicArn(TOPIC))))
                .outputConfig(o -> o.s3OutputPath("s3://bucket/output"))
                .roleArn("arn:aws:iam::000000000000:role/GroundTruth")
                .humanTaskConfig(h -> h.workteamArn(WORKTEAM).uiConfig(u -> u.uiTemplateS3Uri(TEMPLATE))
                        .taskTitle("Label it").taskDescription("Choose").numberOfHumanWorkersPerDataObject(1)
                        .taskTimeLimitInSeconds(300));
        change.accept(request);
        return request.build();
    }

    private static String validationMessage(Runnable call) {
        AwsServiceException[] thrown = new AwsServiceException[1];
        assertThatThrownBy(call::run).isExactlyInstanceOf(SageMakerException.class)
                .satisfies(e -> thrown[0] = (AwsServiceException) e);
        assertThat(thrown[0].awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(thrown[0].statusCode()).isEqualTo(400);
        return thrown[0].awsErrorDetails().errorMessage();
    }
}
