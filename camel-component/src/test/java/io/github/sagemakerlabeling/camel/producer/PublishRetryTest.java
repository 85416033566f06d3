package io.github.sagemakerlabeling.camel.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.service.BatchPublishException;
import io.github.sagemakerlabeling.core.service.DataObjectPublisher;
import io.github.sagemakerlabeling.core.service.RetrySettings;
import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.Operation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Issue 11, item 8: a call is tried up to maxPublishAttempts times in all by the AWS SDK's retry strategy when SNS
 * throttles or fails on its side, and not again when trying cannot help; failed batch entries go again in rounds,
 * which an interrupt ends.
 */
class PublishRetryTest extends ProducerTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:reviews?maxPublishAttempts=5");
                from("direct:sendNowhere").to("sagemaker-labeling:nowhere?ensureJob=false&maxPublishAttempts=5"
                        + "&inputTopic=arn:aws:sns:" + LOCAL.groundTruth().region() + ":"
                        + LOCAL.groundTruth().accountId() + ":no-such-topic");
            }
        };
    }

    @Test
    void aThrottledPublishIsTriedAgainUntilItIsLabeled() {
        LabelingJobFixture job = startJob("reviews");
        // Four throttled tries in a row (more than the SDK's default three); the fifth, within the call, publishes.
        LOCAL.groundTruth().faults().inject(Operation.SNS_PUBLISH, Fault.throttling(1.0).times(4));

        Exchange sent = template.request("direct:send", e -> e.getMessage().setBody("A delicious pie"));

        assertThat(sent.getException()).isNull();
        assertThat(LOCAL.groundTruth().faults().injected(Operation.SNS_PUBLISH)).isEqualTo(4);
        assertThat(componentSns().calls("Publish")).as("one call, retried by the SDK").isEqualTo(1);
        assertThat(componentSns().attempts("Publish")).isEqualTo(5);
        assertThat(job.awaitLabeledExactly(1)).extracting(result -> result.source().orElseThrow())
                .containsExactly("A delicious pie");
    }

    @Test
    void aPublishThatKeepsFailingFailsTheExchangeAfterMaxPublishAttempts() {
        startJob("reviews");
        LOCAL.groundTruth().faults().inject(Operation.SNS_PUBLISH, Fault.throttling(1.0));

        Exchange sent = template.request("direct:send", e -> e.getMessage().setBody("Burnt toast"));

        assertThat(sent.getException()).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.isThrottlingException()).isTrue());
        assertThat(componentSns().calls("Publish")).isEqualTo(1);
        assertThat(componentSns().attempts("Publish")).isEqualTo(5);
        assertThat(LOCAL.groundTruth().faults().injected(Operation.SNS_PUBLISH)).isEqualTo(5);
    }

    @Test
    void anErrorThatTryingAgainCannotHelpIsNotRetried() {
        Exchange sent = template.request("direct:sendNowhere", e -> e.getMessage().setBody("Lost in the post"));

        assertThat(sent.getException()).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(componentSns().attempts("Publish")).as("tries of a Publish to a missing topic").isEqualTo(1);
    }

    @Test
    void anInterruptEndsTheRetriesOfFailedBatchEntries() throws Exception {
        String topic = sns.createTopic(b -> b.name("interrupted-in")).topicArn();
        LOCAL.groundTruth().faults().inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.throttling(1.0));
        DataObjectPublisher patient = new DataObjectPublisher(componentSns().client(), topic,
                new RetrySettings(1_000, Duration.ofSeconds(1), Duration.ofSeconds(5)));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread publishing = new Thread(() -> {
            try {
                patient.publishAll(List.of(DataObject.text("never accepted")));
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        publishing.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> componentSns().calls("PublishBatch") >= 2);

        publishing.interrupt();

        Throwable failure = outcome.get(10, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOfSatisfying(BatchPublishException.class, e ->
                assertThat(e.failures()).singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("Throttled");
                    assertThat(f.message()).startsWith("interrupted before trying again");
                }));
    }
}
