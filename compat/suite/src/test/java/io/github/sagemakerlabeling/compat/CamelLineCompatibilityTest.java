package io.github.sagemakerlabeling.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/**
 * The representative suite every compatibility module runs on its Camel line: a Camel Main app configured only by
 * component properties, whose YAML DSL routes ensure a job, feed it, consume its results (through the type
 * converter) and describe it, on Local Ground Truth.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class CamelLineCompatibilityTest {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    @Test
    void aCamelMainAppEnsuresFeedsConsumesAndDescribesAJobFromYamlRoutes(LocalGroundTruth groundTruth, S3Client s3)
            throws Exception {
        s3.createBucket(b -> b.bucket("reviews"));
        Main main = new Main();
        main.setOverrideProperties(properties(groundTruth));
        main.configure().withRoutesIncludePattern("classpath:compat-reviews.camel.yaml");
        main.start();
        try {
            assertThat(main.getCamelContext().getVersion()).as("the Camel runtime this module runs on")
                    .isEqualTo(System.getProperty("compat.camel.version"));
            MockEndpoint labeled = main.getCamelContext().getEndpoint("mock:labeled", MockEndpoint.class);
            labeled.expectedMessageCount(3);

            ProducerTemplate template = main.getCamelTemplate();
            List.of("A delicious pie", "Burnt toast", "Rude waiter").forEach(text ->
                    template.sendBody("direct:reviews", text));

            labeled.assertIsSatisfied(Duration.ofSeconds(30).toMillis());
            assertThat(labeled.getExchanges()).extracting(CamelLineCompatibilityTest::sourceAndClass)
                    .containsExactlyInAnyOrder("A delicious pie=positive", "Burnt toast=negative",
                            "Rude waiter=negative");
            assertThat(labeled.getExchanges()).allSatisfy(exchange -> {
                assertThat(exchange.getMessage().getBody()).isInstanceOf(LabelingResult.class);
                assertThat(exchange.getMessage().getHeader("json", String.class)).contains("\"class-name\"");
            });
            DescribeLabelingJobResponse job = template.requestBody("direct:describe", null,
                    DescribeLabelingJobResponse.class);
            assertThat(job.labelingJobStatus()).isEqualTo(LabelingJobStatus.IN_PROGRESS);
            assertThat(job.labelCounters().totalLabeled()).isEqualTo(3);
        } finally {
            main.stop();
        }
    }

    private static String sourceAndClass(Exchange exchange) {
        return exchange.getMessage().getHeader(SageMakerLabelingConstants.SOURCE) + "="
                + exchange.getMessage().getHeader(SageMakerLabelingConstants.CLASS_NAME);
    }

    private static Properties properties(LocalGroundTruth groundTruth) {
        String prefix = "camel.component.sagemaker-labeling.";
        Properties properties = new Properties();
        properties.put(prefix + "taskType", "textClassification");
        properties.put(prefix + "labels", "positive,negative");
        properties.put(prefix + "workteamArn", "arn:aws:sagemaker:" + groundTruth.region() + ":"
                + groundTruth.accountId() + ":workteam/private-crowd/reviewers");
        properties.put(prefix + "roleArn", "arn:aws:iam::" + groundTruth.accountId() + ":role/GroundTruth");
        properties.put(prefix + "s3OutputPath", "s3://reviews/output");
        properties.put(prefix + "autoCreateTopics", "true");
        properties.put(prefix + "region", groundTruth.region());
        properties.put(prefix + "accessKey", groundTruth.accessKeyId());
        properties.put(prefix + "secretKey", groundTruth.secretAccessKey());
        properties.put(prefix + "overrideEndpoint", "true");
        properties.put(prefix + "sageMakerEndpointOverride", groundTruth.sageMakerEndpoint().toString());
        properties.put(prefix + "snsEndpointOverride", groundTruth.snsEndpoint().toString());
        properties.put(prefix + "sqsEndpointOverride", groundTruth.sqsEndpoint().toString());
        properties.put(prefix + "s3EndpointOverride", groundTruth.s3Endpoint().toString());
        return properties;
    }
}
