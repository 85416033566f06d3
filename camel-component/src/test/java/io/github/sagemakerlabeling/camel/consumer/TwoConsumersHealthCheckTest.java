package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.health.LabelingJobHealthCheck;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

/**
 * Several consumer routes on the same job in one context, output and job events: each route's consumer registers a
 * health check of its own, and stopping one route removes only its check.
 *
 * <p>Camel's health API shows them all only at the exposure level {@code full}: at its default level it returns the
 * DOWN results, or the first result alone when all are UP, which looks as if only one consumer had a check.
 */
class TwoConsumersHealthCheckTest extends ConsumerTestSupport {

    private static final List<String> ROUTES = List.of("first", "second", "events");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10&healthCheckInterval=0")
                        .routeId("first").to("mock:first");
                // A second queue of the same job (one endpoint takes one consumer).
                from("sagemaker-labeling:reviews?outputQueueName=reviews-second&waitTimeSeconds=1&delay=10"
                        + "&healthCheckInterval=0").routeId("second").to("mock:second");
                from("sagemaker-labeling:reviews?jobEvents=true&delay=50&healthCheckInterval=0")
                        .routeId("events").to("mock:events");
            }
        };
    }

    @Test
    void eachConsumerRouteOfTheJobHasItsOwnHealthCheck() throws Exception {
        fixture.runningJob();

        List<HealthCheck.Result> results = await().atMost(Duration.ofSeconds(10)).until(this::checksOfTheJob,
                found -> found.size() == ROUTES.size());
        assertThat(results).extracting(result -> result.getCheck().getId()).containsExactlyInAnyOrder(
                "consumer:sagemaker-labeling-first", "consumer:sagemaker-labeling-second",
                "consumer:sagemaker-labeling-events");
        assertThat(results).allSatisfy(result -> assertThat(result.getState()).isEqualTo(HealthCheck.State.UP));

        context.getRouteController().stopRoute("second");

        assertThat(checksOfTheJob()).extracting(result -> result.getCheck().getId())
                .containsExactlyInAnyOrder("consumer:sagemaker-labeling-first", "consumer:sagemaker-labeling-events");
    }

    /** The results of the checks that watch the job, whatever their ids, at the exposure level that shows all. */
    private List<HealthCheck.Result> checksOfTheJob() {
        return HealthCheckHelper.invoke(context, "full").stream()
                .filter(result -> result.getCheck() instanceof LabelingJobHealthCheck).toList();
    }
}
