package io.github.sagemakerlabeling.camel.producer;

import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.DEDUP_ID;
import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.MESSAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.service.BatchPublishException;
import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.Operation;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batching option: concurrent single-object exchanges share PublishBatch calls, each with its own result. */
class BatchingProducerTest extends ProducerTestSupport {

    private final ExecutorService callers = Executors.newFixedThreadPool(50);
    private final CountDownLatch queued = new CountDownLatch(3);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:reviews?batching=true&batchMaxWait=50");
                from("direct:sendLingering").process(exchange -> queued.countDown())
                        .to("sagemaker-labeling:reviews?batching=true&batchMaxWait=60000");
                from("direct:sendOnce").to("sagemaker-labeling:reviews?batching=true&maxPublishAttempts=1");
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
        assertThat(componentSns().calls("PublishBatch")).as("PublishBatch calls for 200 exchanges").isBetween(20, 50);
        assertThat(job.awaitLabeledExactly(200)).extracting(result -> result.source().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(reviews);
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

        long start = System.nanoTime();
        context.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stop neither waits out batchMaxWait (60 s) nor"
                + " the shutdown timeout").isLessThan(Duration.ofSeconds(8));
        List<Exchange> sent = waiting.stream().map(CompletableFuture::join).toList();
        assertThat(sent).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(MESSAGE_ID, String.class)).isNotBlank();
        });
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
