package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * A context with four consumer routes, each in the middle of a 20-second long poll, stops well inside the 30 seconds
 * Kubernetes grants a pod: stopping does not wait for the long polls (before, each route waited for its poll in turn).
 * A message the abandoned poll still gets goes back to the queue at once.
 */
class FastShutdownTest extends CountingSqsTestSupport {

    private static final int ROUTES = 4;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < ROUTES; i++) {
                    from("sagemaker-labeling:reviews?outputQueue=reviews-stop-" + i
                            + "&labelAttributeName=mood&waitTimeSeconds=20").routeId("consumer" + i)
                            .autoStartup(false).to("mock:labeled");
                }
            }
        };
    }

    @Test
    void fourRoutesInTheirLongPollsStopWithinSeconds() throws Exception {
        for (int i = 0; i < ROUTES; i++) {
            fixture.createQueue("reviews-stop-" + i, 30);
        }
        for (int i = 0; i < ROUTES; i++) {
            context.getRouteController().startRoute("consumer" + i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.queuesReceivedFrom() == ROUTES);

        long stopping = System.nanoTime();
        context.stop();
        Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);

        // Waiting for the polls would take 20 s for the first route alone, up to 4 x 25 s in all.
        assertThat(stopped).isLessThan(Duration.ofSeconds(10));
        // The polls still under way end on their own; a message they get now is handed back, not hidden for 30 s.
        String queue = fixture.queueUrl("reviews-stop-0");
        fixture.sqs.sendMessage(b -> b.queueUrl(queue).messageBody("arrives after the stop"));
        await().atMost(Duration.ofSeconds(25)).until(() -> fixture.visible(queue) == 1);
        assertThat(fixture.visibleAndInFlight(queue)).isEqualTo(1);
    }
}
