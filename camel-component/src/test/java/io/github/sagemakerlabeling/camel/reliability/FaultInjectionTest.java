package io.github.sagemakerlabeling.camel.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.camel.job.JobOptionsTestSupport;
import io.github.sagemakerlabeling.core.service.PublishedObject;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.FaultInjector;
import io.github.sagemakerlabeling.local.faults.Operation;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSummary;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Issue #6, reliability item 1: 10,000 texts go through the component while Local Ground Truth throttles 10 % of the
 * {@code Publish} calls, fails 10 % of the {@code PublishBatch} entries and 5 % of the SQS receives (seeded). The
 * texts are fed the three ways an application feeds a large set: one {@code sendDataObject} exchange each
 * ({@code Publish}), single exchanges coalesced with {@code batching=true} and whole lists with
 * {@code sendDataObjects} (both {@code PublishBatch}). The output route passes each result through Camel's idempotent
 * consumer keyed by the object id, so every object is delivered onward exactly once; none may be lost.
 *
 * <p>Kept fast (it is in the test command): the job starts at once (zero initializing delay), one worker per object
 * answers at once (zero work time), and the consumer polls greedily with four threads.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class FaultInjectionTest {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withEngineSettings(EngineSettings.defaults().withInitializingDelay(Duration.ZERO)
                    .withWorkTime(Duration.ZERO))
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjectionTest.class);
    private static final String BUCKET = "reviews";
    private static final String JOB = "faulty-reviews";
    private static final long SEED = 6L;
    /** Fed with one {@code Publish} each. */
    private static final int ONE_BY_ONE = 1_000;
    /** Fed as single exchanges that the producer coalesces ({@code batching=true}). */
    private static final int COALESCED = 4_500;
    /** Fed as list bodies of {@link #LIST_SIZE} ({@code sendDataObjects}). */
    private static final int AS_LISTS = 4_500;
    private static final int LIST_SIZE = 500;
    private static final int OBJECTS = ONE_BY_ONE + COALESCED + AS_LISTS;
    private static final Duration LABELED_WITHIN = Duration.ofMinutes(3);

    private LocalGroundTruth groundTruth;
    private SageMakerClient sageMaker;
    private CamelContext context;

    @BeforeEach
    void setUp(LocalGroundTruth groundTruth, SageMakerClient sageMaker, SnsClient sns, SqsClient sqs, S3Client s3) {
        this.groundTruth = groundTruth;
        this.sageMaker = sageMaker;
        s3.createBucket(b -> b.bucket(BUCKET));
        context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(10); // seconds: a failed run does not wait 45 s for stuck feeds
        context.getRegistry().bind("sageMaker", sageMaker);
        context.getRegistry().bind("sns", sns);
        context.getRegistry().bind("sqs", sqs);
        context.getRegistry().bind("s3", s3);
    }

    @AfterEach
    void stopAndClear() {
        context.stop();
        groundTruth.faults().clear();
        stopJob(sageMaker, JOB);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void tenThousandTextsAreLabeledAndDeliveredOnwardExactlyOnceDespiteInjectedFaults() throws Exception {
        String job = "sagemaker-labeling:" + JOB + "?" + JobOptionsTestSupport.jobOptions(groundTruth);
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> onward = new ConcurrentHashMap<>();
        Map<String, String> onwardLabels = new ConcurrentHashMap<>();
        Map<String, String> objectIds = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> published = new ConcurrentHashMap<>();
        Queue<String> feedFailures = new ConcurrentLinkedQueue<>();
        AtomicInteger publishRedeliveries = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // One Publish per text. The component leaves retrying a failed Publish to the SDK (4 attempts, not
                // maxPublishAttempts), so at 10 % throttling about one Publish in 10,000 still fails after them:
                // the route redelivers it, as an application has to. A text that fails even so is recorded.
                onException(Exception.class).maximumRedeliveries(3).redeliveryDelay(100)
                        .onRedelivery(exchange -> publishRedeliveries.incrementAndGet())
                        .handled(true).process(exchange -> recordFailure(feedFailures, exchange));
                from("direct:one-by-one").routeId("one-by-one")
                        .split(body()).parallelProcessing()
                            .to(job)
                            .process(exchange -> count(published, source(exchange)));
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // PublishBatch: failed entries are retried by the component itself (maxPublishAttempts), so the
                // routes do not redeliver; a text the component could not publish is recorded.
                onException(Exception.class).handled(true).process(exchange -> recordFailure(feedFailures, exchange));
                from("direct:coalesced").routeId("coalesced")
                        .split(body()).parallelProcessing()
                            .to(job + "&batching=true")
                            .process(exchange -> count(published, source(exchange)));
                from("direct:as-lists").routeId("as-lists")
                        .to(job + "&operation=sendDataObjects")
                        .process(exchange -> {
                            for (Object object : exchange.getMessage().getBody(List.class)) {
                                count(published, ((PublishedObject) object).source().orElseThrow());
                            }
                        });
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(job + "&concurrentConsumers=4&waitTimeSeconds=1&greedy=true&delay=20").routeId("labeled")
                        .process(exchange -> count(received, source(exchange)))
                        .idempotentConsumer(header(SageMakerLabelingConstants.OBJECT_ID),
                                MemoryIdempotentRepository.memoryIdempotentRepository(2 * OBJECTS))
                        .to("direct:onward");
                from("direct:onward").routeId("onward")
                        .process(exchange -> {
                            String source = source(exchange);
                            count(onward, source);
                            onwardLabels.put(source, exchange.getMessage()
                                    .getHeader(SageMakerLabelingConstants.CLASS_NAME, String.class));
                            objectIds.put(source, exchange.getMessage()
                                    .getHeader(SageMakerLabelingConstants.OBJECT_ID, String.class));
                        });
            }
        });
        FaultInjector faults = groundTruth.faults();
        faults.seed(SEED)
                .inject(Operation.SNS_PUBLISH, Fault.throttling(0.10))
                .inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.serverError(0.10))
                .inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverError(0.05));

        long start = System.nanoTime();
        long cpuAtStart = processCpuNanos();
        context.start();
        List<String> texts = IntStream.range(0, OBJECTS).mapToObj(FaultInjectionTest::text).toList();
        ProducerTemplate template = context.createProducerTemplate();
        // The feeds run at once, as parts of an application would.
        List<CompletableFuture<Object>> feeds = new ArrayList<>();
        feeds.add(template.asyncSendBody("direct:one-by-one", texts.subList(0, ONE_BY_ONE)));
        feeds.add(template.asyncSendBody("direct:coalesced", texts.subList(ONE_BY_ONE, ONE_BY_ONE + COALESCED)));
        for (int from = ONE_BY_ONE + COALESCED; from < OBJECTS; from += LIST_SIZE) {
            List<String> list = texts.subList(from, Math.min(OBJECTS, from + LIST_SIZE));
            feeds.add(template.asyncSendBody("direct:as-lists", list));
        }
        for (CompletableFuture<Object> feed : feeds) {
            feed.get(LABELED_WITHIN.toSeconds(), TimeUnit.SECONDS);
        }
        long fed = System.nanoTime();
        LOG.info("Fed {} texts in {} ms (published: {}, failed: {}, Publish exchanges redelivered by the route: {})",
                OBJECTS, (fed - start) / 1_000_000, published.size(), feedFailures.size(), publishRedeliveries.get());
        assertThat(feedFailures).as("texts the producer failed to publish despite its retries").isEmpty();
        assertThat(published).as("each text published once").hasSize(OBJECTS)
                .allSatisfy((text, count) -> assertThat(count).hasValue(1));

        await().atMost(LABELED_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> onward.size() == OBJECTS);
        long labeled = System.nanoTime();
        LOG.info("All {} labeled texts delivered onward {} ms after the start ({} ms after the feed ended), using {} ms"
                + " of CPU (this JVM: Local Ground Truth, Camel, the test); received {} times in all; faults injected:"
                + " {}", OBJECTS, (labeled - start) / 1_000_000, (labeled - fed) / 1_000_000,
                (processCpuNanos() - cpuAtStart) / 1_000_000,
                received.values().stream().mapToInt(AtomicInteger::get).sum(), faults.injected());

        // Nothing more comes: every object once, none twice, none lost.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> onward.values().stream().mapToInt(AtomicInteger::get).sum() == OBJECTS);
        assertThat(onward.keySet()).containsExactlyInAnyOrderElementsOf(texts);
        assertThat(onward).allSatisfy((text, count) -> assertThat(count).as(text).hasValue(1));
        assertThat(objectIds.values()).as("distinct object ids").doesNotHaveDuplicates().hasSize(OBJECTS);
        assertThat(onwardLabels).allSatisfy((text, label) -> assertThat(label).as(text)
                .isEqualTo(text.contains("delicious") ? "positive" : "negative"));
        assertThat(received.keySet()).hasSize(OBJECTS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(labelCounters().totalLabeled())
                .isEqualTo(OBJECTS));
        LabelCounters counters = labelCounters();
        assertThat(counters.humanLabeled()).isEqualTo(OBJECTS);
        assertThat(counters.failedNonRetryableError()).isZero();
        assertThat(counters.unlabeled()).isZero();

        // The faults really happened: about 10 % of the Publish calls and PublishBatch entries, 5 % of the receives.
        assertThat(faults.injected(Operation.SNS_PUBLISH, Fault.Kind.THROTTLING))
                .as("throttled Publish calls (of at least %d)", ONE_BY_ONE).isGreaterThanOrEqualTo(50);
        assertThat(faults.injected(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.Kind.SERVER_ERROR))
                .as("failed PublishBatch entries (of at least %d)", COALESCED + AS_LISTS)
                .isGreaterThanOrEqualTo(500);
        assertThat(faults.injected(Operation.SQS_RECEIVE_MESSAGE, Fault.Kind.SERVER_ERROR))
                .as("failed receives (of at least %d)", OBJECTS / 10).isGreaterThanOrEqualTo(10);
    }

    private LabelCounters labelCounters() {
        return sageMaker.listLabelingJobs().labelingJobSummaryList().stream()
                .filter(summary -> summary.labelingJobName().equals(JOB)).findFirst()
                .map(LabelingJobSummary::labelCounters).orElseThrow();
    }

    private static String text(int i) {
        return (i % 2 == 0 ? "Review " + i + ": the soup was delicious" : "Review " + i + ": the fries were cold");
    }

    /** The CPU time of this JVM so far, all threads; -1 where the JVM does not tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static void recordFailure(Queue<String> failures, Exchange exchange) {
        failures.add(exchange.getMessage().getBody(String.class) + ": "
                + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    private static String source(Exchange exchange) {
        return exchange.getMessage().getHeader(SageMakerLabelingConstants.SOURCE, String.class);
    }

    private static void count(Map<String, AtomicInteger> counts, String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * Stops the test's job and waits until it is {@code Stopped}: its final output is then written, and the engine
     * writes nothing more to S3 that the next test's reset of the stack could race with (a bucket that is not empty
     * when the reset deletes it).
     */
    static void stopJob(SageMakerClient sageMaker, String name) {
        boolean exists = sageMaker.listLabelingJobs().labelingJobSummaryList().stream()
                .anyMatch(summary -> summary.labelingJobName().equals(name));
        if (!exists) {
            return;
        }
        LabelingJobStatus status = sageMaker.describeLabelingJob(b -> b.labelingJobName(name)).labelingJobStatus();
        if (status == LabelingJobStatus.INITIALIZING || status == LabelingJobStatus.IN_PROGRESS) {
            sageMaker.stopLabelingJob(b -> b.labelingJobName(name));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> EnumSet.of(LabelingJobStatus.STOPPED,
                LabelingJobStatus.FAILED, LabelingJobStatus.COMPLETED).contains(
                        sageMaker.describeLabelingJob(b -> b.labelingJobName(name)).labelingJobStatus()));
    }
}
