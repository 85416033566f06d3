package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Given an existing queue and the label attribute, a consumer reads the job's output with SQS permissions only: its
 * SageMaker client points at a closed port and records every call it is asked to make, and none is.
 */
class SqsOnlyConsumerTest extends ConsumerTestSupport {

    private static final String QUEUE = "reviews-sqs-only";

    private final List<String> sageMakerCalls = new CopyOnWriteArrayList<>();
    private SageMakerClient unreachableSageMaker;

    @Override
    protected void bindToRegistry(Registry registry) {
        super.bindToRegistry(registry);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        unreachableSageMaker = LocalAwsClients.configure(SageMakerClient.builder(),
                URI.create("http://127.0.0.1:" + closedPort), LOCAL.groundTruth().region())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        sageMakerCalls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                })).build();
        registry.bind("sageMaker", unreachableSageMaker);
    }

    @Override
    protected void doPostTearDown() throws Exception {
        unreachableSageMaker.close();
        super.doPostTearDown();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?outputQueue=" + QUEUE + "&labelAttributeName=mood"
                        + "&waitTimeSeconds=1&delay=10").routeId("sqsOnly").autoStartup(false)
                        .to("mock:labeled");
            }
        };
    }

    @Test
    void anExistingQueueAndTheLabelAttributeNeedNoSageMakerCall() throws Exception {
        String queue = fixture.createQueue(QUEUE, 30);
        String line = "{\"source\":\"from SQS only\",\"mood\":\"1\",\"mood-metadata\":{\"class-name\":\"positive\","
                + "\"confidence\":0.8,\"type\":\"groundtruth/text-classification\",\"job-name\":\"reviews\","
                + "\"human-annotated\":\"yes\",\"creation-date\":\"2020-10-18T22:18:13.527256\"}}";
        fixture.sqs.sendMessage(b -> b.queueUrl(queue).messageBody(line));
        MockEndpoint labeled = getMockEndpoint("mock:labeled");
        labeled.expectedMessageCount(1);

        context.getRouteController().startRoute("sqsOnly");

        labeled.assertIsSatisfied(Duration.ofSeconds(15).toMillis());
        assertThat(sources(labeled)).containsExactly("from SQS only");
        awaitDrained(queue);
        context.getRouteController().stopRoute("sqsOnly");
        assertThat(sageMakerCalls).as("calls that reached the SageMaker client").isEmpty();
    }
}
