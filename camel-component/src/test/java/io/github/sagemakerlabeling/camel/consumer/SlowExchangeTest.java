package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * Each exchange settles on its own: an exchange running twice the visibility timeout is not delivered again (its
 * visibility is extended while it runs), and the fast exchanges beside it are deleted long before it ends.
 */
class SlowExchangeTest extends ConsumerTestSupport {

    private static final int VISIBILITY_TIMEOUT = 2;
    private static final String SLOW = "slow review was delicious";

    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch slowGoesOn = new CountDownLatch(1);
    private final AtomicInteger slowAttempts = new AtomicInteger();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10&extendMessageVisibility=true"
                        + "&visibilityTimeout=" + VISIBILITY_TIMEOUT).routeId("mixed").autoStartup(false)
                        .threads(4)
                        .process(exchange -> {
                            if (SLOW.equals(source(exchange))) {
                                slowAttempts.incrementAndGet();
                                slowStarted.countDown();
                                slowGoesOn.await(60, TimeUnit.SECONDS);
                            }
                        })
                        .to("mock:labeled");
            }
        };
    }

    @Test
    void aSlowExchangeIsNotDeliveredTwiceAndHoldsUpNoOther() throws Exception {
        fixture.runningJob();
        context.getRouteController().startRoute("mixed");
        String queue = fixture.queueUrl("reviews-output");
        List<String> fast = reviews("fast", 5);
        List<String> texts = new ArrayList<>(fast);
        texts.add(SLOW);
        MockEndpoint labeled = getMockEndpoint("mock:labeled");

        fixture.feed(texts);

        assertThat(slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
        awaitEachRouted(labeled, fast);
        // Deleted while the slow exchange still runs: only its message is left, in flight.
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.visibleAndInFlight(queue) == 1);
        // Twice the visibility timeout and more: without the extension SQS hands the slow message out again.
        await().during(Duration.ofSeconds(2L * VISIBILITY_TIMEOUT + 1)).atMost(Duration.ofSeconds(2L * VISIBILITY_TIMEOUT + 3))
                .until(() -> slowAttempts.get() == 1 && fixture.visible(queue) == 0);
        slowGoesOn.countDown();

        awaitEachRouted(labeled, texts);
        awaitDrained(queue);
        assertNoMoreThan(labeled, texts.size());
        assertThat(slowAttempts).hasValue(1);
    }
}
