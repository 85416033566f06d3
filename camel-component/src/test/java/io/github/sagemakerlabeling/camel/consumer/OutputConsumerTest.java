package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.MalformedOutputException;
import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Routing labeled output: raw and enveloped delivery, redelivery of failed exchanges, malformed output, faults. */
class OutputConsumerTest extends ConsumerTestSupport {

    private static final String OWN_QUEUE = "reviews-own";
    private static final String GARBAGE = "not an output line";

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger malformedFailures = new AtomicInteger();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10").routeId("provisioned").autoStartup(false)
                        .to("mock:labeled");

                from("sagemaker-labeling:reviews?outputQueue=" + OWN_QUEUE + "&waitTimeSeconds=1&delay=10")
                        .routeId("ownQueue").autoStartup(false)
                        .to("mock:labeled");

                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10").routeId("flaky").autoStartup(false)
                        .process(exchange -> {
                            if (attempts.computeIfAbsent(source(exchange), s -> new AtomicInteger()).incrementAndGet() < 3) {
                                throw new IllegalStateException("the onward system is down");
                            }
                        })
                        .to("mock:labeled");

                from("sagemaker-labeling:reviews?outputQueue=" + OWN_QUEUE + "&waitTimeSeconds=1&delay=10")
                        .routeId("deadLetters").autoStartup(false)
                        .errorHandler(deadLetterChannel("mock:dead").maximumRedeliveries(0))
                        .to("mock:labeled");

                // Released at once after each failure (the back-off has tests of its own), so the test waits for none.
                from("sagemaker-labeling:reviews?outputQueue=" + OWN_QUEUE + "&waitTimeSeconds=1&delay=10"
                        + "&failureBackoff=0").routeId("noDeadLetters").autoStartup(false)
                        .onException(MalformedOutputException.class).process(e -> malformedFailures.incrementAndGet())
                        .end()
                        .to("mock:labeled");
            }
        };
    }

    @Test
    void rawDeliveryRoutesEveryObjectOnceAndDeletesInBatches() throws Exception {
        fixture.runningJob();
        // Single deletes would all fail: only DeleteMessageBatch gets through.
        fixture.local.faults().inject(Operation.SQS_DELETE_MESSAGE, Fault.serverError(1.0));
        List<String> texts = reviews("raw", 25);
        MockEndpoint labeled = routeAll("provisioned", texts);

        Exchange delicious = labeled.getExchanges().stream().filter(e -> source(e).equals("raw review 0 was delicious"))
                .findFirst().orElseThrow();
        assertThat(delicious.getMessage().getHeaders()).containsEntry(SageMakerLabelingConstants.CLASS_NAME, "positive")
                .containsEntry(SageMakerLabelingConstants.EVENT_TYPE, "labeledObject")
                .containsEntry(SageMakerLabelingConstants.JOB_NAME, "reviews")
                .containsKey(SageMakerLabelingConstants.OUTPUT_MESSAGE_ID);
        String queue = fixture.queueUrl("reviews-output");
        awaitDrained(queue);
        assertThat(fixture.local.faults().injected(Operation.SQS_DELETE_MESSAGE)).isZero();

        Subscription subscription = fixture.sns.listSubscriptionsByTopic(b -> b.topicArn(fixture.outputTopicArn()))
                .subscriptions().get(0);
        assertThat(subscription.endpoint()).isEqualTo(fixture.queueArn(queue));
        assertThat(fixture.sns.getSubscriptionAttributes(b -> b.subscriptionArn(subscription.subscriptionArn()))
                .attributes()).containsEntry("RawMessageDelivery", "true");
        assertNoMoreThan(labeled, texts.size());
    }

    @Test
    void snsEnvelopesFromAQueueTheApplicationSubscribedParseToo() throws Exception {
        fixture.runningJob();
        String queue = fixture.createQueue(OWN_QUEUE, 30);
        fixture.subscribe(queue, false);
        List<String> texts = reviews("enveloped", 5);
        MockEndpoint labeled = routeAll("ownQueue", texts);

        LabelingResult result = labeled.getExchanges().get(0).getMessage().getBody(LabelingResult.class);
        assertThat(result.rawText()).as("the SNS notification, not the bare line").contains("\"Type\"", "\"TopicArn\"");
        assertThat(labeled.getExchanges()).allSatisfy(e -> assertThat(e.getMessage()
                .getHeader(SageMakerLabelingConstants.CLASS_NAME)).isIn("positive", "negative"));
        awaitDrained(queue);
    }

    @Test
    void aFailedExchangeGetsItsMessageAgainAfterItsBackOffUntilTheOnwardRouteSucceeds() throws Exception {
        fixture.runningJob();
        List<String> texts = reviews("flaky", 6);
        // Back-offs of 1 s and 2 s, well within the queue's 30 s visibility timeout: failed messages are released
        // after their back-off, not left to time out.
        MockEndpoint labeled = routeAll("flaky", texts);

        assertThat(attempts).hasSize(texts.size()).allSatisfy((text, count) -> assertThat(count).hasValue(3));
        assertEachRoutedOnce(labeled, texts);
    }

    @Test
    void malformedOutputReachesTheErrorHandlerWithItsRawText() throws Exception {
        String queue = fixture.createQueue(OWN_QUEUE, 30);
        fixture.sqs.sendMessage(b -> b.queueUrl(queue).messageBody(GARBAGE));
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        dead.expectedBodiesReceived(GARBAGE);
        dead.expectedHeaderReceived(SageMakerLabelingConstants.RAW_OUTPUT, GARBAGE);

        context.getRouteController().startRoute("deadLetters");

        dead.assertIsSatisfied(Duration.ofSeconds(15).toMillis());
        assertThat(dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(MalformedOutputException.class);
        assertThat(getMockEndpoint("mock:labeled").getReceivedCounter()).isZero();
        // The dead letter channel took it, so it is done with.
        awaitDrained(queue);
    }

    @Test
    void hostileLinesFailOneByOneWhileTheRestOfTheReceiveIsRouted() throws Exception {
        String queue = fixture.createQueue(OWN_QUEUE, 30);
        String metadata = "\"mood-metadata\":{\"class-name\":\"positive\",\"confidence\":0.8,"
                + "\"type\":\"groundtruth/text-classification\",\"job-name\":\"j\",\"human-annotated\":\"yes\","
                + "\"creation-date\":\"2020-10-18T22:18:13.527256\"}";
        List<String> hostile = List.of(
                "{\"source\":\"x\",\"mood\":1e999999999," + metadata + "}",
                "{\"source\":\"x\",\"mood\":\"1\"," + metadata.replace("0.8", "1e100000") + "}",
                "{\"source\":\"x\",\"mood\":" + "[".repeat(5_000) + "]".repeat(5_000) + "," + metadata + "}",
                "{\"source\":\"x\",\"mood\":\"\\ud800\"," + metadata + "}",
                "{\"source\":\"" + "x".repeat(250 * 1024) + "\",\"mood\":[1e99999]," + metadata + "}",
                "{\"source\":\"x\",\"mood\":\"1\",\"mood\":1e999999," + metadata + "}");
        List<String> good = List.of("good 1", "good 2", "good 3");
        List<SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            String line = "{\"source\":\"" + good.get(i) + "\",\"mood\":\"1\"," + metadata + "}";
            entries.add(SendMessageBatchRequestEntry.builder().id("g" + i).messageBody(line).build());
        }
        for (int i = 0; i < hostile.size(); i++) {
            String body = hostile.get(i);
            fixture.sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body));
        }
        fixture.sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
        MockEndpoint labeled = getMockEndpoint("mock:labeled");
        MockEndpoint dead = getMockEndpoint("mock:dead");

        context.getRouteController().startRoute("deadLetters");

        await().atMost(Duration.ofSeconds(15)).until(() -> labeled.getReceivedCounter() + dead.getReceivedCounter()
                >= good.size() + hostile.size());
        assertThat(sources(labeled)).containsExactlyInAnyOrderElementsOf(good);
        assertThat(dead.getExchanges()).extracting(e -> e.getMessage().getHeader(SageMakerLabelingConstants.RAW_OUTPUT,
                String.class)).containsExactlyInAnyOrderElementsOf(hostile);
        assertThat(dead.getExchanges()).allSatisfy(e -> assertThat(e.getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(MalformedOutputException.class));
        awaitDrained(queue);
        assertNoMoreThan(dead, hostile.size());
    }

    @Test
    void malformedOutputThatNoErrorHandlerTakesStaysInTheQueue() throws Exception {
        String queue = fixture.createQueue(OWN_QUEUE, 30);
        fixture.sqs.sendMessage(b -> b.queueUrl(queue).messageBody(GARBAGE));

        context.getRouteController().startRoute("noDeadLetters");

        // Released after each failure, so delivered again long before the 30 s visibility timeout.
        await().atMost(Duration.ofSeconds(15)).until(() -> malformedFailures.get() >= 3);
        context.getRouteController().stopRoute("noDeadLetters");
        List<Message> left = fixture.sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(5)).messages();
        assertThat(left).extracting(Message::body).containsExactly(GARBAGE);
        assertThat(getMockEndpoint("mock:labeled").getReceivedCounter()).isZero();
    }

    @Test
    void failingReceivesAreRetriedAndNothingIsLost() throws Exception {
        fixture.runningJob();
        fixture.local.faults().inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverError(0.5))
                .inject(Operation.SQS_RECEIVE_MESSAGE, Fault.throttling(0.3));
        List<String> texts = reviews("faulty", 30);
        MockEndpoint labeled = routeAll("provisioned", texts);

        assertThat(fixture.local.faults().injected(Operation.SQS_RECEIVE_MESSAGE)).isPositive();
        assertEachRoutedOnce(labeled, texts);
    }

    @Test
    void deletesSqsFailsAreRetriedOrDeliveredAgainAndNothingIsLost() throws Exception {
        List<String> texts = reviews("undeleted", 20);

        List<String> routed = routeThroughQuicklyVisibleQueue(texts, Operation.SQS_DELETE_MESSAGE_BATCH_ENTRY,
                Fault.serverError(0.5));

        // Entries SQS failed twice came back after the 1 s visibility timeout and were routed again.
        assertThat(routed).containsAll(texts).allSatisfy(text -> assertThat(texts).contains(text));
    }

    @Test
    void receivesWhoseResponseIsLostAreDeliveredAgainAfterTheVisibilityTimeout() throws Exception {
        List<String> texts = reviews("lost", 20);

        List<String> routed = routeThroughQuicklyVisibleQueue(texts, Operation.SQS_RECEIVE_MESSAGE,
                Fault.serverErrorAfterProcessing(0.3));

        assertThat(routed).containsExactlyInAnyOrderElementsOf(texts);
    }

    /**
     * Routes the texts' results from a raw-delivery queue with a 1 s visibility timeout while the fault hits the
     * operation, until each was routed and the queue is empty; returns the sources routed, in order.
     */
    private List<String> routeThroughQuicklyVisibleQueue(List<String> texts, Operation operation, Fault fault)
            throws Exception {
        fixture.runningJob();
        String queue = fixture.createQueue(OWN_QUEUE, 1);
        fixture.subscribe(queue, true);
        fixture.local.faults().inject(operation, fault);
        context.getRouteController().startRoute("ownQueue");
        MockEndpoint labeled = getMockEndpoint("mock:labeled");

        fixture.feed(texts);

        awaitEachRouted(labeled, texts);
        awaitDrained(queue);
        assertThat(fixture.local.faults().injected(operation)).isPositive();
        return sources(labeled);
    }
}
