package io.github.sagemakerlabeling.local.sagemaker;

import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.counters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.spec.TaskPrice;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.JobResources;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SortBy;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;

/**
 * The labeling-job API as an SDK user meets it: what create and describe return, the service's defaults, its error
 * codes and messages, the refused stop of a starting job, and ListLabelingJobs' filters, sorting and pages.
 */
class LabelingJobApiTest {

    private static final Duration STARTUP = Duration.ofHours(1);

    private static GroundTruthTestKit kit;

    @BeforeAll
    static void startStack() {
        kit = GroundTruthTestKit.start();
    }

    @AfterAll
    static void stopStack() {
        kit.close();
    }

    @BeforeEach
    void jobsStartWhenTheClockPassesTheStartup() {
        // A start-up of an hour on the simulation clock: a job stays Initializing until a test advances the clock.
        kit.local.engineSettings(EngineSettings.defaults().withInitializingDelay(STARTUP));
    }

    @Test
    void createReturnsTheArnAndDescribeShowsInitializingWithTheServiceDefaultsThenInProgress() throws Exception {
        JobResources job = kit.resources("Api-Describe", "positive", "negative");
        LabelingJobSpec spec = kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment").tag("team", "nlp").build();
        Instant before = kit.local.clock().instant();

        CreateLabelingJobResponse created = kit.sageMaker.createLabelingJob(spec.toCreateRequest());

        assertThat(created.labelingJobArn())
                .isEqualTo("arn:aws:sagemaker:us-east-1:" + kit.local.accountId() + ":labeling-job/" + job.name());
        DescribeLabelingJobResponse described = kit.describe(job.name());
        assertThat(described.labelingJobStatus()).isEqualTo(LabelingJobStatus.INITIALIZING);
        assertThat(described.labelingJobArn()).isEqualTo(created.labelingJobArn());
        assertThat(described.labelingJobName()).isEqualTo(job.name());
        assertThat(described.labelAttributeName()).isEqualTo("sentiment");
        assertThat(described.inputConfig()).isEqualTo(spec.toCreateRequest().inputConfig());
        assertThat(described.outputConfig().kmsKeyId()).isEmpty();
        assertThat(described.outputConfig().s3OutputPath()).isEqualTo("s3://" + job.bucket() + "/output");
        assertThat(described.humanTaskConfig().maxConcurrentTaskCount()).isEqualTo(1000);
        assertThat(described.humanTaskConfig().taskAvailabilityLifetimeInSeconds()).isEqualTo(2_592_000);
        assertThat(described.humanTaskConfig().preHumanTaskLambdaArn())
                .isEqualTo("arn:aws:lambda:us-east-1:432418664414:function:PRE-TextMultiClass");
        assertThat(described.jobReferenceCode()).matches(kit.local.accountId() + "[A-Za-z0-9]{16}");
        assertThat(described.labelCounters()).isEqualTo(counters(0, 0, 0));
        assertThat(described.tags()).singleElement().satisfies(tag -> assertThat(tag.key()).isEqualTo("team"));
        assertThat(described.failureReason()).isNull();
        assertThat(described.labelingJobOutput()).isNull();
        assertThat(described.creationTime()).isBetween(before.truncatedTo(ChronoUnit.MILLIS),
                kit.local.clock().instant());
        assertThat(described.lastModifiedTime()).isEqualTo(described.creationTime());

        JsonNode wire = describeOnTheWire(job.name());
        assertThat(wire.get("CreationTime").isNumber()).as("CreationTime is epoch seconds").isTrue();
        assertThat(wire.get("CreationTime").doubleValue())
                .isCloseTo(described.creationTime().toEpochMilli() / 1000.0, within(0.001));
        assertThat(wire.get("LastModifiedTime").isNumber()).isTrue();

        kit.local.clock().advance(STARTUP);
        kit.awaitStatus(job.name(), LabelingJobStatus.IN_PROGRESS);
        DescribeLabelingJobResponse running = kit.describe(job.name());
        assertThat(running.lastModifiedTime()).isAfter(running.creationTime());
        assertThat(running.jobReferenceCode()).isEqualTo(described.jobReferenceCode());
    }

    @Test
    void aMechanicalTurkJobGetsTheShorterDefaultTaskAvailability() {
        JobResources job = kit.resources("Api-Public", "positive", "negative");
        kit.sageMaker.createLabelingJob(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .workteamArn("arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default")
                .contentClassifiers("FreeOfPersonallyIdentifiableInformation")
                .publicWorkforceTaskPrice(new TaskPrice(0, 3, 6))
                .build().toCreateRequest());

        assertThat(kit.describe(job.name()).humanTaskConfig().taskAvailabilityLifetimeInSeconds()).isEqualTo(21_600);
    }

    @Test
    void aNameThatDiffersOnlyInCaseIsInUseWhileTheJobRunsAndAfterItStopped() {
        JobResources job = kit.resources("Api-Dup", "positive", "negative");
        LabelingJobSpec spec = kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment").build();
        kit.sageMaker.createLabelingJob(spec.toCreateRequest());
        CreateLabelingJobRequest sameNameOtherCase = spec.toBuilder()
                .labelingJobName(job.name().toUpperCase(Locale.ROOT)).build().toCreateRequest();

        assertThatThrownBy(() -> kit.sageMaker.createLabelingJob(sameNameOtherCase))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining(job.name().toUpperCase(Locale.ROOT));

        kit.local.clock().advance(STARTUP);
        kit.awaitStatus(job.name(), LabelingJobStatus.IN_PROGRESS);
        kit.sageMaker.stopLabelingJob(b -> b.labelingJobName(job.name()));
        kit.awaitStatus(job.name(), LabelingJobStatus.STOPPED);

        assertThatThrownBy(() -> kit.sageMaker.createLabelingJob(sameNameOtherCase))
                .isInstanceOf(ResourceInUseException.class);
        assertThatThrownBy(() -> kit.sageMaker.createLabelingJob(spec.toCreateRequest()))
                .isInstanceOf(ResourceInUseException.class);
        assertValidationError(() -> kit.sageMaker.stopLabelingJob(b -> b.labelingJobName(job.name())), "Stopped");
        assertThat(kit.describe(job.name().toUpperCase(Locale.ROOT)).labelingJobName())
                .as("names are looked up without regard to case").isEqualTo(job.name());
    }

    @Test
    void invalidRequestsAreValidationErrorsNamingTheFieldAndTakeNoName() {
        JobResources job = kit.resources("Api-Invalid", "positive", "negative");
        LabelingJobSpec valid = kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment").build();

        assertValidationError(() -> kit.sageMaker.createLabelingJob(
                valid.toBuilder().labelingJobName("bad_name!").build().toCreateRequest()),
                "1 validation error detected: Value 'bad_name!' at 'labelingJobName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
        assertValidationError(() -> kit.sageMaker.createLabelingJob(valid.toBuilder()
                        .inputSnsTopicArn("arn:aws:sns:eu-west-1:" + kit.local.accountId() + ":elsewhere")
                        .build().toCreateRequest()),
                "at 'inputConfig.dataSource.snsDataSource.snsTopicArn' failed to satisfy constraint: Member must",
                "eu-west-1");
        assertValidationError(() -> kit.sageMaker.createLabelingJob(valid.toBuilder()
                        .preHumanTaskLambdaArn("arn:aws:lambda:us-east-1:123456789012:function:PRE-TextMultiClass")
                        .build().toCreateRequest()),
                "at 'humanTaskConfig.preHumanTaskLambdaArn' failed to satisfy constraint: Member must", "432418664414");
        assertValidationError(() -> kit.sageMaker.createLabelingJob(CreateLabelingJobRequest.builder().build()),
                "6 validation errors detected: ", "Value null at 'labelingJobName'", "Value null at 'roleArn'",
                "Value null at 'humanTaskConfig'");

        kit.sageMaker.createLabelingJob(valid.toCreateRequest());
        assertThat(kit.status(job.name())).as("rejected requests do not take the name")
                .isEqualTo(LabelingJobStatus.INITIALIZING);
    }

    @Test
    void anUnknownJobIsNotFoundOnDescribeAndStop() {
        String name = GroundTruthTestKit.unique("Api-Missing");

        assertThatThrownBy(() -> kit.describe(name)).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining(name);
        assertThatThrownBy(() -> kit.sageMaker.stopLabelingJob(b -> b.labelingJobName(name)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(name);
        assertValidationError(() -> kit.describe("not a name"), "labelingJobName");
    }

    @Test
    void stoppingAJobThatIsStillInitializingIsRefusedAndTheJobStartsAnyway() {
        JobResources job = kit.resources("Api-EarlyStop", "positive", "negative");
        kit.sageMaker.createLabelingJob(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment").build()
                .toCreateRequest());

        assertValidationError(() -> kit.sageMaker.stopLabelingJob(b -> b.labelingJobName(job.name())),
                "Initializing", "InProgress");
        assertThat(kit.status(job.name())).isEqualTo(LabelingJobStatus.INITIALIZING);

        kit.local.clock().advance(STARTUP);
        kit.awaitStatus(job.name(), LabelingJobStatus.IN_PROGRESS);
        kit.sageMaker.stopLabelingJob(b -> b.labelingJobName(job.name()));
        kit.awaitStatus(job.name(), LabelingJobStatus.STOPPED);
    }

    @Test
    void listFiltersSortsAndPagesAndThePaginatorReturnsEveryJob() {
        String prefix = GroundTruthTestKit.unique("Lst");
        // Three jobs a minute apart: "b" runs, "c" is stopped, "a" failed (its input topic does not exist).
        JobResources b = kit.resources(prefix + "-b", "yes", "no");
        String jobB = createJob(b);
        kit.local.clock().advance(Duration.ofMinutes(1));
        JobResources c = kit.resources(prefix + "-c", "yes", "no");
        String jobC = createJob(c);
        kit.local.clock().advance(Duration.ofMinutes(1));
        JobResources a = kit.resources(prefix + "-a", "yes", "no");
        String jobA = a.name();
        kit.sageMaker.createLabelingJob(kit.spec(a, TaskType.TEXT_CLASSIFICATION, "answer")
                .inputSnsTopicArn("arn:aws:sns:us-east-1:" + kit.local.accountId() + ":" + prefix + "-absent")
                .build().toCreateRequest());
        kit.local.clock().advance(STARTUP);
        kit.awaitStatus(jobA, LabelingJobStatus.FAILED);
        kit.awaitStatus(jobB, LabelingJobStatus.IN_PROGRESS);
        kit.awaitStatus(jobC, LabelingJobStatus.IN_PROGRESS);
        kit.sageMaker.stopLabelingJob(r -> r.labelingJobName(jobC));
        kit.awaitStatus(jobC, LabelingJobStatus.STOPPED);

        assertThat(names(list(r -> r.nameContains(prefix)))).containsExactly(jobB, jobC, jobA);
        assertThat(names(list(r -> r.nameContains(prefix).sortOrder(SortOrder.DESCENDING))))
                .containsExactly(jobA, jobC, jobB);
        assertThat(names(list(r -> r.nameContains(prefix).sortBy(SortBy.NAME)))).containsExactly(jobA, jobB, jobC);
        assertThat(names(list(r -> r.nameContains(prefix).sortBy(SortBy.NAME).sortOrder(SortOrder.DESCENDING))))
                .containsExactly(jobC, jobB, jobA);
        assertThat(names(list(r -> r.nameContains(prefix).sortBy(SortBy.STATUS)))).containsExactly(jobA, jobB, jobC);
        assertThat(names(list(r -> r.nameContains(prefix).statusEquals(LabelingJobStatus.IN_PROGRESS))))
                .containsExactly(jobB);
        assertThat(names(list(r -> r.nameContains(prefix).statusEquals(LabelingJobStatus.STOPPED))))
                .containsExactly(jobC);

        Instant createdB = kit.describe(jobB).creationTime();
        Instant createdC = kit.describe(jobC).creationTime();
        Instant createdA = kit.describe(jobA).creationTime();
        assertThat(names(list(r -> r.nameContains(prefix).creationTimeAfter(createdB))))
                .as("after is exclusive, at the precision the wire carries").containsExactly(jobC, jobA);
        assertThat(names(list(r -> r.nameContains(prefix).creationTimeBefore(createdA))))
                .containsExactly(jobB, jobC);
        assertThat(names(list(r -> r.nameContains(prefix).creationTimeAfter(createdB.plusSeconds(30))
                .creationTimeBefore(createdA.minusSeconds(30))))).containsExactly(jobC);
        assertThat(names(list(r -> r.nameContains(prefix).creationTimeAfter(createdC)))).containsExactly(jobA);

        LabelingJobSummary failed = list(r -> r.nameContains(prefix).statusEquals(LabelingJobStatus.FAILED)).get(0);
        assertThat(failed.failureReason()).contains(prefix + "-absent");
        assertThat(failed.workteamArn()).endsWith(":workteam/private-crowd/team");
        assertThat(failed.inputConfig().dataSource().snsDataSource().snsTopicArn()).endsWith(prefix + "-absent");
        assertThat(failed.labelCounters()).isEqualTo(counters(0, 0, 0));

        var firstPage = kit.sageMaker.listLabelingJobs(r -> r.nameContains(prefix).maxResults(2));
        assertThat(names(firstPage.labelingJobSummaryList())).containsExactly(jobB, jobC);
        assertThat(firstPage.nextToken()).isNotBlank();
        var secondPage = kit.sageMaker.listLabelingJobs(r -> r.nameContains(prefix).maxResults(2)
                .nextToken(firstPage.nextToken()));
        assertThat(names(secondPage.labelingJobSummaryList())).containsExactly(jobA);
        assertThat(secondPage.nextToken()).isNull();

        assertThat(names(kit.sageMaker.listLabelingJobsPaginator(r -> r.nameContains(prefix).maxResults(1))
                .labelingJobSummaryList().stream().toList())).containsExactly(jobB, jobC, jobA);

        assertValidationError(() -> kit.sageMaker.listLabelingJobs(r -> r.nextToken("not-a-token")),
                "1 validation error detected: Value 'not-a-token' at 'nextToken' failed to satisfy constraint: Member"
                        + " must be a token from a previous ListLabelingJobs response");
        assertValidationError(() -> kit.sageMaker.listLabelingJobs(r -> r.maxResults(0)), "at 'maxResults'");
        assertValidationError(() -> kit.sageMaker.listLabelingJobs(r -> r.maxResults(101)),
                "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal "
                        + "to 100");
    }

    private static String createJob(JobResources job) {
        kit.sageMaker.createLabelingJob(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "answer").build()
                .toCreateRequest());
        return job.name();
    }

    private static List<LabelingJobSummary> list(Consumer<ListLabelingJobsRequest.Builder> request) {
        return kit.sageMaker.listLabelingJobs(request).labelingJobSummaryList();
    }

    private static List<String> names(List<LabelingJobSummary> summaries) {
        return summaries.stream().map(LabelingJobSummary::labelingJobName).toList();
    }

    private static void assertValidationError(Runnable call, String... messageParts) {
        assertThatThrownBy(call::run)
                .isExactlyInstanceOf(SageMakerException.class)
                .satisfies(e -> {
                    AwsServiceException error = (AwsServiceException) e;
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(error.statusCode()).isEqualTo(400);
                    assertThat(error.awsErrorDetails().errorMessage()).contains(messageParts);
                });
    }

    /** DescribeLabelingJob as raw AWS JSON 1.1, to see the wire form the SDK hides. */
    private static JsonNode describeOnTheWire(String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(kit.local.sageMakerEndpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "SageMaker.DescribeLabelingJob")
                .POST(HttpRequest.BodyPublishers.ofString("{\"LabelingJobName\":\"" + name + "\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.read(response.body());
    }
}
