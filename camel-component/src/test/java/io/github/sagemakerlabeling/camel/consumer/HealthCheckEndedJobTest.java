package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.health.LabelingJobHealthCheck;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/** With {@code healthCheckEndedJobUp} a job that has ended is reported UP, with a message that says it ended. */
class HealthCheckEndedJobTest extends ConsumerTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10&healthCheckInterval=0"
                        + "&healthCheckEndedJobUp=true").routeId("labeled").to("mock:labeled");
            }
        };
    }

    @Test
    void aStoppedJobIsUpWithAMessage() {
        fixture.runningJob();
        fixture.jobs().stop(LabelingJobFixture.JOB);
        fixture.awaitStatus(LabelingJobStatus.STOPPED);

        HealthCheck.Result stopped = healthOf("labeled");
        assertThat(stopped.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(stopped.getDetails()).containsEntry(LabelingJobHealthCheck.JOB_STATUS, "Stopped");
        assertThat(stopped.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("is Stopped", "reported UP"));
    }
}
