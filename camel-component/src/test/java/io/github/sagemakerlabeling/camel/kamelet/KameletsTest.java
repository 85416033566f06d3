package io.github.sagemakerlabeling.camel.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The kamelets shipped in the component jar, found on the classpath by camel-kamelet and used from a YAML route in a
 * Camel Main app, as users run them: the sink creates the job and feeds it, the source routes results as JSON.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class KameletsTest {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    @Test
    void theSinkFeedsAJobAndTheSourceRoutesItsResultsAsJson(SageMakerClient sageMaker, S3Client s3)
            throws Exception {
        s3.createBucket(b -> b.bucket("reviews"));
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:kamelet/reviews-kamelets.camel.yaml");
        main.start();
        try {
            MockEndpoint labeled = main.getCamelContext().getEndpoint("mock:labeled", MockEndpoint.class);
            labeled.expectedMessageCount(2);
            ProducerTemplate template = main.getCamelTemplate();
            List.of("A delicious pie", "Burnt toast").forEach(text -> template.sendBody("direct:reviews", text));

            labeled.assertIsSatisfied(Duration.ofSeconds(30).toMillis());
            List<String> labels = new ArrayList<>();
            for (Exchange exchange : labeled.getExchanges()) {
                assertThat(exchange.getMessage().getBody()).isInstanceOf(String.class);
                assertThat(exchange.getMessage().getHeader("Content-Type")).isEqualTo("application/json");
                JsonNode line = Json.read(exchange.getMessage().getBody(String.class));
                labels.add(line.path("source").asText() + "=" + line.path("label-metadata").path("class-name")
                        .asText());
            }
            assertThat(labels).containsExactlyInAnyOrder("A delicious pie=positive", "Burnt toast=negative");
            assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).singleElement()
                    .satisfies(job -> assertThat(job.labelingJobName()).isEqualTo("kamelet-reviews"));
        } finally {
            main.stop();
        }
    }
}
