package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

/** A consumer stopped in the middle of a receive's messages hands the ones it did not route back at once. */
class ConsumerStopTest extends ConsumerTestSupport {

    private final CountDownLatch firstExchangeArrived = new CountDownLatch(1);
    private final CountDownLatch firstExchangeGoesOn = new CountDownLatch(1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10").routeId("slow").autoStartup(false)
                        .process(exchange -> {
                            firstExchangeArrived.countDown();
                            firstExchangeGoesOn.await(20, TimeUnit.SECONDS);
                        })
                        .to("mock:labeled");
            }
        };
    }

    @Test
    void stoppingMidStreamMakesTheUnroutedMessagesVisibleAgainAtOnce() throws Exception {
        fixture.runningJob();
        // Starting the route provisions the queue; stopped again, it lets the output pile up for one receive.
        context.getRouteController().startRoute("slow");
        context.getRouteController().stopRoute("slow");
        String queue = fixture.queueUrl("reviews-output");
        List<String> texts = reviews("stop", 10);
        fixture.feed(texts);
        await().atMost(Duration.ofSeconds(15)).until(() -> fixture.visible(queue) == texts.size());
        MockEndpoint labeled = getMockEndpoint("mock:labeled");

        context.getRouteController().startRoute("slow");
        assertThat(firstExchangeArrived.await(15, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                context.getRouteController().stopRoute("slow");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ServiceSupport consumer = (ServiceSupport) context.getRoute("slow").getConsumer();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> consumer.isSuspendingOrSuspended() || !consumer.isRunAllowed());
        firstExchangeGoesOn.countDown();
        stopping.get(20, TimeUnit.SECONDS);

        // The queue's visibility timeout is 30 s: seeing the rest within 5 s means they were handed back.
        assertThat(labeled.getReceivedCounter()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.visible(queue) == texts.size() - 1);
        assertThat(fixture.visibleAndInFlight(queue)).isEqualTo(texts.size() - 1);
    }
}
