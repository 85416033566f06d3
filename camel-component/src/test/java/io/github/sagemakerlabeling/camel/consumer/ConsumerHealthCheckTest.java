package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.health.LabelingJobHealthCheck;
import java.time.Duration;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/** The consumer's health check, as Camel's health API reports it. */
class ConsumerHealthCheckTest extends ConsumerTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10&healthCheckInterval=0")
                        .routeId("labeled").to("mock:labeled");
            }
        };
    }

    @Test
    void followsTheJobFromMissingThroughInitializingAndRunningToStopped() {
        fixture.local.engineSettings(fixture.local.engineSettings().withInitializingDelay(Duration.ofSeconds(3)));
        HealthCheck.Result missing = check();
        assertThat(missing.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(missing.getDetails()).containsEntry(LabelingJobHealthCheck.JOB_STATUS, "NotFound");

        fixture.createJob();
        HealthCheck.Result initializing = check();
        assertThat(initializing.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(initializing.getDetails()).containsEntry(LabelingJobHealthCheck.JOB_STATUS, "Initializing")
                .containsEntry(LabelingJobHealthCheck.INITIALIZING, true);

        fixture.awaitStatus(LabelingJobStatus.IN_PROGRESS);
        HealthCheck.Result running = await().atMost(Duration.ofSeconds(10)).until(this::check,
                result -> result.getDetails().containsKey(LabelingJobHealthCheck.OUTPUT_QUEUE_REACHABLE));
        assertThat(running.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(running.getDetails()).containsEntry(LabelingJobHealthCheck.JOB_STATUS, "InProgress")
                .containsEntry(LabelingJobHealthCheck.INPUT_TOPIC_REACHABLE, true)
                .containsEntry(LabelingJobHealthCheck.OUTPUT_TOPIC_REACHABLE, true)
                .containsEntry(LabelingJobHealthCheck.OUTPUT_QUEUE_REACHABLE, true)
                .doesNotContainKey(LabelingJobHealthCheck.INITIALIZING);

        fixture.jobs().stop(LabelingJobFixture.JOB);
        fixture.awaitStatus(LabelingJobStatus.STOPPED);
        HealthCheck.Result stopped = check();
        assertThat(stopped.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(stopped.getDetails()).containsEntry(LabelingJobHealthCheck.JOB_STATUS, "Stopped");
        assertThat(stopped.getMessage()).hasValueSatisfying(message -> assertThat(message).contains("Stopped"));
    }

    @Test
    void isDownWhenTheOutputTopicOrQueueCannotBeReached() {
        fixture.runningJob();
        String queue = await().atMost(Duration.ofSeconds(10)).until(this::check,
                result -> result.getDetails().containsKey(LabelingJobHealthCheck.OUTPUT_QUEUE_REACHABLE))
                .getDetails().get(LabelingJobHealthCheck.JOB_NAME).toString();
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);

        fixture.sqs.deleteQueue(b -> b.queueUrl(fixture.queueUrl("reviews-output")));
        HealthCheck.Result noQueue = check();
        assertThat(noQueue.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(noQueue.getDetails()).containsEntry(LabelingJobHealthCheck.OUTPUT_QUEUE_REACHABLE, false)
                .containsEntry(LabelingJobHealthCheck.JOB_STATUS, "InProgress");

        fixture.sns.deleteTopic(b -> b.topicArn(fixture.jobs().describe(queue).outputConfig().snsTopicArn()));
        assertThat(check().getDetails()).containsEntry(LabelingJobHealthCheck.OUTPUT_TOPIC_REACHABLE, false);
    }

    private HealthCheck.Result check() {
        return healthOf("labeled");
    }
}
