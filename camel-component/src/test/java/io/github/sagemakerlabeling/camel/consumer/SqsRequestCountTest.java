package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * Settling each exchange on its own still batches: a backlog of output costs at most 250 SQS requests per 1,000
 * objects (receives of ten, deletes of ten), counted by an SDK interceptor on the consumer's client.
 */
class SqsRequestCountTest extends CountingSqsTestSupport {

    private static final int OBJECTS = 200;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?waitTimeSeconds=1&greedy=true&delay=10").routeId("backlog")
                        .autoStartup(false).to("mock:labeled");
            }
        };
    }

    @Test
    void aBacklogCostsAtMost250RequestsPerThousandObjects() throws Exception {
        fixture.runningJob();
        // Starting the route provisions the queue; stopped again, it lets the output pile up.
        context.getRouteController().startRoute("backlog");
        context.getRouteController().stopRoute("backlog");
        String queue = fixture.queueUrl("reviews-output");
        List<String> texts = reviews("counted", OBJECTS);
        fixture.feed(texts);
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.visible(queue) == OBJECTS);
        MockEndpoint labeled = getMockEndpoint("mock:labeled");
        String[] messaging = {"ReceiveMessage", "DeleteMessageBatch", "DeleteMessage", "ChangeMessageVisibility",
                "ChangeMessageVisibilityBatch"};
        int before = calls.calls(messaging);

        context.getRouteController().startRoute("backlog");
        awaitEachRouted(labeled, texts);
        awaitDrained(queue);
        context.getRouteController().stopRoute("backlog");

        int requests = calls.calls(messaging) - before;
        assertThat(requests).as("SQS requests for %d objects", OBJECTS).isLessThanOrEqualTo(OBJECTS / 4);
        assertThat(calls.calls("DeleteMessage")).as("single deletes").isZero();
        assertNoMoreThan(labeled, OBJECTS);
    }
}
