package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.camel.client.DefaultSageMakerLabelingClientFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An endpoint builds only the clients it uses: a consumer of an existing queue builds an SQS client and nothing else
 * (no client beans here: the registry's one factory, which the component autowires, builds them and records
 * what it built).
 */
class LazyClientsTest extends ConsumerTestSupport {

    private static final String QUEUE = "reviews-lazy";

    private final List<String> built = new CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        // No client beans: every client comes from the factory.
        registry.bind("recordingFactory", new DefaultSageMakerLabelingClientFactory() {
            @Override
            public SageMakerClient sageMaker(SageMakerLabelingConfiguration configuration) {
                built.add("sagemaker");
                return super.sageMaker(configuration);
            }

            @Override
            public SnsClient sns(SageMakerLabelingConfiguration configuration) {
                built.add("sns");
                return super.sns(configuration);
            }

            @Override
            public SqsClient sqs(SageMakerLabelingConfiguration configuration) {
                built.add("sqs");
                return super.sqs(configuration);
            }

            @Override
            public S3Client s3(SageMakerLabelingConfiguration configuration) {
                built.add("s3");
                return super.s3(configuration);
            }
        });
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                var local = LOCAL.groundTruth();
                from("sagemaker-labeling:reviews?outputQueue=" + QUEUE + "&labelAttributeName=mood"
                        + "&waitTimeSeconds=1&delay=10&region=" + local.region() + "&accessKey=local&secretKey=local"
                        + "&overrideEndpoint=true&uriEndpointOverride=" + local.sageMakerEndpoint()
                        + "&sqsEndpointOverride=" + local.sqsEndpoint())
                        .routeId("lazy").autoStartup(false).to("mock:labeled");
            }
        };
    }

    @Test
    void aConsumerOfAnExistingQueueBuildsOnlyAnSqsClient() throws Exception {
        String queue = fixture.createQueue(QUEUE, 30);
        fixture.sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"source\":\"lazy\",\"mood\":\"1\","
                + "\"mood-metadata\":{\"class-name\":\"positive\",\"confidence\":0.8,"
                + "\"type\":\"groundtruth/text-classification\",\"job-name\":\"reviews\",\"human-annotated\":\"yes\","
                + "\"creation-date\":\"2020-10-18T22:18:13.527256\"}}"));
        MockEndpoint labeled = getMockEndpoint("mock:labeled");
        labeled.expectedMessageCount(1);

        context.getRouteController().startRoute("lazy");

        labeled.assertIsSatisfied(Duration.ofSeconds(15).toMillis());
        awaitDrained(queue);
        context.getRouteController().stopRoute("lazy");
        assertThat(built).containsExactly("sqs");
    }
}
