package io.github.sagemakerlabeling.camel.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.List;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * A YAML DSL route whose endpoints describe the job and reach Local Ground Truth through options alone, on Camel's
 * test kit: the shared stack's extension is static, so its reset runs before CamelTestSupport builds each context.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class YamlRouteJobTest extends CamelTestSupport {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    @Test
    void theYamlRoutesCreateTheJobFeedItAndReceiveTypedResults(SageMakerClient sageMaker, S3Client s3)
            throws Exception {
        s3.createBucket(b -> b.bucket("reviews"));
        MockEndpoint labeled = getMockEndpoint("mock:labeled");
        labeled.expectedMessageCount(3);

        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context,
                "classpath:job/reviews.camel.yaml"));
        List.of("A delicious pie", "Burnt toast", "Rude waiter").forEach(text ->
                template.sendBody("direct:reviews", text));

        labeled.assertIsSatisfied(Duration.ofSeconds(30).toMillis());
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).singleElement()
                .satisfies(job -> assertThat(job.labelingJobName()).isEqualTo("yaml-reviews"));
        assertThat(labeled.getExchanges()).allSatisfy(exchange ->
                assertThat(exchange.getMessage().getBody()).isInstanceOf(LabelingResult.class));
        assertThat(labeled.getExchanges()).extracting(exchange -> exchange.getMessage().getHeader(
                SageMakerLabelingConstants.SOURCE) + "=" + exchange.getMessage().getHeader(
                SageMakerLabelingConstants.CLASS_NAME)).containsExactlyInAnyOrder("A delicious pie=positive",
                "Burnt toast=negative", "Rude waiter=negative");
    }
}
