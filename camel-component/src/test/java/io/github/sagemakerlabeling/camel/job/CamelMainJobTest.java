package io.github.sagemakerlabeling.camel.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * A Camel Main application whose job, clients and credentials come only from
 * {@code camel.component.sagemaker-labeling.*} properties: its routes name nothing but the job.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class CamelMainJobTest {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    @Test
    void anAppConfiguredOnlyByComponentPropertiesCreatesTheJobAndLabelsText(LocalGroundTruth groundTruth,
            SageMakerClient sageMaker, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("reviews"));
        Main main = new Main();
        main.setOverrideProperties(properties(groundTruth));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:reviews").to("sagemaker-labeling:main-reviews");
                from("sagemaker-labeling:main-reviews?waitTimeSeconds=1&delay=10").to("mock:labeled");
            }
        });
        main.start();
        try {
            MockEndpoint labeled = main.getCamelContext().getEndpoint("mock:labeled", MockEndpoint.class);
            labeled.expectedMessageCount(2);

            ProducerTemplate template = main.getCamelTemplate();
            List.of("A delicious pie", "Burnt toast").forEach(text -> template.sendBody("direct:reviews", text));

            labeled.assertIsSatisfied(Duration.ofSeconds(30).toMillis());
            assertThat(labeled.getExchanges()).extracting(exchange -> exchange.getMessage().getHeader(
                    SageMakerLabelingConstants.SOURCE) + "=" + exchange.getMessage().getHeader(
                    SageMakerLabelingConstants.CLASS_NAME))
                    .containsExactlyInAnyOrder("A delicious pie=positive", "Burnt toast=negative");
            assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).singleElement()
                    .satisfies(job -> assertThat(job.labelingJobName()).isEqualTo("main-reviews"));
        } finally {
            main.stop();
        }
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
