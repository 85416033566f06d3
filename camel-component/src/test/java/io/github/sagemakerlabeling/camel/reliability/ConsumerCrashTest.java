package io.github.sagemakerlabeling.camel.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.camel.SageMakerLabelingEndpoint;
import io.github.sagemakerlabeling.camel.job.JobOptionsTestSupport;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
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
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSummary;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Issue #6, reliability item 2: the application dies mid-stream, with output messages received and not yet routed,
 * and nothing handed back or deleted; a new instance started on the same job routes every labeled object at least
 * once. The messages the dead instance held come back after the queue's visibility timeout.
 *
 * <p>"Dies" in one JVM: the route's processing thread hangs inside an exchange (so the consumer holds a receive's
 * messages), the instance's SQS client is closed under the consumer (a dead process makes no more SQS calls: it
 * neither deletes, nor releases, nor hands back), and the context is stopped with a one-second shutdown timeout,
 * forced when it runs out. From that moment the dead instance's route delivers nothing more onward.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class ConsumerCrashTest {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withEngineSettings(EngineSettings.defaults().withInitializingDelay(Duration.ZERO)
                    .withWorkTime(Duration.ZERO))
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerCrashTest.class);
    private static final String BUCKET = "reviews";
    private static final String JOB = "crashing-reviews";
    private static final int OBJECTS = 1_000;
    /**
     * The first instance hangs in the exchange after this many deliveries: most likely in the middle of a receive of
     * ten, whose first messages are routed but maybe not deleted yet (deletes are batched).
     */
    private static final int HANG_AFTER = 205;
    /** The first instance starts routing once this many objects are labeled, so its receives are full. */
    private static final int BACKLOG = 500;
    /** The output queue's visibility timeout, short so held messages come back soon. */
    private static final int VISIBILITY_TIMEOUT_SECONDS = 3;
    private static final Duration WITHIN = Duration.ofSeconds(90);

    private LocalGroundTruth groundTruth;
    private SageMakerClient sageMaker;
    private SnsClient sns;
    private SqsClient sqs;
    private S3Client s3;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void setUp(LocalGroundTruth groundTruth, SageMakerClient sageMaker, SnsClient sns, SqsClient sqs, S3Client s3) {
        this.groundTruth = groundTruth;
        this.sageMaker = sageMaker;
        this.sns = sns;
        this.sqs = sqs;
        this.s3 = s3;
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterEach
    void stopEverything() throws Exception {
        // Latches first, so a failed run leaves no route hanging while its context stops.
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        contexts.forEach(CamelContext::stop);
        FaultInjectionTest.stopJob(sageMaker, JOB);
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aContextThatDiesMidStreamLosesNothingWhenANewContextTakesOverTheJob() throws Exception {
        String job = "sagemaker-labeling:" + JOB + "?" + JobOptionsTestSupport.jobOptions(groundTruth);
        List<String> texts = IntStream.range(0, OBJECTS).mapToObj(i -> i % 3 == 0
                ? "Crash review " + i + ": delicious" : "Crash review " + i + ": bland").toList();

        // Upstream feeds the job from a context of its own, which lives on: only the consuming instance dies.
        CamelContext feeder = context(sqs, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to(job + "&operation=sendDataObjects");
            }
        });
        feeder.start();

        // The first instance of the consuming application, with an SQS client of its own that dies with it.
        SqsClient dyingSqs = groundTruth.sqsClient();
        closeables.add(dyingSqs);
        Map<String, AtomicInteger> deliveredByFirst = new ConcurrentHashMap<>();
        Set<String> takenByFirst = ConcurrentHashMap.newKeySet();
        CountDownLatch backlog = new CountDownLatch(1);
        closeables.add(backlog::countDown);
        CountDownLatch hanging = new CountDownLatch(1);
        CountDownLatch unhang = new CountDownLatch(1);
        closeables.add(unhang::countDown);
        AtomicBoolean dead = new AtomicBoolean();
        CamelContext first = context(dyingSqs, new RouteBuilder() {
            @Override
            public void configure() {
                from(job + "&waitTimeSeconds=1&greedy=true&delay=20").routeId("labeled")
                        .process(exchange -> backlog.await(WITHIN.toSeconds(), TimeUnit.SECONDS))
                        .process(exchange -> takenByFirst.add(source(exchange)))
                        .process(exchange -> {
                            if (deliveredByFirst.size() >= HANG_AFTER) {
                                hanging.countDown();
                                // Hangs until the test ends it, or the forced shutdown interrupts it.
                                unhang.await(WITHIN.toSeconds(), TimeUnit.SECONDS);
                            }
                            if (dead.get()) {
                                throw new IllegalStateException("this instance is dead");
                            }
                        })
                        .process(exchange -> count(deliveredByFirst, source(exchange)));
            }
        });
        first.getShutdownStrategy().setTimeout(1);
        first.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        first.getShutdownStrategy().setShutdownNowOnTimeout(true);
        first.getExecutorServiceManager().setShutdownAwaitTermination(500);
        first.start();
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(JOB + "-output")).queueUrl();
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
                String.valueOf(VISIBILITY_TIMEOUT_SECONDS))));

        // The feed's exchange, not its body: an exchange that failed completes its future normally.
        CompletableFuture<Exchange> fed = feeder.createProducerTemplate().asyncSend("direct:send",
                exchange -> exchange.getMessage().setBody(texts));
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> labelCounters().totalLabeled() >= BACKLOG);
        backlog.countDown();
        assertThat(hanging.await(WITHIN.toSeconds(), TimeUnit.SECONDS)).as("the first instance hangs mid-stream")
                .isTrue();

        // It dies at once: no more SQS calls, no more onward deliveries, and a forced stop.
        dead.set(true);
        dyingSqs.close();
        int notVisible = notVisible(queueUrl);
        long dying = System.nanoTime();
        first.stop();
        long died = System.nanoTime();
        unhang.countDown();
        Set<String> heldWhenDying = new HashSet<>(takenByFirst);
        heldWhenDying.removeAll(deliveredByFirst.keySet());
        LOG.info("The first instance delivered {} objects and died holding {} it had started routing, {} messages in"
                + " flight on the queue; stopping it took {} ms", deliveredByFirst.size(), heldWhenDying, notVisible,
                (died - dying) / 1_000_000);
        assertThat(deliveredByFirst).hasSize(HANG_AFTER);
        assertThat(heldWhenDying).as("objects the first instance was routing when it died").isNotEmpty();
        assertThat(notVisible).as("messages the dying instance held").isGreaterThanOrEqualTo(heldWhenDying.size());
        assertThat(fed.get(WITHIN.toSeconds(), TimeUnit.SECONDS).getException()).as("the feed's failure").isNull();

        // A new instance of the application, on the same job.
        Map<String, AtomicInteger> deliveredBySecond = new ConcurrentHashMap<>();
        CamelContext second = context(sqs, new RouteBuilder() {
            @Override
            public void configure() {
                from(job + "&waitTimeSeconds=1&greedy=true&delay=20").routeId("labeled")
                        .process(exchange -> count(deliveredBySecond, source(exchange)));
            }
        });
        second.start();
        assertThat(second.getEndpoints()).filteredOn(SageMakerLabelingEndpoint.class::isInstance).singleElement()
                .extracting(endpoint -> ((SageMakerLabelingEndpoint) endpoint).getEnsuredJob().created())
                .as("the new instance attaches to the running job").isEqualTo(false);

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            Set<String> union = new HashSet<>(deliveredByFirst.keySet());
            union.addAll(deliveredBySecond.keySet());
            return union.size() == OBJECTS;
        });
        long recovered = System.nanoTime();
        Set<String> union = new HashSet<>(deliveredByFirst.keySet());
        union.addAll(deliveredBySecond.keySet());
        Set<String> twice = new HashSet<>(deliveredByFirst.keySet());
        twice.retainAll(deliveredBySecond.keySet());
        LOG.info("Both instances together delivered all {} objects {} ms after the first died; the second delivered {}"
                + " ({} that the first had delivered too)", OBJECTS, (recovered - died) / 1_000_000,
                deliveredBySecond.size(), twice.size());

        assertThat(union).containsExactlyInAnyOrderElementsOf(texts);
        // Only messages the first instance held undeleted when it died can come out twice: had it deleted nothing (or
        // everything only at its end) the second would deliver its HANG_AFTER objects again.
        assertThat(twice).as("objects both instances delivered, at most the messages in flight when the first died")
                .hasSizeLessThanOrEqualTo(notVisible);
        assertThat(deliveredBySecond.keySet()).as("what the dead instance held came back to the new one")
                .containsAll(heldWhenDying);
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).singleElement()
                .extracting(LabelingJobSummary::labelingJobName).isEqualTo(JOB);
        assertThat(labelCounters().totalLabeled()).isEqualTo(OBJECTS);
    }

    private LabelCounters labelCounters() {
        return sageMaker.describeLabelingJob(b -> b.labelingJobName(JOB)).labelCounters();
    }

    private CamelContext context(SqsClient sqsClient, RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("sageMaker", sageMaker);
        context.getRegistry().bind("sns", sns);
        context.getRegistry().bind("sqs", sqsClient);
        context.getRegistry().bind("s3", s3);
        context.addRoutes(routes);
        contexts.add(context);
        return context;
    }

    private int notVisible(String queueUrl) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static String source(Exchange exchange) {
        return exchange.getMessage().getHeader(SageMakerLabelingConstants.SOURCE, String.class);
    }

    private static void count(Map<String, AtomicInteger> counts, String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
