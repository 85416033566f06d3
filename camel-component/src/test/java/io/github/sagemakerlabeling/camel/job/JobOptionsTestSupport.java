package io.github.sagemakerlabeling.camel.job;

import io.github.sagemakerlabeling.camel.SageMakerLabelingEndpoint;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
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

/**
 * Camel contexts whose {@code sagemaker-labeling} endpoints describe a text classification job in options, on the
 * shared Local Ground Truth stack (reset before each test, before any context of the test is built). Each test builds
 * its contexts itself, so it decides when routes start and sees start failures; every context is stopped after the
 * test. The reliability suite builds on it.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
public abstract class JobOptionsTestSupport {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    protected static final String BUCKET = "reviews";

    protected LocalGroundTruth groundTruth;
    protected SageMakerClient sageMaker;
    protected SnsClient sns;
    protected SqsClient sqs;
    protected S3Client s3;
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

    /** The options of a text classification job named by the endpoint, topics created by name. */
    protected String jobOptions() {
        return jobOptions(groundTruth);
    }

    /** The options of a text classification job on the given stack, topics created by name. */
    public static String jobOptions(LocalGroundTruth groundTruth) {
        return "taskType=textClassification&labels=positive,negative"
                + "&workteamArn=arn:aws:sagemaker:" + groundTruth.region() + ":" + groundTruth.accountId()
                + ":workteam/private-crowd/reviewers"
                + "&roleArn=arn:aws:iam::" + groundTruth.accountId() + ":role/GroundTruth"
                + "&s3OutputPath=s3://" + BUCKET + "/output"
                + "&inputTopic=reviews-in&outputTopic=reviews-out&autoCreateTopics=true";
    }

    /** A context not started yet, with the stack's clients as its beans and the routes. */
    protected CamelContext context(RouteBuilder routes) throws Exception {
        return context(routes, sageMaker, sns, sqs, s3);
    }

    CamelContext context(RouteBuilder routes, SageMakerClient sageMaker, SnsClient sns, SqsClient sqs, S3Client s3)
            throws Exception {
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
    protected CamelContext track(CamelContext context) {
        contexts.add(context);
        return context;
    }

    /** A context with one route sending {@code direct:send} to the endpoint. */
    CamelContext producer(String endpointUri) throws Exception {
        return context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(endpointUri);
            }
        });
    }

    protected static SageMakerLabelingEndpoint endpoint(CamelContext context, String uri) {
        return context.getEndpoint(uri, SageMakerLabelingEndpoint.class);
    }

    String contentOf(String s3Uri) {
        String rest = s3Uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return s3.getObjectAsBytes(b -> b.bucket(rest.substring(0, slash)).key(rest.substring(slash + 1)))
                .asUtf8String();
    }
}
