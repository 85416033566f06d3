package io.github.sagemakerlabeling.camel.reliability;

import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingEndpoint;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Camel contexts whose {@code sagemaker-labeling} endpoints describe a text classification job in options ("delicious"
 * texts are labeled positive, the others negative), on the shared Local Ground Truth stack, reset before each test.
 * Each test builds its contexts itself, so it decides when they start and stop; every context is stopped after the
 * test.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
abstract class ReliabilityTestSupport {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withEngineSettings(EngineSettings.defaults().withInitializingDelay(Duration.ofMillis(100)))
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    static final String BUCKET = "reviews";
    static final Duration LABELED_WITHIN = Duration.ofSeconds(30);

    LocalGroundTruth groundTruth;
    SageMakerClient sageMaker;
    SnsClient sns;
    SqsClient sqs;
    S3Client s3;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void clientsAndBucket(LocalGroundTruth groundTruth, SageMakerClient sageMaker, SnsClient sns, SqsClient sqs,
                          S3Client s3) {
        this.groundTruth = groundTruth;
        this.sageMaker = sageMaker;
        this.sns = sns;
        this.sqs = sqs;
        this.s3 = s3;
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    /** The options of a text classification job, topics created by name. */
    String jobOptions() {
        return jobOptions(groundTruth);
    }

    static String jobOptions(LocalGroundTruth groundTruth) {
        return "taskType=textClassification&labels=positive,negative"
                + "&workteamArn=arn:aws:sagemaker:" + groundTruth.region() + ":" + groundTruth.accountId()
                + ":workteam/private-crowd/reviewers"
                + "&roleArn=arn:aws:iam::" + groundTruth.accountId() + ":role/GroundTruth"
                + "&s3OutputPath=s3://" + BUCKET + "/output"
                + "&inputTopic=reviews-in&outputTopic=reviews-out&autoCreateTopics=true";
    }

    /** A context not started yet, with the stack's clients as its beans and the routes. */
    CamelContext context(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Registry registry = context.getRegistry();
        registry.bind("sageMaker", sageMaker);
        registry.bind("sns", sns);
        registry.bind("sqs", sqs);
        registry.bind("s3", s3);
        context.addRoutes(routes);
        return track(context);
    }

    /** Stops the context after the test. */
    CamelContext track(CamelContext context) {
        contexts.add(context);
        return context;
    }

    /**
     * The routes an application of the job has: {@code direct:send} feeds the job, its labeled output goes to
     * {@code mock:labeled}; both endpoints ensure the job from their options.
     */
    RouteBuilder labelingRoutes(String jobUri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jobUri + (jobUri.contains("?") ? "&" : "?") + "waitTimeSeconds=1&delay=10").routeId("labeled")
                        .to("mock:labeled");
                from("direct:send").routeId("send").to(jobUri);
            }
        };
    }

    static SageMakerLabelingEndpoint endpoint(CamelContext context, String uri) {
        return context.getEndpoint(uri, SageMakerLabelingEndpoint.class);
    }

    static MockEndpoint labeled(CamelContext context) {
        return context.getEndpoint("mock:labeled", MockEndpoint.class);
    }

    /** The source texts of the results the mock received, in order. */
    static List<String> sources(MockEndpoint mock) {
        return mock.getExchanges().stream().map(Exchange::getMessage)
                .map(message -> message.getBody(LabelingResult.class).source().orElseThrow()).toList();
    }

    /** Checks for a second that the mocks receive nothing beyond {@code count} exchanges together. */
    static void assertNoMoreThan(int count, MockEndpoint... mocks) {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> java.util.Arrays.stream(mocks).mapToInt(MockEndpoint::getReceivedCounter).sum() == count);
    }

    /** Messages in the queue, visible or in flight. */
    int visibleAndInFlight(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
