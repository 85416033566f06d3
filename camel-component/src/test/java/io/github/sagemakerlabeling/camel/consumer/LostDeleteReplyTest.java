package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.service.OutputReceiver;
import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A DeleteMessageBatch that took effect but whose reply was lost: the SDK sends it again, and SQS no longer knows
 * its receipt handles ({@code ReceiptHandleIsInvalid} on ElasticMQ; Amazon SQS answers success). The messages are
 * deleted, so the component neither sends those entries again nor reports them as not deleted (which it logs as a
 * WARN); a delete SQS really failed is still retried and reported.
 */
class LostDeleteReplyTest extends CountingSqsTestSupport {

    private static final String QUEUE = "reviews-lost-delete-reply";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?outputQueue=" + QUEUE + "&waitTimeSeconds=1&delay=10")
                        .routeId("labeled").autoStartup(false).to("mock:labeled");
            }
        };
    }

    @Test
    void aDeleteSentAgainAfterALostReplyIsNeitherRetriedNorReported() throws Exception {
        fixture.runningJob();
        String queue = fixture.createQueue(QUEUE, 30);
        fixture.subscribe(queue, true);
        fixture.local.faults().inject(Operation.SQS_DELETE_MESSAGE_BATCH, Fault.serverErrorAfterProcessing(1.0)
                .times(1));
        List<String> texts = reviews("lost-reply", 10);
        context.getRouteController().startRoute("labeled");
        MockEndpoint labeled = getMockEndpoint("mock:labeled");

        fixture.feed(texts);

        awaitEachRouted(labeled, texts);
        awaitDrained(queue);
        assertThat(fixture.local.faults().injected(Operation.SQS_DELETE_MESSAGE_BATCH)).isOne();
        // What the SDK's second try of the lost call got back, when SQS had applied the first (ElasticMQ's answer).
        assertThat(calls.deleteErrorCodes()).allMatch("ReceiptHandleIsInvalid"::equals);
        assertThat(calls.deletedReceiptHandles()).as("no entry sent again in a call of its own")
                .doesNotHaveDuplicates();
        assertNoMoreThan(labeled, texts.size());
    }

    @Test
    void onlyDeletesSqsReallyFailedAreReportedAsNotDeleted() {
        fixture.runningJob();
        String queue = fixture.createQueue(QUEUE, 30);
        fixture.subscribe(queue, true);
        fixture.feed(reviews("receiver", 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.visible(queue) == 4);
        SqsClient counted = calls.client(fixture.local);
        OutputReceiver receiver = new OutputReceiver(counted, queue, Optional.empty());
        List<ReceivedOutput> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            received.addAll(receiver.receive(10, 1));
            return received.size() == 4;
        });

        assertThat(receiver.delete(received.subList(0, 2))).isEmpty();
        assertThat(receiver.delete(received.subList(0, 2))).as("already deleted: nothing left to delete").isEmpty();
        assertThat(calls.deleteErrorCodes()).containsExactly("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid");
        assertThat(calls.deletedReceiptHandles()).as("two calls of two entries: the refused ones not sent again")
                .hasSize(4);
        // The entry fails on SQS's side twice, its first try and its one retry: that message really stays.
        fixture.local.faults().inject(Operation.SQS_DELETE_MESSAGE_BATCH_ENTRY, Fault.serverError(1.0).times(2));
        assertThat(receiver.delete(received.subList(2, 3))).containsExactly(received.get(2));
        assertThat(receiver.delete(received.subList(3, 4))).isEmpty();
        assertThat(fixture.visibleAndInFlight(queue)).isOne();
        counted.close();
    }
}
