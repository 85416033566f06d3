package io.github.sagemakerlabeling.compat.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingComponent;
import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension.Reset;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The starter on Spring Boot 4 with camel-spring-boot 4.22: the job configured only by
 * {@code camel.component.sagemaker-labeling.*} properties is created, fed and its results routed.
 *
 * <p>The extension in a static field starts the stack and publishes its endpoints before Spring creates the context;
 * the stack is reset once before the class, so the job the app's routes hold survives.
 */
@SpringBootTest(classes = ReviewApp.class)
@DirtiesContext
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class SpringBoot4AppTest {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withReset(Reset.BEFORE_EACH_CLASS)
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    /** The bucket of the job's output path, which in AWS would exist before the app. */
    @BeforeAll
    static void outputBucket() {
        try (S3Client s3 = LOCAL.groundTruth().s3Client()) {
            s3.createBucket(b -> b.bucket("boot4-reviews"));
        }
    }

    @Test
    void theStarterConfiguresTheComponentAndTheAppLabelsReviews(SageMakerClient sageMaker) throws Exception {
        assertThat(SpringBootVersion.getVersion()).startsWith("4.0.");
        assertThat(camelContext.getVersion()).isEqualTo("4.22.0");
        SageMakerLabelingComponent component = camelContext.getComponent("sagemaker-labeling",
                SageMakerLabelingComponent.class);
        assertThat(component.getConfiguration().getTaskType()).as("bound from application.yaml")
                .isEqualTo("textClassification");

        MockEndpoint labeled = camelContext.getEndpoint("mock:labeled", MockEndpoint.class);
        labeled.expectedMessageCount(2);
        List.of("A delicious pie", "Burnt toast").forEach(text -> template.sendBody("direct:reviews", text));

        labeled.assertIsSatisfied(Duration.ofSeconds(30).toMillis());
        assertThat(labeled.getExchanges()).extracting(exchange -> exchange.getMessage().getHeader(
                SageMakerLabelingConstants.SOURCE) + "=" + exchange.getMessage().getHeader(
                SageMakerLabelingConstants.CLASS_NAME))
                .containsExactlyInAnyOrder("A delicious pie=positive", "Burnt toast=negative");
        assertThat(labeled.getExchanges()).allSatisfy(exchange -> assertThat(exchange.getMessage().getBody(
                String.class)).contains("\"class-name\""));
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).singleElement()
                .satisfies(job -> assertThat(job.labelingJobName()).isEqualTo("boot4-reviews"));
    }
}
