package io.github.sagemakerlabeling.local.coreservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.service.EnsuredJob;
import io.github.sagemakerlabeling.core.service.LabelingJobException;
import io.github.sagemakerlabeling.core.service.LabelingJobs;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsRequest;
import software.amazon.awssdk.services.sns.SnsClient;

class LabelingJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static LocalGroundTruth local;
    private static SageMakerClient sageMaker;
    private static SnsClient sns;
    private static S3Client s3;
    private static LabelingJobs jobs;

    @BeforeAll
    static void start() {
        local = LocalGroundTruth.builder().start();
        sageMaker = local.sageMakerClient();
        sns = local.snsClient();
        s3 = local.s3Client();
        jobs = new LabelingJobs(sageMaker, Duration.ofMillis(50));
    }

    @AfterAll
    static void stop() {
        sageMaker.close();
        sns.close();
        s3.close();
        local.close();
    }

    @Test
    void ensureCreatesAMissingJobAndAttachesToItTheSecondTime() {
        LabelingJobSpec spec = ServiceFixtures.textJob(local, sns, s3, ServiceFixtures.unique("ensure")).build();

        EnsuredJob first = jobs.ensure(spec);
        EnsuredJob second = jobs.ensure(spec);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.arn()).isEqualTo(first.arn());
        assertThat(jobs.list(ListLabelingJobsRequest.builder().nameContains(spec.labelingJobName()).build())).hasSize(1);
    }

    @Test
    void aRunningJobWithADifferentSpecIsNotAttachedAndEveryDifferenceIsNamed() {
        LabelingJobSpec spec = ServiceFixtures.textJob(local, sns, s3, ServiceFixtures.unique("differs")).build();
        jobs.ensure(spec);

        LabelingJobSpec changed = spec.toBuilder().taskTitle("Another title").numberOfHumanWorkersPerDataObject(3).build();

        assertThatThrownBy(() -> jobs.ensure(changed))
                .isInstanceOf(LabelingJobException.class)
                .hasMessageContaining("different spec")
                .hasMessageContaining("HumanTaskConfig.TaskTitle: expected Another title but the job has Sentiment")
                .hasMessageContaining("HumanTaskConfig.NumberOfHumanWorkersPerDataObject: expected 3 but the job has 1");
    }

    @Test
    void aStoppedJobsNameCannotBeUsedAgainAndTheErrorSuggestsANewOne() {
        String name = ServiceFixtures.unique("ended");
        LabelingJobSpec spec = ServiceFixtures.textJob(local, sns, s3, name).build();
        jobs.ensure(spec);
        jobs.stop(name);
        jobs.awaitStatus(name, EnumSet.of(LabelingJobStatus.STOPPED), WAIT);

        assertThatThrownBy(() -> jobs.ensure(spec))
                .isInstanceOf(LabelingJobException.class)
                .hasMessageContaining("is Stopped")
                .hasMessageContaining("can never be reused")
                .hasMessageContaining("'" + name.replaceAll("-(\\d+)$", "") + "-");
    }

    @Test
    void anInvalidSpecFailsBeforeAnyAwsCall() {
        LabelingJobSpec invalid = ServiceFixtures.textJob(local, sns, s3, "bad_name").numberOfHumanWorkersPerDataObject(0)
                .build();
        // A client whose endpoint nothing listens on: any call would fail with a connection error instead.
        try (SageMakerClient unreachable = LocalAwsClients.configure(SageMakerClient.builder(),
                URI.create("http://127.0.0.1:9"), local.region()).build()) {
            assertThatThrownBy(() -> new LabelingJobs(unreachable, Duration.ofMillis(50)).ensure(invalid))
                    .isInstanceOfSatisfying(LabelingValidationException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field())
                            .contains("LabelingJobName", "HumanTaskConfig.NumberOfHumanWorkersPerDataObject"));
        }
    }

    @Test
    void awaitingInProgressReturnsOnceTheJobRuns() {
        String name = ServiceFixtures.unique("await");
        jobs.ensure(ServiceFixtures.textJob(local, sns, s3, name).build());

        assertThat(jobs.awaitStatus(name, EnumSet.of(LabelingJobStatus.IN_PROGRESS), WAIT).labelingJobStatus())
                .isEqualTo(LabelingJobStatus.IN_PROGRESS);
    }

    @Test
    void awaitingAJobThatFailsReportsTheFailureReason() {
        String name = ServiceFixtures.unique("fails");
        jobs.ensure(ServiceFixtures.textJob(local, sns, s3, name)
                .inputSnsTopicArn("arn:aws:sns:" + local.region() + ":" + local.accountId() + ":no-such-topic").build());

        assertThatThrownBy(() -> jobs.awaitStatus(name, EnumSet.of(LabelingJobStatus.IN_PROGRESS), WAIT))
                .isInstanceOf(LabelingJobException.class)
                .hasMessageContaining("is Failed");
    }

    @Test
    void findAnswersEmptyForAnUnknownJob() {
        assertThat(jobs.find("never-created")).isEmpty();
    }

    @Test
    void listReadsEveryPage() {
        String prefix = ServiceFixtures.unique("paged");
        for (int i = 0; i < 12; i++) {
            jobs.ensure(ServiceFixtures.textJob(local, sns, s3, prefix + "x" + i).build());
        }

        assertThat(jobs.list(ListLabelingJobsRequest.builder().nameContains(prefix).maxResults(5).build())).hasSize(12);
    }
}
