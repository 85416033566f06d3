package io.github.sagemakerlabeling.camel.producer;

import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.DEDUP_ID;
import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.MESSAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.service.BatchPublishException;
import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batching option: concurrent single-object exchanges share PublishBatch calls, each with its own result. */
class BatchingProducerTest extends ProducerTestSupport {

    private final ExecutorService callers = Executors.newFixedThreadPool(50);
    private final CountDownLatch queued = new CountDownLatch(3);
    /** More exchanges than there are batch senders (4) must be in the slow step at once to open it. */
    private final CountDownLatch inSlowStep = new CountDownLatch(12);
    private final Queue<String> slowStepThreads = new ConcurrentLinkedQueue<>();
    private final Queue<Boolean> slowStepSawOthers = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getInflightRepository().setInflightBrowseEnabled(true); // tracks where exchanges are
                from("direct:send").to("sagemaker-labeling:reviews?batching=true&batchMaxWait=50");
                from("direct:sendLingering").routeId("lingering").process(exchange -> queued.countDown())
                        .to("sagemaker-labeling:reviews?batching=true&batchMaxWait=60000").id("lingeringSend");
                from("direct:sendOnce").to("sagemaker-labeling:reviews?batching=true&maxPublishAttempts=1");
                from("direct:sendFull").to("sagemaker-labeling:reviews?batching=true&batchMaxWait=60000");
                from("direct:sendSlow").to("sagemaker-labeling:reviews?batching=true&batchMaxWait=20")
                        .process(exchange -> {
                            slowStepThreads.add(Thread.currentThread().getName());
                            inSlowStep.countDown();
                            slowStepSawOthers.add(inSlowStep.await(30, TimeUnit.SECONDS));
                        });
                from("direct:flood").routeId("flood")
                        .to("sagemaker-labeling:reviews?batching=true&batchQueueSize=20");
                from("direct:in").routeId("in").to("sagemaker-labeling:reviews?batching=true");
            }
        };
    }

    @Test
    void concurrentExchangesShareFewPublishBatchCallsAndEachGetsItsOwnMessageId() {
        LabelingJobFixture job = startJob("reviews");
        List<String> reviews = IntStream.range(0, 200).mapToObj(i -> "concurrent review " + i).toList();

        List<Exchange> sent = sendConcurrently("direct:send", reviews);

        assertThat(sent).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(sent).extracting(exchange -> exchange.getMessage().getHeader(MESSAGE_ID, String.class))
                .doesNotContainNull().doesNotHaveDuplicates().hasSize(200);
        assertThat(componentSns().calls("Publish")).isZero();
        assertThat(job.awaitLabeledExactly(200)).extracting(result -> result.source().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(reviews);
    }

    @Test
    void tenExchangesWaitingTogetherGoOutInOnePublishBatchCall() {
        LabelingJobFixture job = startJob("reviews");
        List<String> reviews = IntStream.range(0, 10).mapToObj(i -> "full batch review " + i).toList();

        // batchMaxWait is a minute: the batch goes out as soon as it is full, not on a timer.
        List<Exchange> sent = sendConcurrently("direct:sendFull", reviews);

        assertThat(sent).extracting(exchange -> exchange.getMessage().getHeader(MESSAGE_ID, String.class))
                .doesNotContainNull().doesNotHaveDuplicates();
        assertThat(componentSns().calls("PublishBatch")).isEqualTo(1);
        assertThat(componentSns().calls("Publish")).isZero();
        assertThat(job.awaitLabeledExactly(10)).extracting(result -> result.source().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(reviews);
    }

    /**
     * Issue 11, item 6. If the exchanges continued on the four batch senders, at most four could be in the slow step
     * at a time and the step, which opens only when twelve are in it at once, would never open.
     */
    @Test
    void aSlowStepAfterTheEndpointRunsOnWorkerThreadsAndDoesNotHoldUpPublishing() {
        LabelingJobFixture job = startJob("reviews");
        List<String> reviews = IntStream.range(0, 24).mapToObj(i -> "slow downstream review " + i).toList();

        List<Exchange> sent = sendConcurrently("direct:sendSlow", reviews);

        assertThat(sent).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(slowStepSawOthers).hasSize(24).containsOnly(true);
        assertThat(slowStepThreads).noneMatch(thread -> thread.contains("SageMakerLabelingBatchSender"))
                .anyMatch(thread -> thread.contains("SageMakerLabelingBatchWorker"));
        assertThat(job.awaitLabeledExactly(24)).hasSize(24);
    }

    /**
     * Issue 11, item 7: a route stopped while callers flood it. Every exchange completes, published or failed with a
     * clear exception, and exactly the published ones are labeled.
     */
    @Test
    void stoppingARouteInTheMiddleOfAFloodCompletesEveryExchange() throws Exception {
        LabelingJobFixture job = startJob("reviews");
        AtomicInteger submitted = new AtomicInteger();
        Queue<Exchange> completed = new ConcurrentLinkedQueue<>();
        CountDownLatch someDone = new CountDownLatch(100);
        AtomicBoolean stopping = new AtomicBoolean();
        List<CompletableFuture<Void>> flooders = IntStream.range(0, 16).mapToObj(f -> CompletableFuture.runAsync(() -> {
            while (!stopping.get()) {
                String body = "flooding review " + submitted.incrementAndGet();
                completed.add(template.request("direct:flood?block=false", e -> e.getMessage().setBody(body)));
                someDone.countDown();
            }
        }, callers)).toList();
        assertThat(someDone.await(60, TimeUnit.SECONDS)).isTrue();

        // A direct: route keeps taking exchanges while it stops gracefully: the flooders end with the exchange they
        // are sending, the batch queue (20) and the senders still full, which the stopping producer must settle.
        stopping.set(true);
        context.getShutdownStrategy().setTimeout(30);
        context.getRouteController().stopRoute("flood");

        CompletableFuture.allOf(flooders.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<Exchange> published = completed.stream().filter(e -> e.getException() == null).toList();
        List<Exchange> failed = completed.stream().filter(e -> e.getException() != null).toList();
        assertThat(context.getShutdownStrategy().hasTimeoutOccurred()).isFalse();
        assertThat(published.size() + failed.size()).isEqualTo(submitted.get());
        assertThat(published).isNotEmpty().allSatisfy(exchange ->
                assertThat(exchange.getMessage().getHeader(MESSAGE_ID, String.class)).isNotBlank());
        assertThat(failed).allSatisfy(exchange -> assertThat(exchange.getException())
                .isInstanceOfAny(DirectConsumerNotAvailableException.class, RejectedExecutionException.class));
        assertThat(job.awaitLabeledExactly(published.size())).extracting(result -> result.source().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(published.stream()
                        .map(exchange -> exchange.getMessage().getBody(String.class)).toList());
    }

    /**
     * The bug: a route fed from {@code direct:} (the direct consumer keeps taking exchanges while its route stops)
     * stopped while feeders keep sending. The producer hears of the stop and refuses new objects, so the exchanges in
     * flight drain and the stop never reaches Camel's shutdown timeout, after which Camel would reject exchanges
     * already published.
     */
    @Test
    void stoppingADirectFedRouteMidFloodSettlesEveryExchangeWithinTheShutdownTimeout() throws Exception {
        Flood flood = startFlood();

        context.getShutdownStrategy().setTimeout(30);
        context.getRouteController().stopRoute("in");

        flood.assertSettled();
    }

    /** The same with the whole context stopping, the usual end of an application. */
    @Test
    void stoppingTheContextMidFloodSettlesEveryExchangeWithinTheShutdownTimeout() throws Exception {
        Flood flood = startFlood();

        context.getShutdownStrategy().setTimeout(30);
        context.stop();

        flood.assertSettled();
    }

    private Flood startFlood() throws InterruptedException {
        Flood flood = new Flood(startJob("reviews"));
        for (int f = 0; f < 8; f++) {
            flood.feeders.add(CompletableFuture.runAsync(flood::feed, callers));
        }
        assertThat(flood.someDone.await(60, TimeUnit.SECONDS)).isTrue();
        return flood;
    }

    /**
     * Feeders sending to {@code direct:in} one exchange at a time, as an application would, until one of theirs
     * fails (after the route stopped, a feeder waits a second for a consumer, then fails).
     */
    private final class Flood {
        final LabelingJobFixture job;
        final AtomicInteger submitted = new AtomicInteger();
        final Queue<Exchange> completed = new ConcurrentLinkedQueue<>();
        final Queue<Exception> refused = new ConcurrentLinkedQueue<>();
        final CountDownLatch someDone = new CountDownLatch(200);
        final List<CompletableFuture<Void>> feeders = new ArrayList<>();

        Flood(LabelingJobFixture job) {
            this.job = job;
        }

        void feed() {
            while (true) {
                String body = "fed review " + submitted.incrementAndGet();
                Exchange exchange;
                try {
                    exchange = template.send("direct:in?timeout=1000", e -> e.getMessage().setBody(body));
                } catch (RuntimeException e) { // the stopped context's template takes nothing more
                    refused.add(e);
                    return;
                }
                completed.add(exchange);
                someDone.countDown();
                if (exchange.getException() != null) {
                    return;
                }
            }
        }

        /** Stop within the timeout, every exchange published or failed clearly, exactly the published ones labeled. */
        void assertSettled() throws Exception {
            assertThat(context.getShutdownStrategy().hasTimeoutOccurred()).as("shutdown timed out").isFalse();
            CompletableFuture.allOf(feeders.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            List<Exchange> published = completed.stream().filter(e -> e.getException() == null).toList();
            List<Exchange> failed = completed.stream().filter(e -> e.getException() != null).toList();
            assertThat(published.size() + failed.size() + refused.size()).isEqualTo(submitted.get());
            assertThat(published).isNotEmpty().allSatisfy(exchange ->
                    assertThat(exchange.getMessage().getHeader(MESSAGE_ID, String.class)).isNotBlank());
            assertThat(failed).isNotEmpty().allSatisfy(exchange -> assertThat(exchange.getException())
                    .isInstanceOfAny(DirectConsumerNotAvailableException.class, RejectedExecutionException.class)
                    .satisfies(failure -> assertThat(failure.getMessage())
                            .containsAnyOf("stopping", "stopped", "No consumers available")));
            assertThat(job.awaitLabeledExactly(published.size())).as("labeled: the published exchanges, no failed one")
                    .extracting(result -> result.source().orElseThrow())
                    .containsExactlyInAnyOrderElementsOf(published.stream()
                            .map(exchange -> exchange.getMessage().getBody(String.class)).toList());
        }
    }

    @Test
    void eachExchangeGetsItsOwnFailureAndTheOthersAreLabeled() {
        LabelingJobFixture job = startJob("reviews");
        LOCAL.groundTruth().faults().inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.throttling(0.5));
        List<String> reviews = IntStream.range(0, 30).mapToObj(i -> "unlucky review " + i).toList();

        List<Exchange> sent = sendConcurrently("direct:sendOnce", reviews);

        List<Exchange> failed = sent.stream().filter(exchange -> exchange.getException() != null).toList();
        List<Exchange> published = sent.stream().filter(exchange -> exchange.getException() == null).toList();
        assertThat(failed).isNotEmpty();
        assertThat(published).isNotEmpty();
        assertThat(failed).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isInstanceOf(BatchPublishException.class);
            BatchPublishException failure = (BatchPublishException) exchange.getException();
            assertThat(failure.failures()).singleElement().satisfies(f -> {
                assertThat(f.index()).isZero();
                assertThat(f.code()).isEqualTo("Throttled");
                assertThat(f.dedupId()).isEqualTo(exchange.getMessage().getHeader("expectedDedupId"));
            });
            assertThat(exchange.getMessage().getHeader(MESSAGE_ID)).isNull();
        });
        assertThat(published).allSatisfy(exchange ->
                assertThat(exchange.getMessage().getHeader(DEDUP_ID)).isEqualTo(exchange.getMessage().getHeader(
                        "expectedDedupId")));
        assertThat(job.awaitLabeledExactly(published.size())).extracting(LabelingResult::source)
                .extracting(s -> s.orElseThrow()).containsExactlyInAnyOrderElementsOf(
                        published.stream().map(exchange -> exchange.getMessage().getBody(String.class)).toList());
    }

    @Test
    void stoppingCamelSendsWhatWaitsForABatchAtOnceAndCompletesEveryExchange() throws Exception {
        LabelingJobFixture job = startJob("reviews");
        List<CompletableFuture<Exchange>> waiting = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> template.request("direct:sendLingering", e -> e.getMessage().setBody("waiting review " + i)),
                callers)).toList();
        assertThat(queued.await(10, TimeUnit.SECONDS)).isTrue();

        context.getShutdownStrategy().setTimeout(30);
        context.stop();

        assertThat(context.getShutdownStrategy().hasTimeoutOccurred())
                .as("stop waited for the exchanges' batch (batchMaxWait is 60 s) until the shutdown timed out").isFalse();
        assertThat(waiting).as("completed by the time stop returned").allMatch(CompletableFuture::isDone);
        List<Exchange> sent = waiting.stream().map(CompletableFuture::join).toList();
        assertThat(sent).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(MESSAGE_ID, String.class)).isNotBlank();
        });
        assertThat(job.awaitLabeledExactly(3)).hasSize(3);
    }

    /**
     * Stopping only the route, not the context: the producer hears of it through Camel's shutdown strategy
     * ({@code ShutdownPrepared}), so the exchanges waiting for a batch (batchMaxWait a minute) complete at once.
     */
    @Test
    void stoppingTheRouteSendsWhatWaitsForABatchAtOnce() throws Exception {
        LabelingJobFixture job = startJob("reviews");
        List<CompletableFuture<Exchange>> waiting = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> template.request("direct:sendLingering", e -> e.getMessage().setBody("lingering review " + i)),
                callers)).toList();
        // in the producer, not only past the step before it
        await().atMost(Duration.ofSeconds(10)).until(() -> context.getInflightRepository().browse("lingering").stream()
                .filter(inflight -> "lingeringSend".equals(inflight.getNodeId())).count() == 3);

        context.getShutdownStrategy().setTimeout(30);
        context.getRouteController().stopRoute("lingering");

        assertThat(context.getShutdownStrategy().hasTimeoutOccurred())
                .as("stop waited for the exchanges' batch (batchMaxWait is 60 s) until the shutdown timed out").isFalse();
        assertThat(waiting).as("completed by the time stop returned").allMatch(CompletableFuture::isDone);
        assertThat(waiting.stream().map(CompletableFuture::join)).allSatisfy(exchange ->
                assertThat(exchange.getMessage().getHeader(MESSAGE_ID, String.class)).isNotBlank());
        assertThat(job.awaitLabeledExactly(3)).hasSize(3);
    }

    /** Sends each body from its own caller thread, all at once; each exchange carries its own dedup id header. */
    private List<Exchange> sendConcurrently(String uri, List<String> bodies) {
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i);
            String dedupId = "id-" + i;
            futures.add(CompletableFuture.supplyAsync(() -> template.request(uri, e -> {
                e.getMessage().setBody(body);
                e.getMessage().setHeader(DEDUP_ID, dedupId);
                e.getMessage().setHeader("expectedDedupId", dedupId);
            }), callers));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
