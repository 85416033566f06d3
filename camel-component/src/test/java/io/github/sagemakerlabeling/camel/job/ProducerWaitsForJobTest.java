package io.github.sagemakerlabeling.camel.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.service.LabelingJobException;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** A job ensured on start may still be Initializing: the producer publishes nothing until it is InProgress. */
class ProducerWaitsForJobTest extends JobOptionsTestSupport {

    @Test
    void theFirstObjectWaitsUntilTheNewJobIsInProgress() throws Exception {
        groundTruth.engineSettings(groundTruth.engineSettings().withInitializingDelay(Duration.ofSeconds(2)));
        List<LabelingJobStatus> statusAtPublish = new CopyOnWriteArrayList<>();
        // The component's SNS client asks the job's status as each Publish leaves, so an early one would show.
        try (SnsClient watchedSns = LocalAwsClients.configure(SnsClient.builder(), groundTruth.snsEndpoint(),
                groundTruth.region()).overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution call, ExecutionAttributes attributes) {
                        if (call.request() instanceof PublishRequest) {
                            statusAtPublish.add(status());
                        }
                    }
                })).build()) {
            CamelContext context = context(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("sagemaker-labeling:reviews?" + jobOptions());
                }
            }, sageMaker, watchedSns, sqs, s3);
            context.start();
            assertThat(status()).isEqualTo(LabelingJobStatus.INITIALIZING);

            Exchange sent = context.createProducerTemplate().request("direct:send",
                    e -> e.getMessage().setBody("The soup was delicious"));

            assertThat(sent.getException()).isNull();
            assertThat(sent.getMessage().getHeader(SageMakerLabelingConstants.MESSAGE_ID, String.class)).isNotBlank();
            assertThat(statusAtPublish).as("the job's status as the Publish left").containsExactly(
                    LabelingJobStatus.IN_PROGRESS);
            context.stop();
        }
    }

    @Test
    void aJobStillInitializingAfterJobStatusTimeoutFailsTheExchangeAndPublishesNothing() throws Exception {
        groundTruth.engineSettings(groundTruth.engineSettings().withInitializingDelay(Duration.ofHours(1)));
        CamelContext context = producer("sagemaker-labeling:reviews?" + jobOptions() + "&jobStatusTimeout=1s");
        context.start();

        Exchange sent = context.createProducerTemplate().request("direct:send",
                e -> e.getMessage().setBody("The soup was delicious"));

        assertThat(sent.getException()).isInstanceOf(LabelingJobException.class)
                .hasMessageStartingWith("Labeling job 'reviews' is still Initializing after PT1S")
                .hasMessageContaining("Nothing was published")
                .hasMessageContaining("jobStatusTimeout");
        assertThat(sent.getMessage().getHeader(SageMakerLabelingConstants.MESSAGE_ID)).isNull();
        assertThat(status()).isEqualTo(LabelingJobStatus.INITIALIZING);
    }

    private LabelingJobStatus status() {
        return sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews")).labelingJobStatus();
    }
}
