package io.github.sagemakerlabeling.local.engine;

import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.PATIENCE;
import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.counters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.JobResources;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;

/**
 * A job's life on the simulation clock (§1.3–§1.5): objects sent while it starts wait in its queue,
 * MaxConcurrentTaskCount holds the rest back, tasks and waiting objects expire, an idle job stops itself, and a stop
 * keeps what was labeled before it. Each test sets the engine's timings for the jobs it creates and moves the clock
 * forward.
 */
class JobTimingTest {

    private static final OutputLineParser PARSER = new OutputLineParser();
    private static final Duration WORK = Duration.ofHours(1);
    private static GroundTruthTestKit kit;

    @BeforeAll
    static void startStack() {
        kit = GroundTruthTestKit.start();
    }

    @AfterAll
    static void stopStack() {
        kit.close();
    }

    @Test
    void objectsSentWhileTheJobIsInitializingWaitInItsQueueAndAreLabeledOnceItRuns() {
        Duration startup = Duration.ofMinutes(10);
        kit.local.engineSettings(EngineSettings.defaults().withInitializingDelay(startup));
        JobResources job = kit.resources("Timing-Early", "positive", "negative");
        kit.sageMaker.createLabelingJob(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment").build()
                .toCreateRequest());

        kit.publish(job.inputTopic(), "{\"source\":\"Sent too early\"}");
        kit.publish(job.inputTopic(), "{\"source\":\"Also too early\"}");
        String jobQueue = kit.jobQueueUrl(job.name());
        await().atMost(PATIENCE).until(() -> kit.queueDepth(jobQueue) == 2);
        assertThat(kit.status(job.name())).isEqualTo(LabelingJobStatus.INITIALIZING);
        assertThat(kit.describe(job.name()).labelCounters()).isEqualTo(counters(0, 0, 0));

        kit.local.clock().advance(startup);
        kit.awaitStatus(job.name(), LabelingJobStatus.IN_PROGRESS);
        assertThat(kit.receive(job.outputQueue(), 2)).hasSize(2);
        kit.awaitCounters(job.name(), counters(2, 0, 0));
    }

    @Test
    void maxConcurrentTaskCountKeepsTheRestWaitingSoObjectsCompleteOneAtATime() {
        kit.local.engineSettings(GroundTruthTestKit.fastSettings().withWorkTime(WORK));
        JobResources job = kit.resources("Timing-Gated", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .maxConcurrentTaskCount(1).build());

        for (String text : List.of("first", "second", "third")) {
            kit.publish(job.inputTopic(), "{\"source\":\"" + text + "\"}");
        }
        kit.awaitCounters(job.name(), counters(0, 0, 3));

        for (int done = 1; done <= 3; done++) {
            kit.local.clock().advance(WORK);
            kit.awaitCounters(job.name(), counters(done, 0, 3 - done));
            assertThat(kit.receive(job.outputQueue(), 1)).hasSize(1);
        }
        assertThat(kit.status(job.name())).isEqualTo(LabelingJobStatus.IN_PROGRESS);
    }

    @Test
    void aTaskNobodyFinishesWithinItsAvailabilityLifetimeFailsTheObject() {
        kit.local.engineSettings(GroundTruthTestKit.fastSettings().withWorkTime(Duration.ofMinutes(2)));
        JobResources job = kit.resources("Timing-Lifetime", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .taskAvailabilityLifetimeInSeconds(60).build());

        kit.publish(job.inputTopic(), "{\"source\":\"Nobody gets to it\"}");
        kit.awaitCounters(job.name(), counters(0, 0, 1));
        kit.local.clock().advance(Duration.ofSeconds(61));

        kit.awaitCounters(job.name(), counters(0, 1, 0));
        kit.local.clock().advance(Duration.ofMinutes(2));
        kit.publish(job.inputTopic(), "{\"source\":\"Marker\"}");
        kit.awaitCounters(job.name(), counters(0, 1, 1));
        assertThat(kit.queueDepth(job.outputQueue())).as("a failed object is not published").isZero();
    }

    @Test
    void anObjectSomeWorkersLeaveIsLabeledFromTheOthersWhenTheirTasksExpireAndOneNobodyTakesFails() {
        kit.local.engineSettings(GroundTruthTestKit.fastSettings());
        kit.local.workers(task -> task.subject().startsWith("Nobody") || task.workerIndex() == 2
                ? Optional.empty() : Optional.of(new WorkerAnswer.ClassChoice("negative")));
        JobResources job = kit.resources("Timing-Partial", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .numberOfHumanWorkersPerDataObject(3).taskAvailabilityLifetimeInSeconds(600).build());

        kit.publish(job.inputTopic(), "{\"source\":\"Two of three workers answer\"}");
        kit.publish(job.inputTopic(), "{\"source\":\"Nobody answers\"}");
        kit.awaitCounters(job.name(), counters(0, 0, 2));
        kit.local.clock().advance(Duration.ofSeconds(590));
        kit.publish(job.inputTopic(), "{\"source\":\"Nobody answers this one either\"}");
        kit.awaitCounters(job.name(), counters(0, 0, 3));

        kit.local.clock().advance(Duration.ofSeconds(11));
        kit.awaitCounters(job.name(), counters(1, 1, 1));
        LabelingResult result = PARSER.parse(kit.receive(job.outputQueue(), 1).get(0));
        assertThat(result.source()).contains("Two of three workers answer");
        assertThat(result.annotation(ClassLabel.class).className()).isEqualTo("negative");
    }

    @Test
    void anObjectNotSentToAWorkerWithinFourteenDaysExpiresAndAnIdleJobStopsAfterTenDays() {
        Duration longWork = Duration.ofDays(15);
        kit.local.engineSettings(GroundTruthTestKit.fastSettings().withWorkTime(longWork));
        JobResources job = kit.resources("Timing-Backlog", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .maxConcurrentTaskCount(1).taskAvailabilityLifetimeInSeconds(30 * 24 * 3600).build());
        kit.publish(job.inputTopic(), "{\"source\":\"With the worker\"}");
        kit.publish(job.inputTopic(), "{\"source\":\"Waiting behind it\"}");
        kit.awaitCounters(job.name(), counters(0, 0, 2));

        kit.local.clock().advance(Duration.ofDays(14));
        kit.awaitCounters(job.name(), counters(0, 1, 1));
        assertThat(kit.status(job.name())).as("not idle while a worker has an object").isEqualTo(
                LabelingJobStatus.IN_PROGRESS);
        kit.local.clock().advance(Duration.ofDays(1));
        kit.awaitCounters(job.name(), counters(1, 1, 0));
        assertThat(PARSER.parse(kit.receive(job.outputQueue(), 1).get(0)).source()).contains("With the worker");

        kit.local.clock().advance(Duration.ofDays(10));
        kit.awaitStatus(job.name(), LabelingJobStatus.STOPPED);
    }

    @Test
    void anIdleJobStopsAfterTheConfiguredTimeUnsubscribesItsQueueKeepsItAndItsNameStaysTaken() {
        Duration idle = Duration.ofHours(2);
        kit.local.engineSettings(GroundTruthTestKit.fastSettings().withIdleStopAfter(idle));
        JobResources job = kit.resources("Timing-Idle", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment").build());
        assertThat(kit.sns.listSubscriptionsByTopic(b -> b.topicArn(job.inputTopic())).subscriptions())
                .singleElement().satisfies(s -> assertThat(s.endpoint()).endsWith(":GroundTruth-" + job.name()
                        .toLowerCase(Locale.ROOT)));
        kit.publish(job.inputTopic(), "{\"source\":\"first\"}");
        kit.awaitCounters(job.name(), counters(1, 0, 0));

        kit.local.clock().advance(idle.minusMinutes(1));
        kit.publish(job.inputTopic(), "{\"source\":\"second, which restarts the idle timer\"}");
        kit.awaitCounters(job.name(), counters(2, 0, 0));
        kit.local.clock().advance(idle.minusMinutes(1));
        await().during(Duration.ofMillis(1200)).atMost(PATIENCE)
                .until(() -> kit.status(job.name()) == LabelingJobStatus.IN_PROGRESS);

        kit.local.clock().advance(Duration.ofMinutes(2));
        kit.awaitStatus(job.name(), LabelingJobStatus.STOPPED);

        assertThat(kit.sns.listSubscriptionsByTopic(b -> b.topicArn(job.inputTopic())).subscriptions()).isEmpty();
        assertThat(kit.jobQueueUrl(job.name())).isNotBlank();
        DescribeLabelingJobResponse stopped = kit.describe(job.name());
        assertThat(stopped.labelCounters()).isEqualTo(counters(2, 0, 0));
        assertThat(stopped.labelingJobOutput().outputDatasetS3Uri())
                .isEqualTo("s3://" + job.bucket() + "/output/" + job.name() + "/manifests/output/output.manifest");
        assertThat(kit.read(job.bucket(), "output/" + job.name() + "/manifests/output/output.manifest").lines())
                .hasSize(2);
        assertThat(kit.receive(job.outputQueue(), 2)).hasSize(2);
        assertThatThrownBy(() -> kit.sageMaker.createLabelingJob(kit.spec(job, TaskType.TEXT_CLASSIFICATION,
                "sentiment").build().toCreateRequest())).isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void aStopKeepsWhatWorkersFinishedBeforeItAndLeavesTheUnlabeledObjectsInTheJobQueue() {
        kit.local.engineSettings(GroundTruthTestKit.fastSettings().withWorkTime(WORK));
        JobResources job = kit.resources("Timing-Stop", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .maxConcurrentTaskCount(1).build());
        for (String text : List.of("done before the stop", "with a worker at the stop", "never started")) {
            kit.publish(job.inputTopic(), "{\"source\":\"" + text + "\"}");
        }
        kit.awaitCounters(job.name(), counters(0, 0, 3));

        kit.local.clock().advance(WORK);
        kit.sageMaker.stopLabelingJob(b -> b.labelingJobName(job.name()));
        kit.awaitStatus(job.name(), LabelingJobStatus.STOPPED);

        DescribeLabelingJobResponse stopped = kit.describe(job.name());
        assertThat(stopped.labelCounters()).isEqualTo(counters(1, 0, 2));
        assertThat(kit.read(job.bucket(), "output/" + job.name() + "/manifests/output/output.manifest").lines())
                .singleElement().satisfies(line -> assertThat(PARSER.parse(line).source())
                        .contains("done before the stop"));
        assertThat(PARSER.parse(kit.receive(job.outputQueue(), 1).get(0)).source()).contains("done before the stop");
        assertThat(kit.receive(kit.jobQueueUrl(job.name()), 2)).allSatisfy(body ->
                assertThat(body).satisfiesAnyOf(b -> assertThat(b).contains("with a worker at the stop"),
                        b -> assertThat(b).contains("never started")));
    }
}
