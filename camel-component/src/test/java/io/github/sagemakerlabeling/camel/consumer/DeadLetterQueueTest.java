package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A message whose exchange always fails is tried a few times with a growing back-off, then SQS moves it to the
 * dead-letter queue the consumer provisioned; the consumer never spins on it. Local Ground Truth's SQS (ElasticMQ)
 * honours the redrive policy as SQS does.
 */
class DeadLetterQueueTest extends CountingSqsTestSupport {

    private static final int MAX_RECEIVE_COUNT = 3;

    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10&failureBackoff=1s"
                        + "&deadLetterQueue=reviews-dead&maxReceiveCount=" + MAX_RECEIVE_COUNT)
                        .routeId("alwaysFailing").autoStartup(false)
                        .process(exchange -> {
                            attempts.incrementAndGet();
                            throw new IllegalStateException("the onward system is down for good");
                        })
                        .to("mock:labeled");
            }
        };
    }

    @Test
    void anAlwaysFailingMessageIsReceivedMaxReceiveCountTimesThenSitsInTheDeadLetterQueue() throws Exception {
        fixture.runningJob();
        context.getRouteController().startRoute("alwaysFailing");
        String deadLetters = fixture.queueUrl("reviews-dead");
        String output = fixture.queueUrl("reviews-output");
        JsonNode redrive = Json.read(fixture.sqs.getQueueAttributes(b -> b.queueUrl(output)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY));
        assertThat(redrive.get("deadLetterTargetArn").asText()).isEqualTo(fixture.queueArn(deadLetters));
        assertThat(redrive.get("maxReceiveCount").asInt()).isEqualTo(MAX_RECEIVE_COUNT);
        long started = System.nanoTime();
        int receivesBefore = calls.calls("ReceiveMessage");

        fixture.feed(List.of("doomed review was delicious"));

        await().atMost(Duration.ofSeconds(40)).until(() -> fixture.visible(deadLetters) == 1);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        int receivesWhileFailing = calls.calls("ReceiveMessage") - receivesBefore;
        assertThat(attempts).as("routed at most maxReceiveCount times").hasValueBetween(2, MAX_RECEIVE_COUNT);
        // One long poll of 1 s per second at most, plus one per failure whose back-off ended: a spinning consumer
        // (released at once, 10 ms between polls) makes hundreds.
        assertThat(receivesWhileFailing).as("ReceiveMessage calls in %d s", seconds)
                .isLessThanOrEqualTo((int) (2 * seconds) + MAX_RECEIVE_COUNT);
        assertThat(fixture.visibleAndInFlight(output)).isZero();
        List<Message> dead = fixture.sqs.receiveMessage(b -> b.queueUrl(deadLetters)).messages();
        assertThat(dead).singleElement().extracting(Message::body).asString().contains("doomed review was delicious");
        assertNoMoreThan(getMockEndpoint("mock:labeled"), 0);
    }
}
