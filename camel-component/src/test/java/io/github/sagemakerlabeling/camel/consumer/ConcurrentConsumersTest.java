package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** Several threads long-polling one output queue, and routes that complete their exchanges asynchronously. */
class ConcurrentConsumersTest extends ConsumerTestSupport {

    /** Trips only when three poll threads route at the same time. */
    private final CyclicBarrier threeAtOnce = new CyclicBarrier(3);
    private final Set<String> routingThreads = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?concurrentConsumers=3&maxMessagesPerPoll=2&waitTimeSeconds=1&delay=10")
                        .routeId("concurrent").autoStartup(false)
                        .process(exchange -> {
                            if (routingThreads.add(Thread.currentThread().getName())) {
                                threeAtOnce.await(20, TimeUnit.SECONDS);
                            }
                        })
                        .to("mock:labeled");

                from("sagemaker-labeling:reviews?concurrentConsumers=2&waitTimeSeconds=1&delay=10")
                        .routeId("async").autoStartup(false)
                        .threads(4)
                        .process(exchange -> {
                            routingThreads.add(Thread.currentThread().getName());
                            String text = source(exchange);
                            int attempt = attempts.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
                            if (text.endsWith("delicious") && attempt == 1) {
                                throw new IllegalStateException("the onward system is down");
                            }
                        })
                        .to("mock:labeled");
            }
        };
    }

    @Test
    void threeThreadsPollAtOnceAndEveryObjectIsRoutedOnce() throws Exception {
        fixture.runningJob();
        context.getRouteController().startRoute("concurrent");
        List<String> texts = reviews("concurrent", 60);
        MockEndpoint labeled = getMockEndpoint("mock:labeled");
        labeled.expectedMessageCount(texts.size());

        fixture.feed(texts);

        labeled.assertIsSatisfied(Duration.ofSeconds(40).toMillis());
        assertThat(threeAtOnce.isBroken()).as("three poll threads routed at the same time").isFalse();
        assertThat(routingThreads).hasSize(3);
        assertThat(sources(labeled)).containsExactlyInAnyOrderElementsOf(texts);
        assertEachRoutedOnce(labeled, texts);
    }

    @Test
    void asynchronouslyCompletedExchangesAreDeletedOnlyOnceTheySucceeded() throws Exception {
        fixture.runningJob();
        List<String> texts = reviews("async", 30);
        MockEndpoint labeled = routeAll("async", texts);

        assertThat(routingThreads).as("routed on the threads() pool, not the poll threads")
                .allSatisfy(name -> assertThat(name).contains("Threads"));
        // The exchanges that failed (asynchronously) were not deleted: their messages came back and were routed.
        assertThat(attempts).hasSize(texts.size()).allSatisfy((text, count) ->
                assertThat(count).hasValue(text.endsWith("delicious") ? 2 : 1));
        assertEachRoutedOnce(labeled, texts);
    }
}
