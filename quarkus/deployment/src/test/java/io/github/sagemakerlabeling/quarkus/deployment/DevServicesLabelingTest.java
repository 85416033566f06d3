package io.github.sagemakerlabeling.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingComponent;
import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/**
 * An app that configures no endpoint: Dev Services start Local Ground Truth, point the component at it, and the
 * app's routes create a streaming job there and get every text back labeled by the configured workers.
 */
class DevServicesLabelingTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(app -> app.addClasses(LabelingRoutes.class, LabeledTexts.class))
            .overrideConfigKey("quarkus.camel.sagemaker-labeling.task-type", "textClassification")
            .overrideConfigKey("quarkus.camel.sagemaker-labeling.labels", "positive,negative")
            .overrideConfigKey("quarkus.camel.sagemaker-labeling.task-title", "From the config mapping")
            .overrideConfigKey("quarkus.camel.sagemaker-labeling.task-description", "Is the review positive?")
            .overrideConfigKey("quarkus.camel.sagemaker-labeling.auto-create-topics", "true")
            .overrideConfigKey("camel.component.sagemaker-labeling.taskTitle", "Review sentiment")
            .overrideConfigKey("quarkus.camel.sagemaker-labeling.devservices.workers",
                    "keywords:delicious=positive,*=negative");

    @Inject
    CamelContext camel;

    @Inject
    ProducerTemplate producer;

    @Inject
    LabeledTexts labeled;

    @Test
    void devServicesStartLocalGroundTruthAndTheRoutesLabelThroughIt() {
        String sageMakerEndpoint = property("local-ground-truth.sagemaker");
        assertThat(property("quarkus.camel.sagemaker-labeling.workteam-arn")).contains(":workteam/");
        assertThat(sageMakerEndpoint).startsWith("http://127.0.0.1:");
        assertThat(property("quarkus.camel.sagemaker-labeling.endpoint.sagemaker")).isEqualTo(sageMakerEndpoint);

        SageMakerLabelingConfiguration component = camel.getComponent("sagemaker-labeling",
                SageMakerLabelingComponent.class).getConfiguration();
        assertThat(component.getSageMakerEndpointOverride()).isEqualTo(sageMakerEndpoint);
        assertThat(component.getSqsEndpointOverride()).isEqualTo(property("local-ground-truth.sqs"));
        assertThat(component.isOverrideEndpoint()).isTrue();
        assertThat(component.getWorkteamArn()).endsWith(":workteam/private-crowd/dev-services");
        assertThat(component.getS3OutputPath()).isEqualTo("s3://labeling/output");
        // camel.component.sagemaker-labeling.* wins over the config mapping
        assertThat(component.getTaskTitle()).isEqualTo("Review sentiment");

        producer.sendBody(LabelingRoutes.JOB, "The soup was delicious");
        producer.sendBody(LabelingRoutes.JOB, "Cold fries and a long wait");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(labeled.labels()).isEqualTo(Map.of(
                "The soup was delicious", "positive",
                "Cold fries and a long wait", "negative")));
        try (SageMakerClient sageMaker = SageMakerClient.builder()
                .endpointOverride(URI.create(sageMakerEndpoint))
                .region(Region.of(property("local-ground-truth.region")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        property("local-ground-truth.access-key"), property("local-ground-truth.secret-key"))))
                .build()) {
            assertThat(sageMaker.describeLabelingJob(job -> job.labelingJobName("dev-services-reviews"))
                    .labelingJobStatus()).isEqualTo(LabelingJobStatus.IN_PROGRESS);
        }
    }

    private static String property(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }
}
