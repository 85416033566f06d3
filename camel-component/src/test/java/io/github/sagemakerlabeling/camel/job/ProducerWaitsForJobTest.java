package io.github.sagemakerlabeling.camel.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.service.LabelingJobException;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/** A job ensured on start may still be Initializing: the producer publishes nothing until it is InProgress. */
class ProducerWaitsForJobTest extends JobOptionsTestSupport {

    @Test
    void theFirstObjectWaitsUntilTheNewJobIsInProgress() throws Exception {
        groundTruth.engineSettings(groundTruth.engineSettings().withInitializingDelay(Duration.ofSeconds(2)));
        CamelContext context = producer("sagemaker-labeling:reviews?" + jobOptions());
        context.start();
        assertThat(status()).isEqualTo(LabelingJobStatus.INITIALIZING);

        Exchange sent = context.createProducerTemplate().request("direct:send",
                e -> e.getMessage().setBody("The soup was delicious"));

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(SageMakerLabelingConstants.MESSAGE_ID, String.class)).isNotBlank();
        assertThat(status()).as("published only once the job ran").isEqualTo(LabelingJobStatus.IN_PROGRESS);
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
