package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.Operation;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQS calls that took effect but whose reply was lost (ReceiveMessage, DeleteMessageBatch), and the first twenty
 * delete entries failed by SQS, on a queue whose visibility timeout is 1 s. Nothing is lost. Without an idempotent consumer a message is
 * routed twice only when SQS failed its delete twice (the component retries a failed entry once), so the duplicates
 * are bounded by the failed entries; with the documented idempotent consumer on the object id there are none, even
 * with an exchange that outlives the visibility timeout.
 */
class AfterEffectFaultsTest extends ConsumerTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AfterEffectFaultsTest.class);
    private static final String QUEUE = "reviews-after-effects";

    private static final String HELD = "idempotent review 0 was delicious";

    private final AtomicInteger deliveries = new AtomicInteger();
    private final Map<String, AtomicInteger> deliveriesBySource = new ConcurrentHashMap<>();
    private final CountDownLatch heldWasDeliveredAgain = new CountDownLatch(1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String uri = "sagemaker-labeling:reviews?outputQueue=" + QUEUE + "&waitTimeSeconds=1&delay=10";
                from(uri).routeId("plain").autoStartup(false)
                        .to("mock:labeled");

                // One object's first delivery is held past the visibility timeout, until SQS delivered it again to the
                // other poller: a duplicate for sure, which the idempotent consumer must drop.
                from(uri + "&concurrentConsumers=2").routeId("idempotent").autoStartup(false)
                        .process(exchange -> {
                            deliveries.incrementAndGet();
                            int delivery = deliveriesBySource.computeIfAbsent(source(exchange),
                                    s -> new AtomicInteger()).incrementAndGet();
                            if (HELD.equals(source(exchange)) && delivery == 1) {
                                heldWasDeliveredAgain.await(20, TimeUnit.SECONDS);
                            } else if (HELD.equals(source(exchange))) {
                                heldWasDeliveredAgain.countDown();
                            }
                        })
                        .idempotentConsumer(header(SageMakerLabelingConstants.OBJECT_ID),
                                MemoryIdempotentRepository.memoryIdempotentRepository(10_000))
                        .to("mock:labeled");
            }
        };
    }

    @Test
    void withoutAnIdempotentConsumerDuplicatesAreBoundedByTheDeletesSqsFailed() throws Exception {
        List<String> texts = reviews("after-effects", 30);

        List<String> routed = routeUnderAfterEffects("plain", texts);

        int duplicates = routed.size() - new HashSet<>(routed).size();
        long failedEntries = fixture.local.faults().injected(Operation.SQS_DELETE_MESSAGE_BATCH_ENTRY);
        LOG.info("{} objects, {} routed, {} duplicates, {} delete entries failed", texts.size(), routed.size(),
                duplicates, failedEntries);
        assertThat(new HashSet<>(routed)).containsExactlyInAnyOrderElementsOf(texts);
        assertThat((long) duplicates).isLessThanOrEqualTo(failedEntries / 2);
    }

    @Test
    void theDocumentedIdempotentConsumerRoutesEachObjectOnce() throws Exception {
        List<String> texts = reviews("idempotent", 30);

        List<String> routed = routeUnderAfterEffects("idempotent", texts);

        assertThat(routed).containsExactlyInAnyOrderElementsOf(texts);
        assertThat(heldWasDeliveredAgain.getCount()).as("the held object was delivered twice").isZero();
        assertThat(deliveries.get()).as("deliveries before the idempotent consumer, duplicates included")
                .isGreaterThan(texts.size());
        assertNoMoreThan(getMockEndpoint("mock:labeled"), texts.size());
    }

    private List<String> routeUnderAfterEffects(String routeId, List<String> texts) throws Exception {
        fixture.runningJob();
        String queue = fixture.createQueue(QUEUE, 1);
        fixture.subscribe(queue, true);
        fixture.local.faults()
                .inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverErrorAfterProcessing(0.3))
                .inject(Operation.SQS_DELETE_MESSAGE_BATCH, Fault.serverErrorAfterProcessing(0.3))
                // The first deletes fail, and their retries too: those messages come back and are routed again.
                .inject(Operation.SQS_DELETE_MESSAGE_BATCH_ENTRY, Fault.serverError(1.0).times(20));
        context.getRouteController().startRoute(routeId);
        MockEndpoint labeled = getMockEndpoint("mock:labeled");

        fixture.feed(texts);

        awaitEachRouted(labeled, texts);
        awaitDrained(queue);
        assertThat(fixture.local.faults().injected(Operation.SQS_RECEIVE_MESSAGE)).isPositive();
        assertThat(fixture.local.faults().injected(Operation.SQS_DELETE_MESSAGE_BATCH)).isPositive();
        return sources(labeled);
    }
}
