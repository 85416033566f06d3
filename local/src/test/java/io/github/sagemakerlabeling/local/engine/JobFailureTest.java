package io.github.sagemakerlabeling.local.engine;

import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.counters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.JobResources;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * A job whose input, label categories or output cannot be used starts like any other and then fails with a reason
 * that names what was wrong (§1.1, §1.6); a failed job no longer listens to its input topic.
 */
class JobFailureTest {

    private static final Duration STARTUP = Duration.ofMinutes(5);
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
        kit.local.engineSettings(EngineSettings.defaults().withInitializingDelay(STARTUP));
    }

    @Test
    void aMissingInputTopicFailsTheJobAfterItInitialized() {
        JobResources job = kit.resources("Fail-Topic", "positive", "negative");
        String absent = job.inputTopic() + "-absent";

        DescribeLabelingJobResponse failed = createAndAwaitFailure(kit.spec(job, TaskType.TEXT_CLASSIFICATION,
                "sentiment").inputSnsTopicArn(absent).build());

        assertThat(failed.failureReason()).contains(absent);
    }

    @Test
    void unreadableLabelCategoriesFailTheJobAndItStopsListeningToItsTopic() {
        JobResources job = kit.resources("Fail-Labels", "positive", "negative");
        String missing = "s3://" + job.bucket() + "/config/missing.json";

        DescribeLabelingJobResponse failed = createAndAwaitFailure(kit.spec(job, TaskType.TEXT_CLASSIFICATION,
                "sentiment").labelCategoryConfigS3Uri(missing).build());

        assertThat(failed.failureReason()).contains(missing);
        assertThat(kit.sns.listSubscriptionsByTopic(b -> b.topicArn(job.inputTopic())).subscriptions()).isEmpty();
        assertThatThrownBy(() -> kit.sageMaker.stopLabelingJob(b -> b.labelingJobName(job.name())))
                .isInstanceOf(SageMakerException.class).hasMessageContaining("Failed");
    }

    @Test
    void labelCategoriesThatAreNotALabelConfigurationFailTheJob() {
        JobResources job = kit.resources("Fail-LabelJson", "positive", "negative");
        String garbage = kit.put(job.bucket(), "config/garbage.json", "labels: positive, negative");

        DescribeLabelingJobResponse failed = createAndAwaitFailure(kit.spec(job, TaskType.TEXT_CLASSIFICATION,
                "sentiment").labelCategoryConfigS3Uri(garbage).build());

        assertThat(failed.failureReason()).contains(garbage);
    }

    @Test
    void aMissingOutputBucketFailsTheJob() {
        JobResources job = kit.resources("Fail-Output", "positive", "negative");

        DescribeLabelingJobResponse failed = createAndAwaitFailure(kit.spec(job, TaskType.TEXT_CLASSIFICATION,
                "sentiment").s3OutputPath("s3://" + job.bucket() + "-absent/output").build());

        assertThat(failed.failureReason()).contains(job.bucket() + "-absent");
    }

    @Test
    void aMissingOutputTopicFailsTheJob() {
        JobResources job = kit.resources("Fail-OutputTopic", "positive", "negative");
        String absent = job.outputTopic() + "-absent";

        DescribeLabelingJobResponse failed = createAndAwaitFailure(kit.spec(job, TaskType.TEXT_CLASSIFICATION,
                "sentiment").outputSnsTopicArn(absent).build());

        assertThat(failed.failureReason()).contains(absent);
    }

    @Test
    void aMissingInputManifestFailsTheJob() {
        JobResources job = kit.resources("Fail-Manifest", "positive", "negative");
        String manifest = "s3://" + job.bucket() + "/input/absent.manifest";

        DescribeLabelingJobResponse failed = createAndAwaitFailure(kit.spec(job, TaskType.TEXT_CLASSIFICATION,
                "sentiment").manifestS3Uri(manifest).build());

        assertThat(failed.failureReason()).contains(manifest);
    }

    @Test
    void deletingTheJobQueueWhileTheJobRunsFailsIt() {
        JobResources job = kit.resources("Fail-Queue", "positive", "negative");
        kit.sageMaker.createLabelingJob(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment").build()
                .toCreateRequest());
        kit.local.clock().advance(STARTUP);
        kit.awaitStatus(job.name(), LabelingJobStatus.IN_PROGRESS);
        kit.publish(job.inputTopic(), "{\"source\":\"before the queue went\"}");
        kit.awaitCounters(job.name(), counters(1, 0, 0));

        String queue = kit.jobQueueUrl(job.name());
        kit.sqs.deleteQueue(b -> b.queueUrl(queue));

        kit.awaitStatus(job.name(), LabelingJobStatus.FAILED);
        assertThat(kit.describe(job.name()).failureReason()).contains("GroundTruth-" + job.name().toLowerCase(
                Locale.ROOT));
        assertThat(kit.describe(job.name()).labelCounters()).isEqualTo(counters(1, 0, 0));
    }

    private static DescribeLabelingJobResponse createAndAwaitFailure(LabelingJobSpec spec) {
        kit.sageMaker.createLabelingJob(spec.toCreateRequest());
        assertThat(kit.status(spec.labelingJobName())).as("a job starts Initializing whatever is wrong with it")
                .isEqualTo(LabelingJobStatus.INITIALIZING);
        kit.local.clock().advance(STARTUP);
        kit.awaitStatus(spec.labelingJobName(), LabelingJobStatus.FAILED);
        DescribeLabelingJobResponse failed = kit.describe(spec.labelingJobName());
        assertThat(failed.failureReason()).isNotBlank();
        assertThat(failed.labelCounters()).isEqualTo(counters(0, 0, 0));
        return failed;
    }
}
