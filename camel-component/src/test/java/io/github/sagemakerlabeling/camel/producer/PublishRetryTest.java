package io.github.sagemakerlabeling.camel.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.Operation;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * sendDataObject tries a single object up to maxPublishAttempts times when SNS throttles or fails, as sendDataObjects
 * does for batch entries; the AWS SDK's own tries (four) are one attempt.
 */
class PublishRetryTest extends ProducerTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:reviews?maxPublishAttempts=3");
            }
        };
    }

    @Test
    void aThrottledPublishIsTriedAgainUntilItIsLabeled() {
        LabelingJobFixture job = startJob("reviews");
        // Eight throttled calls in a row: two attempts of the SDK's four tries each; the third attempt publishes.
        LOCAL.groundTruth().faults().inject(Operation.SNS_PUBLISH, Fault.throttling(1.0).times(8));

        Exchange sent = template.request("direct:send", e -> e.getMessage().setBody("A delicious pie"));

        assertThat(sent.getException()).isNull();
        assertThat(LOCAL.groundTruth().faults().injected(Operation.SNS_PUBLISH)).isEqualTo(8);
        assertThat(componentSns().calls("Publish")).isGreaterThan(1);
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
        assertThat(componentSns().calls("Publish")).isEqualTo(3);
    }
}
