package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.health.LabelingJobHealthCheck;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/** Within {@code healthCheckInterval} the health check repeats its last result and calls no AWS service. */
class HealthCheckIntervalTest extends ConsumerTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10&healthCheckInterval=1h")
                        .routeId("labeled").to("mock:labeled");
            }
        };
    }

    @Test
    void aJobThatStoppedWithinTheIntervalIsStillReportedAsLastSeen() {
        fixture.runningJob();
        HealthCheck.Result running = healthOf("labeled");
        assertThat(running.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(running.getDetails()).containsEntry(LabelingJobHealthCheck.JOB_STATUS, "InProgress");

        fixture.jobs().stop(LabelingJobFixture.JOB);
        fixture.awaitStatus(LabelingJobStatus.STOPPED);

        HealthCheck.Result again = healthOf("labeled");
        assertThat(again.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(again.getDetails()).containsEntry(LabelingJobHealthCheck.JOB_STATUS, "InProgress");
    }
}
