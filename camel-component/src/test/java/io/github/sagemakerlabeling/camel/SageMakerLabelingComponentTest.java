package io.github.sagemakerlabeling.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.MalformedOutputException;
import io.github.sagemakerlabeling.core.service.PublishedObject;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The component end to end on Local Ground Truth: create a job, feed it from a route, route its labeled output. */
class SageMakerLabelingComponentTest extends CamelTestSupport {

    private static LocalGroundTruth local;
    private static SageMakerClient sageMaker;
    private static SnsClient sns;
    private static SqsClient sqs;
    private static S3Client s3;
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    /** Each test's own audit queue, so a consumer of an earlier test's context never takes this test's messages. */
    private String auditQueueName;

    @BeforeAll
    static void startLocalGroundTruth() {
        local = LocalGroundTruth.builder()
                .workers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build())
                .start();
        sageMaker = local.sageMakerClient();
        sns = local.snsClient();
        sqs = local.sqsClient();
        s3 = local.s3Client();
    }

    @AfterAll
    static void stopLocalGroundTruth() {
        sageMaker.close();
        sns.close();
        sqs.close();
        s3.close();
        local.close();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        // One bean of each client type: the component autowires them.
        registry.bind("sageMaker", sageMaker);
        registry.bind("sns", sns);
        registry.bind("sqs", sqs);
        registry.bind("s3", s3);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        auditQueueName = "reviews-audit-" + CONTEXTS.incrementAndGet();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("sagemaker-labeling:reviews?operation=createJob");
                from("direct:send").to("sagemaker-labeling:reviews");
                from("direct:sendAll").to("sagemaker-labeling:reviews?operation=sendDataObjects");
                from("direct:describe").to("sagemaker-labeling:reviews?operation=describeJob");

                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10").routeId("labeled")
                        .process(exchange -> {
                            if (FAILURES_LEFT.getAndDecrement() > 0) {
                                throw new IllegalStateException("the onward system is down");
                            }
                        })
                        .to("mock:labeled");

                from("sagemaker-labeling:reviews?outputQueueName=" + auditQueueName + "&waitTimeSeconds=1&delay=10")
                        .routeId("audit")
                        .errorHandler(deadLetterChannel("mock:dead").maximumRedeliveries(0))
                        .to("mock:audit");
            }
        };
    }

    @Test
    void aRouteCreatesTheJobFeedsItAndReceivesEveryObjectLabeledOnce() throws Exception {
        Exchange created = template.request("direct:create", e -> e.getMessage().setBody(spec("reviews")));
        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getHeader(SageMakerLabelingConstants.JOB_CREATED, Boolean.class)).isTrue();

        MockEndpoint labeled = getMockEndpoint("mock:labeled");
        labeled.expectedMessageCount(4);
        FAILURES_LEFT.set(1);

        Exchange sent = template.request("direct:send", e -> e.getMessage().setBody("The food was delicious"));
        assertThat(sent.getMessage().getHeader(SageMakerLabelingConstants.MESSAGE_ID, String.class)).isNotBlank();
        assertThat(sent.getMessage().getHeader(SageMakerLabelingConstants.DEDUP_ID, String.class)).hasSize(64);
        template.sendBody("direct:send", "The food was delicious");
        template.sendBody("direct:send", "s3://images/cat.jpg");
        @SuppressWarnings("unchecked")
        List<PublishedObject> batch = template.requestBody("direct:sendAll",
                List.of("The service was slow", Map.of("source", "Too loud", "table", 4)), List.class);
        assertThat(batch).hasSize(2);

        labeled.assertIsSatisfied(Duration.ofSeconds(30).toMillis());
        List<LabelingResult> results = labeled.getExchanges().stream()
                .map(e -> e.getMessage().getBody(LabelingResult.class)).toList();
        assertThat(results).extracting(r -> r.source().or(r::sourceRef).orElseThrow()).containsExactlyInAnyOrder(
                "The food was delicious", "s3://images/cat.jpg", "The service was slow", "Too loud");
        Exchange first = labeled.getExchanges().stream()
                .filter(e -> "The food was delicious".equals(e.getMessage().getHeader(SageMakerLabelingConstants.SOURCE)))
                .findFirst().orElseThrow();
        assertThat(first.getMessage().getHeader(SageMakerLabelingConstants.CLASS_NAME)).isEqualTo("positive");
        assertThat(first.getMessage().getBody(LabelingResult.class).annotation(ClassLabel.class).className())
                .isEqualTo("positive");
        assertThat(first.getMessage().getHeader(SageMakerLabelingConstants.JOB_NAME)).isEqualTo("reviews");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            DescribeLabelingJobResponse job = template.requestBody("direct:describe", null, DescribeLabelingJobResponse.class);
            assertThat(job.labelCounters()).isEqualTo(LabelCounters.builder().totalLabeled(4).humanLabeled(4)
                    .machineLabeled(0).failedNonRetryableError(0).unlabeled(0).build());
        });
        assertThat(FAILURES_LEFT.get()).as("one exchange failed, and its output was delivered again").isNegative();
    }

    @Test
    void anOutputMessageThatIsNotAnOutputLineReachesTheErrorHandlerWithItsRawText() throws Exception {
        template.request("direct:create", e -> e.getMessage().setBody(spec("reviews")));
        String auditQueue = await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> sqs.getQueueUrl(b -> b.queueName(auditQueueName)).queueUrl(), url -> url != null);
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        dead.expectedHeaderReceived(SageMakerLabelingConstants.RAW_OUTPUT, "not an output line");

        sqs.sendMessage(b -> b.queueUrl(auditQueue).messageBody("not an output line"));

        dead.assertIsSatisfied(Duration.ofSeconds(15).toMillis());
        assertThat(dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(MalformedOutputException.class);
        assertThat(getMockEndpoint("mock:audit").getExchanges())
                .noneMatch(e -> "not an output line".equals(e.getMessage().getBody()));
    }

    private static LabelingJobSpec spec(String name) {
        try (S3Client s3 = local.s3Client()) {
            if (s3.listBuckets().buckets().stream().noneMatch(bucket -> bucket.name().equals("reviews"))) {
                s3.createBucket(b -> b.bucket("reviews"));
            }
            s3.putObject(b -> b.bucket("reviews").key("labels.json"),
                    RequestBody.fromString(LabelCategoryConfig.of("positive", "negative").toJson()));
        }
        return LabelingJobSpec.builder()
                .region(local.region())
                .taskType(TaskType.TEXT_CLASSIFICATION)
                .labelingJobName(name)
                .labelAttributeName("sentiment")
                .inputSnsTopicArn(sns.createTopic(b -> b.name("GroundTruth-reviews-in")).topicArn())
                .outputSnsTopicArn(sns.createTopic(b -> b.name("GroundTruth-reviews-out")).topicArn())
                .s3OutputPath("s3://reviews/output")
                .roleArn("arn:aws:iam::" + local.accountId() + ":role/GroundTruth")
                .labelCategoryConfigS3Uri("s3://reviews/labels.json")
                .workteamArn("arn:aws:sagemaker:" + local.region() + ":" + local.accountId() + ":workteam/private-crowd/t")
                .uiTemplateS3Uri("s3://reviews/template.html")
                .taskTitle("Review sentiment")
                .taskDescription("Is the review positive or negative?")
                .numberOfHumanWorkersPerDataObject(1)
                .taskTimeLimitInSeconds(300)
                .build();
    }
}
