package io.github.sagemakerlabeling.camel.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.camel.SageMakerLabelingOperations;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.MalformedOutputException;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSummary;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The catalogue of bad input: each case gets one clear exception naming the field (or option), the value and the
 * rule. Job, sending and receiving options are refused when the route starts, before any AWS call (no request is
 * made, and Local Ground Truth has no new job, topic, queue or object). Bad bodies fail their exchange before anything
 * is sent, and output messages that are not output lines fail theirs; in both cases the application goes on labeling:
 * a good object sent after the bad input is labeled and routed.
 *
 * <p>One application (a producer and a consumer route of job {@code reviews}) runs through the whole table; the
 * stack is reset once, before the class.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class BadInputCatalogueTest {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withEngineSettings(EngineSettings.defaults().withInitializingDelay(Duration.ofMillis(100)))
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build())
            .withReset(LocalGroundTruthExtension.Reset.BEFORE_EACH_CLASS);

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "000000000000";
    private static final String PUBLIC_CROWD = "arn:aws:sagemaker:" + REGION + ":394669845002:workteam/public-crowd/default";
    private static final String BUCKET = "reviews";
    private static final Duration LABELED_WITHIN = Duration.ofSeconds(30);

    private static LocalGroundTruth groundTruth;
    private static SageMakerClient sageMaker;
    private static SnsClient sns;
    private static SqsClient sqs;
    private static S3Client s3;
    /** Calls the running application made through its SageMaker, SNS and S3 clients (its consumer uses SQS). */
    private static final AtomicInteger applicationCalls = new AtomicInteger();
    private static final List<AutoCloseable> applicationClients = new ArrayList<>();
    private static CamelContext application;
    private static ProducerTemplate template;
    private static MockEndpoint labeled;
    private static MockEndpoint malformed;
    private static String outputQueue;
    private static final AtomicInteger goodObjects = new AtomicInteger();
    /** Calls made through the clients of the contexts whose start must fail. */
    private static final AtomicInteger startCalls = new AtomicInteger();
    private static final Map<String, Object> startClients = new LinkedHashMap<>();

    @BeforeAll
    static void startTheApplication() throws Exception {
        groundTruth = LOCAL.groundTruth();
        assertThat(groundTruth.region()).isEqualTo(REGION);
        assertThat(groundTruth.accountId()).isEqualTo(ACCOUNT);
        sageMaker = groundTruth.sageMakerClient();
        sns = groundTruth.snsClient();
        sqs = groundTruth.sqsClient();
        s3 = groundTruth.s3Client();
        s3.createBucket(b -> b.bucket(BUCKET));

        startClients.put("sageMaker", own(counted(SageMakerClient.builder(), groundTruth.sageMakerEndpoint(),
                startCalls).build()));
        startClients.put("sns", own(counted(SnsClient.builder(), groundTruth.snsEndpoint(), startCalls).build()));
        startClients.put("sqs", own(counted(SqsClient.builder(), groundTruth.sqsEndpoint(), startCalls).build()));
        startClients.put("s3", own(counted(S3Client.builder(), groundTruth.s3Endpoint(), startCalls)
                .forcePathStyle(true).build()));

        application = new DefaultCamelContext();
        Registry registry = application.getRegistry();
        registry.bind("sageMaker", own(counted(SageMakerClient.builder(), groundTruth.sageMakerEndpoint(),
                applicationCalls).build()));
        registry.bind("sns", own(counted(SnsClient.builder(), groundTruth.snsEndpoint(), applicationCalls).build()));
        registry.bind("sqs", sqs);
        registry.bind("s3", own(counted(S3Client.builder(), groundTruth.s3Endpoint(), applicationCalls)
                .forcePathStyle(true).build()));
        String job = "sagemaker-labeling:reviews?" + jobOptions(Map.of());
        application.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(job + "&waitTimeSeconds=1&delay=10").routeId("labeled")
                        .onException(MalformedOutputException.class).handled(true).to("mock:malformed").end()
                        .to("mock:labeled");
                from("direct:send").routeId("send").errorHandler(noErrorHandler()).to(job);
            }
        });
        application.start();
        template = application.createProducerTemplate();
        labeled = application.getEndpoint("mock:labeled", MockEndpoint.class);
        malformed = application.getEndpoint("mock:malformed", MockEndpoint.class);
        outputQueue = sqs.getQueueUrl(b -> b.queueName("reviews-output")).queueUrl();
        aGoodObjectIsLabeled("warm-up");
    }

    @AfterAll
    static void stopTheApplication() throws Exception {
        if (application != null) {
            application.stop();
        }
        applicationClients.addAll(Stream.of(sageMaker, sns, sqs, s3).filter(Objects::nonNull).toList());
        for (AutoCloseable client : applicationClients) {
            client.close();
        }
        applicationClients.clear();
        startClients.clear();
    }

    static Stream<BadInput> badInputs() {
        String otherRegionTopic = "arn:aws:sns:eu-west-1:" + ACCOUNT + ":catalogue-in";
        String entityUi = "arn:aws:sagemaker:" + REGION + ":394669845002:human-task-ui/NamedEntityRecognition";
        Map<String, String> fiftyOneTags = new LinkedHashMap<>();
        IntStream.range(0, 51).forEach(i -> fiftyOneTags.put("key" + i, "value"));
        String tags = fiftyOneTags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        String longText = "x".repeat(20_001);
        String longAttribute = "y".repeat(19_000);
        Map<String, Object> sixLongAttributes = new LinkedHashMap<>();
        sixLongAttributes.put("source", "Six long notes");
        IntStream.range(0, 6).forEach(i -> sixLongAttributes.put("note" + i, longAttribute));
        return Stream.of(
                // Job names
                BadInput.jobName("job name with an underscore", "reviews_2024",
                        "LabelingJobName", "'reviews_2024'",
                        "must be letters, digits and hyphens, start and end with a letter or digit"),
                BadInput.jobName("job name ending in a hyphen", "catalogue-",
                        "LabelingJobName", "'catalogue-'",
                        "must be letters, digits and hyphens, start and end with a letter or digit"),
                BadInput.jobName("job name of 64 characters", "c".repeat(64),
                        "LabelingJobName", "'" + "c".repeat(64) + "'", "must be 1 to 63 characters long, is 64"),
                // Label attribute names
                BadInput.options("label attribute name containing -metadata",
                        Map.of("labelAttributeName", "sentiment-metadata"),
                        "labelAttributeName (LabelAttributeName)", "'sentiment-metadata'",
                        "must not contain '-metadata': Ground Truth adds '<label attribute>-metadata'"),
                BadInput.options("label attribute name ending in -ref for text classification",
                        Map.of("labelAttributeName", "sentiment-ref"),
                        "labelAttributeName (LabelAttributeName)", "'sentiment-ref'",
                        "must not end with '-ref' for Text classification (single label) jobs"),
                BadInput.options("label attribute name without -ref for semantic segmentation",
                        Map.of("taskType", "semanticSegmentation", "labelAttributeName", "mask"),
                        "labelAttributeName (LabelAttributeName)", "'mask'",
                        "must end with '-ref' for Image semantic segmentation jobs, whose labels are S3 references"),
                BadInput.options("label attribute name 'source'", Map.of("labelAttributeName", "source"),
                        "labelAttributeName (LabelAttributeName)", "'source'",
                        "'source' and 'source-ref' are reserved for the data object"),
                BadInput.options("label attribute name with a dollar sign", Map.of("labelAttributeName", "sent$"),
                        "labelAttributeName (LabelAttributeName)", "'sent$'", "must not contain '$'"),
                BadInput.options("label attribute name with an underscore",
                        Map.of("labelAttributeName", "sentiment_label"),
                        "labelAttributeName (LabelAttributeName)", "'sentiment_label'",
                        "must be letters, digits and hyphens, start and end with a letter or digit"),
                // Task type and labels
                BadInput.options("unknown task type", Map.of("taskType", "sentimentAnalysis"),
                        "taskType", "'sentimentAnalysis'", "must be one of the supported task types: "),
                BadInput.options("one label for single-label text classification", Map.of("labels", "positive"),
                        "labelCategoryConfig.labels", "1",
                        "at least 2 labels are required for Text classification (single label) jobs"),
                BadInput.options("the same label twice", Map.of("labels", "positive,positive"),
                        "labelCategoryConfig.labels[1].label", "'positive'",
                        "must be unique among labels, but labels[0].label has the same value"),
                BadInput.options("label category file that does not exist",
                        with("labels", null, "labelCategoryConfig", "classpath:reliability/no-such-labels.json"),
                        "labelCategoryConfig", "'classpath:reliability/no-such-labels.json'",
                        "names no readable file"),
                BadInput.options("label category file that is not JSON",
                        with("labels", null, "labelCategoryConfig", "classpath:reliability/not-json-labels.json"),
                        "labelCategoryConfig(classpath:reliability/not-json-labels.json).document",
                        "'{\"document-version\"", "is not valid JSON: "),
                // Workforce and content
                BadInput.options("unknown content classifier", Map.of("contentClassifiers", "FreeOfAdults"),
                        "contentClassifiers (InputConfig.DataAttributes.ContentClassifiers[0])", "'FreeOfAdults'",
                        "must be one of FreeOfAdultContent, FreeOfPersonallyIdentifiableInformation"),
                BadInput.options("work team in another region", Map.of("workteamArn",
                                "arn:aws:sagemaker:eu-west-1:" + ACCOUNT + ":workteam/private-crowd/reviewers"),
                        "workteamArn (HumanTaskConfig.WorkteamArn)",
                        "'arn:aws:sagemaker:eu-west-1:" + ACCOUNT + ":workteam/private-crowd/reviewers'",
                        "the work team must be in the job's region (us-east-1), this one is in 'eu-west-1'"),
                BadInput.options("public work team without the PII classifier", Map.of("workteamArn", PUBLIC_CROWD,
                                "publicWorkforceTaskPrice", "0.036"),
                        "contentClassifiers (InputConfig.DataAttributes.ContentClassifiers)", "'[]'",
                        "must contain FreeOfPersonallyIdentifiableInformation when the public (Mechanical Turk)"
                                + " workforce is used, or the job fails"),
                BadInput.options("public task price with four decimals", Map.of("workteamArn", PUBLIC_CROWD,
                                "contentClassifiers", "FreeOfPersonallyIdentifiableInformation",
                                "publicWorkforceTaskPrice", "0.0365"),
                        "publicWorkforceTaskPrice", "'0.0365'",
                        "must be a US dollar amount with at most three decimals, such as 0.036"),
                BadInput.options("role ARN of a user", Map.of("roleArn", "arn:aws:iam::" + ACCOUNT + ":user/labeler"),
                        "roleArn (RoleArn)", "'arn:aws:iam::" + ACCOUNT + ":user/labeler'",
                        "must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)"),
                BadInput.options("no role", with("roleArn", null), "roleArn (RoleArn)", "null", "is required"),
                // Tags
                BadInput.options("tag without a value", Map.of("tags", "project"),
                        "tags", "'project'", "must be key=value pairs separated by commas"),
                BadInput.options("tag key with an asterisk", Map.of("tags", "cost*center=42"),
                        "tags (Tags[0].Key)", "'cost*center'", "must be letters, digits, spaces and _ . : / = + - @"),
                BadInput.options("tag value of 257 characters", Map.of("tags", "note=" + "v".repeat(257)),
                        "tags (Tags[0].Value)", "'vvvvv", "must be 0 to 256 characters long, is 257"),
                BadInput.options("51 tags", Map.of("tags", tags), "tags (Tags)", "51", "must have at most 50 tags"),
                BadInput.options("tag key starting with aws:", Map.of("tags", "aws:project=reviews"),
                        "tags (Tags[0].Key)", "'aws:project'", "must not start with 'aws:' (in any case)"),
                BadInput.options("tag key starting with AWS:", Map.of("tags", "team=data,AWS:Project=reviews"),
                        "tags (Tags[1].Key)", "'AWS:Project'", "AWS reserves that prefix for its own tags"),
                // Numbers
                BadInput.options("no workers per object", Map.of("numberOfHumanWorkersPerDataObject", "0"),
                        "numberOfHumanWorkersPerDataObject (HumanTaskConfig.NumberOfHumanWorkersPerDataObject)",
                        "0", "must be between 1 and 9"),
                BadInput.options("ten workers per object", Map.of("numberOfHumanWorkersPerDataObject", "10"),
                        "numberOfHumanWorkersPerDataObject (HumanTaskConfig.NumberOfHumanWorkersPerDataObject)",
                        "10", "must be between 1 and 9"),
                BadInput.options("task time limit under 30 seconds", Map.of("taskTimeLimitInSeconds", "29"),
                        "taskTimeLimitInSeconds (HumanTaskConfig.TaskTimeLimitInSeconds)", "29",
                        "must be between 30 and 28800"),
                BadInput.options("task time limit over 8 hours", Map.of("taskTimeLimitInSeconds", "28801"),
                        "taskTimeLimitInSeconds (HumanTaskConfig.TaskTimeLimitInSeconds)", "28801",
                        "must be between 30 and 28800"),
                BadInput.options("task availability under a minute",
                        Map.of("taskAvailabilityLifetimeInSeconds", "59"),
                        "taskAvailabilityLifetimeInSeconds (HumanTaskConfig.TaskAvailabilityLifetimeInSeconds)", "59",
                        "must be between 60 and 2592000"),
                BadInput.options("no concurrent tasks", Map.of("maxConcurrentTaskCount", "0"),
                        "maxConcurrentTaskCount (HumanTaskConfig.MaxConcurrentTaskCount)", "0",
                        "must be between 1 and 5000"),
                // S3 locations
                BadInput.options("artifact prefix outside S3", Map.of("artifactS3Prefix", "reviews/artifacts"),
                        "artifactS3Prefix", "'reviews/artifacts'", "must be an s3://bucket/prefix location"),
                BadInput.options("artifact prefix with an invalid bucket",
                        Map.of("artifactS3Prefix", "s3://Reviews_Bucket/artifacts"),
                        "artifactS3Prefix", "'s3://Reviews_Bucket/artifacts'",
                        "bucket name 'Reviews_Bucket' may contain only lowercase letters, digits, dots and hyphens"),
                BadInput.options("upload bucket with an invalid name", Map.of("uploadBucket", "Bad_Bucket"),
                        "uploadBucket", "'Bad_Bucket'",
                        "bucket name 'Bad_Bucket' may contain only lowercase letters, digits, dots and hyphens"),
                // Topics
                BadInput.options("input topic in another region", Map.of("inputTopic", otherRegionTopic),
                        "inputTopic (InputConfig.DataSource.SnsDataSource.SnsTopicArn)", "'" + otherRegionTopic + "'",
                        "SNS topics must be in the job's region (us-east-1), this one is in 'eu-west-1'"),
                BadInput.options("output topic in another region", Map.of("outputTopic", otherRegionTopic),
                        "outputTopic (OutputConfig.SnsTopicArn)", "'" + otherRegionTopic + "'",
                        "SNS topics must be in the job's region (us-east-1), this one is in 'eu-west-1'"),
                BadInput.options("input topic name with a space", Map.of("inputTopic", "catalogue in"),
                        "inputTopic", "'catalogue in'",
                        "must be an SNS topic ARN, or a topic name of 1 to 256 letters, digits, hyphens and"
                                + " underscores"),
                BadInput.options("output topic that is a queue's ARN",
                        Map.of("outputTopic", "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":catalogue-out"),
                        "outputTopic (OutputConfig.SnsTopicArn)",
                        "'arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":catalogue-out'",
                        "must be an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)"),
                // Task text and keys
                BadInput.options("KMS key with a space", Map.of("kmsKeyId", "alias/my key"),
                        "kmsKeyId (OutputConfig.KmsKeyId)", "'alias/my key'",
                        "must be a KMS key id, alias or ARN"),
                BadInput.options("six task keywords", Map.of("taskKeywords", "a,b,c,d,e,f"),
                        "taskKeywords (HumanTaskConfig.TaskKeywords)", "'[a, b, c, d, e, f]'",
                        "must have 1 to 5 keywords when given"),
                BadInput.options("task keyword with a hyphen", Map.of("taskKeywords", "food,fast-food"),
                        "taskKeywords (HumanTaskConfig.TaskKeywords[1])", "'fast-food'",
                        "must be words of letters and digits separated by single spaces"),
                BadInput.options("task title of 129 characters", Map.of("taskTitle", "T".repeat(129)),
                        "taskTitle (HumanTaskConfig.TaskTitle)", "'TTTTT", "must be 1 to 128 characters long, is 129"),
                // Sending and receiving
                BadInput.options("no publish attempts", Map.of("maxPublishAttempts", "0"),
                        "maxPublishAttempts", "0", "must be at least 1"),
                BadInput.options("no batch senders", Map.of("batching", "true", "batchSenders", "0"),
                        "batchSenders", "0", "must be at least 1"),
                BadInput.options("negative batch wait", Map.of("batching", "true", "batchMaxWait", "-1"),
                        "batchMaxWait", "-1", "must be at least 0"),
                BadInput.consumerOptions("long poll of 21 seconds", Map.of("waitTimeSeconds", "21"),
                        "waitTimeSeconds", "21", "must be between 0 and 20"),
                BadInput.consumerOptions("11 messages a poll", Map.of("maxMessagesPerPoll", "11"),
                        "maxMessagesPerPoll", "11", "must be between 1 and 10"),
                BadInput.consumerOptions("no concurrent consumers", Map.of("concurrentConsumers", "0"),
                        "concurrentConsumers", "0", "must be at least 1"),

                // S3 output, labels and the worker UI
                BadInput.options("S3 output path without a scheme (artifacts elsewhere)",
                        Map.of("s3OutputPath", "reviews/output",
                                "artifactS3Prefix", "s3://reviews/catalogue/artifacts"),
                        "s3OutputPath (OutputConfig.S3OutputPath)", "'reviews/output'",
                        "must be an s3:// or https:// URI with a bucket or host"),
                BadInput.options("S3 output path without a scheme (artifacts under it)",
                        Map.of("s3OutputPath", "reviews/output"),
                        "s3OutputPath (OutputConfig.S3OutputPath)", "'reviews/output'",
                        "must be an s3:// or https:// URI with a bucket or host"),
                BadInput.options("S3 output path with an invalid bucket (artifacts under it)",
                        Map.of("s3OutputPath", "s3://Reviews_Bucket/output"),
                        "s3OutputPath (OutputConfig.S3OutputPath)", "'s3://Reviews_Bucket/output'",
                        "bucket name 'Reviews_Bucket' may contain only lowercase letters, digits, dots and hyphens"),
                BadInput.options("S3 output path with an invalid bucket (artifacts elsewhere)",
                        Map.of("s3OutputPath", "s3://Reviews_Bucket/output",
                                "artifactS3Prefix", "s3://reviews/catalogue-artifacts"),
                        "s3OutputPath (OutputConfig.S3OutputPath)", "'s3://Reviews_Bucket/output'",
                        "bucket name 'Reviews_Bucket' may contain only lowercase letters, digits, dots and hyphens"),
                BadInput.options("HTTPS output path and no artifact prefix",
                        Map.of("s3OutputPath", "https://reviews.example.com/output"), "artifactS3Prefix", "null",
                        "is required to upload the job's label-categories: set it, or s3OutputPath to an s3://"
                                + " location"),
                BadInput.options("label category configuration in an invalid bucket",
                        with("labels", null, "labelCategoryConfig", "s3://Bad_Bucket/labels.json"),
                        "labelCategoryConfig (LabelCategoryConfigS3Uri)", "'s3://Bad_Bucket/labels.json'",
                        "bucket name 'Bad_Bucket' may contain only lowercase letters, digits, dots and hyphens"),
                BadInput.options("worker task template URI without a key", Map.of("uiTemplate", "s3://reviews"),
                        "uiTemplate (HumanTaskConfig.UiConfig.UiTemplateS3Uri)", "'s3://reviews'",
                        "object key must not be empty"),
                BadInput.options("label of 257 characters", Map.of("labels", "positive," + "L".repeat(257)),
                        "labelCategoryConfig.labels[1].label", "'LLLLL", "must be 1 to 256 characters long"),
                BadInput.options("worker UI ARN for a text classification job",
                        Map.of("uiTemplate", entityUi), "uiTemplate (HumanTaskConfig.UiConfig.HumanTaskUiArn)",
                        "'" + entityUi + "'",
                        "jobs use a worker task template: set UiTemplateS3Uri instead"),

                // Bodies sent to the running job
                BadInput.body("null body", null, Map.of(), "body", "null",
                        "must be text (String), an s3:// URI, a manifest line (JSON String or Map), a DataObject,"
                                + " or a binary"),
                BadInput.body("Integer body", 42, Map.of(), "body", "'java.lang.Integer'",
                        "must be text (String), an s3:// URI"),
                BadInput.body("text of 20,001 characters", longText, Map.of(), "source", "'xxxxx",
                        "an attribute value must be at most 20,000 characters, is 20,001"),
                BadInput.body("S3 URI with an invalid bucket name", "s3://bad_bucket/cat.jpg", Map.of(),
                        "source-ref", "'s3://bad_bucket/cat.jpg'",
                        "bucket name 'bad_bucket' may contain only lowercase letters, digits, dots and hyphens"),
                BadInput.body("S3 URI without a key", "s3://images/", Map.of(), "source-ref", "'s3://images/'",
                        "object key must not be empty (expected s3://bucket/key)"),
                BadInput.body("S3 URI with a two-character bucket", "s3://ab/cat.jpg", Map.of(),
                        "source-ref", "'s3://ab/cat.jpg'", "bucket name 'ab' must be 3 to 63 characters long, is 2"),
                BadInput.body("S3 URI with an IP address for a bucket", "s3://192.168.0.1/cat.jpg", Map.of(),
                        "source-ref", "'s3://192.168.0.1/cat.jpg'",
                        "bucket name '192.168.0.1' must not be formatted as an IP address"),
                BadInput.body("S3 URI with two adjacent dots", "s3://my..bucket/cat.jpg", Map.of(),
                        "source-ref", "'s3://my..bucket/cat.jpg'",
                        "bucket name 'my..bucket' must not contain two adjacent dots"),
                BadInput.body("manifest line with source and source-ref",
                        "{\"source\": \"Nice\", \"source-ref\": \"s3://reviews/cat.jpg\"}", Map.of(),
                        "source-ref", "'s3://reviews/cat.jpg'",
                        "exactly one of 'source' (text) or 'source-ref' (an s3:// URI) is allowed; both are set"),
                BadInput.body("manifest line with neither source nor source-ref", "{\"category\": \"food\"}", Map.of(),
                        "source", "null",
                        "exactly one of 'source' (text) or 'source-ref' (an s3:// URI) is required; neither is set"),
                BadInput.body("manifest line whose source is a number", "{\"source\": 42}", Map.of(),
                        "source", "'42'", "must be a JSON string"),
                BadInput.body("manifest line that is not valid JSON", "{\"source\": \"unterminated", Map.of(),
                        "manifest line", "'{\"source\": \"unterminated'", "must be valid JSON"),
                BadInput.body("manifest line with a $ attribute", "{\"source\": \"Nice\", \"$secret\": 1}", Map.of(),
                        "attribute name", "'$secret'", "must not start with '$'"),
                BadInput.body("manifest line of more than 100,000 characters", sixLongAttributes, Map.of(),
                        "manifest line", "'{", "a data object must be at most 100,000 characters as JSON, is "),
                BadInput.body("dedup id of 1,025 characters", "A text with a long id",
                        Map.of(SageMakerLabelingConstants.DEDUP_ID, "d".repeat(1_025)),
                        "labeling-object-id", "'ddddd", "the deduplication id must be 1 to 1,024 characters, is 1,025"),
                BadInput.body("empty dedup id", "A text with an empty id",
                        Map.of(SageMakerLabelingConstants.DEDUP_ID, ""),
                        "labeling-object-id", "''", "the deduplication id must be 1 to 1,024 characters, is 0"),
                BadInput.body("binary body without an upload bucket", new byte[] {1, 2, 3}, Map.of(),
                        "uploadBucket", "null", "a binary body ([B) is uploaded to S3 and sent as its source-ref:"
                                + " set the uploadBucket option"),
                BadInput.body("batch with one invalid S3 URI", List.of("Fine", "s3://bad_bucket/x", "Also fine"),
                        Map.of(SageMakerLabelingConstants.OPERATION, SageMakerLabelingOperations.sendDataObjects),
                        "objects[1].source-ref", "'s3://bad_bucket/x'",
                        "bucket name 'bad_bucket' may contain only lowercase letters, digits, dots and hyphens"),

                // Messages on the consumer's output queue that are not output lines
                BadInput.output("output message that is not JSON", "not an output line",
                        "the input is not JSON"),
                BadInput.output("output message that is a JSON array", "[1, 2, 3]",
                        "the input must be a JSON object"),
                BadInput.output("output line without the label attribute", "{\"source\": \"Nice\"}",
                        "label attribute 'label' is not in the line"),
                BadInput.output("output line without the label's metadata", "{\"source\": \"Nice\", \"label\": 0}",
                        "label attribute 'label' has no 'label-metadata'"),
                BadInput.output("output line whose metadata is a string",
                        "{\"source\": \"Nice\", \"label\": 0, \"label-metadata\": \"positive\"}",
                        "label-metadata must be an object"),
                BadInput.output("SNS notification whose message is not JSON",
                        "{\"Type\": \"Notification\", \"MessageId\": \"m-1\", \"Message\": \"not JSON either\"}",
                        "the SNS Message is not JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void getsOneClearError(BadInput input) throws Exception {
        switch (input.kind()) {
            case JOB_OPTIONS, CONSUMER_OPTIONS -> refusedOnStart(input);
            case BODY -> refusedBody(input);
            case OUTPUT_MESSAGE -> refusedOutput(input);
        }
    }

    /** The route sending to (or consuming from) the endpoint does not start, and nothing was asked of AWS. */
    private static void refusedOnStart(BadInput input) throws Exception {
        LocalState before = LocalState.of();
        startCalls.set(0);
        CamelContext context = new DefaultCamelContext();
        try {
            Registry registry = context.getRegistry();
            startClients.forEach(registry::bind);
            String uri = "sagemaker-labeling:" + input.jobName() + "?" + input.options();

            Throwable failure = catchThrowable(() -> {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        if (input.kind() == Kind.CONSUMER_OPTIONS) {
                            from(uri).to("mock:consumed");
                        } else {
                            from("direct:send").to(uri);
                        }
                    }
                });
                context.start();
            });

            assertThat(failure).as("the route's start fails").isNotNull();
            assertOneClearViolation(input, rootCause(failure));
        } finally {
            context.stop();
        }
        assertThat(startCalls).as("AWS calls made").hasValue(0);
        assertThat(LocalState.of()).as("jobs, topics, queues and objects").isEqualTo(before);
    }

    /** The exchange fails before anything is sent; the next good object is labeled. */
    private static void refusedBody(BadInput input) {
        int callsBefore = applicationCalls.get();

        Exchange exchange = template.request("direct:send", e -> {
            e.getMessage().setBody(input.body());
            input.headers().forEach(e.getMessage()::setHeader);
        });

        assertThat(applicationCalls.get()).as("AWS calls made").isEqualTo(callsBefore);
        assertOneClearViolation(input, exchange.getException());
        aGoodObjectIsLabeled(input.name());
    }

    /** The exchange fails naming what is wrong and carrying the text; the next good object is labeled. */
    private static void refusedOutput(BadInput input) {
        int before = malformed.getReceivedCounter();

        sqs.sendMessage(b -> b.queueUrl(outputQueue).messageBody(input.body().toString()));

        await().atMost(LABELED_WITHIN).until(() -> malformed.getReceivedCounter() > before);
        Exchange exchange = malformed.getExchanges().get(before);
        assertThat(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining(input.rule())
                .hasMessageContaining("(received: " + input.body() + ")");
        assertThat(exchange.getMessage().getHeader(SageMakerLabelingConstants.RAW_OUTPUT))
                .isEqualTo(input.body());
        aGoodObjectIsLabeled(input.name());
        assertThat(malformed.getReceivedCounter()).as("malformed messages routed").isEqualTo(before + 1);
    }

    /**
     * The failure is a {@link LabelingValidationException} whose violations all name the field and the value, at
     * least one with the rule, and whose message shows them.
     */
    private static void assertOneClearViolation(BadInput input, Throwable failure) {
        assertThat(failure).as("the failure").isInstanceOf(LabelingValidationException.class);
        List<Violation> violations = ((LabelingValidationException) failure).violations();
        assertThat(violations).as("violations of " + failure.getMessage()).allSatisfy(violation -> {
            assertThat(violation.field()).isEqualTo(input.field());
            assertThat(violation.shownValue()).startsWith(input.value());
        });
        assertThat(violations).extracting(Violation::rule).anySatisfy(rule -> assertThat(rule).contains(input.rule()));
        assertThat(failure.getMessage()).contains(input.field() + " = " + input.value()).contains(input.rule());
    }

    private static void aGoodObjectIsLabeled(String after) {
        String text = "Object " + goodObjects.incrementAndGet() + " was delicious";
        Exchange exchange = template.request("direct:send", e -> e.getMessage().setBody(text));
        assertThat(exchange.getException()).as("sending a good object after " + after).isNull();
        await().atMost(LABELED_WITHIN).until(() -> labeled.getExchanges().stream()
                .map(e -> e.getMessage().getBody(LabelingResult.class).source().orElse(null))
                .anyMatch(text::equals));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static <T extends AutoCloseable> T own(T client) {
        applicationClients.add(client);
        return client;
    }

    private static <B extends AwsClientBuilder<B, C>, C> B counted(B builder, URI endpoint, AtomicInteger calls) {
        return LocalAwsClients.configure(builder, endpoint, REGION)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution execution, ExecutionAttributes attributes) {
                        calls.incrementAndGet();
                    }
                }));
    }

    /** The options of a valid text classification job, with some changed (a {@code null} value removes one). */
    static String jobOptions(Map<String, String> changes) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("taskType", "textClassification");
        options.put("labels", "positive,negative");
        options.put("workteamArn", "arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":workteam/private-crowd/reviewers");
        options.put("roleArn", "arn:aws:iam::" + ACCOUNT + ":role/GroundTruth");
        options.put("s3OutputPath", "s3://" + BUCKET + "/output");
        options.put("inputTopic", "reviews-in");
        options.put("outputTopic", "reviews-out");
        options.put("autoCreateTopics", "true");
        options.putAll(changes);
        return options.entrySet().stream().filter(option -> option.getValue() != null)
                .map(option -> option.getKey() + "=RAW(" + option.getValue() + ")")
                .collect(Collectors.joining("&"));
    }

    /** Changes to the options, where a value may be {@code null}. */
    private static Map<String, String> with(String... keysAndValues) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changes.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return changes;
    }

    /** What Local Ground Truth holds: jobs, topics, queues and objects. */
    private record LocalState(Set<String> jobs, Set<String> topics, Set<String> queues, Set<String> objects) {

        static LocalState of() {
            Set<String> objects = new TreeSet<>();
            for (Bucket bucket : s3.listBuckets().buckets()) {
                // The running job writes its output under s3://reviews/output/reviews/ when it likes.
                s3.listObjectsV2Paginator(b -> b.bucket(bucket.name())).contents().stream().map(S3Object::key)
                        .map(key -> bucket.name() + "/" + key).filter(key -> !key.startsWith("reviews/output/reviews/"))
                        .forEach(objects::add);
            }
            return new LocalState(
                    sageMaker.listLabelingJobs().labelingJobSummaryList().stream()
                            .map(LabelingJobSummary::labelingJobName).collect(Collectors.toCollection(TreeSet::new)),
                    sns.listTopics().topics().stream().map(Topic::topicArn)
                            .collect(Collectors.toCollection(TreeSet::new)),
                    new TreeSet<>(sqs.listQueues().queueUrls()),
                    objects);
        }
    }

    enum Kind { JOB_OPTIONS, CONSUMER_OPTIONS, BODY, OUTPUT_MESSAGE }

    /**
     * One bad input and what the error must name.
     *
     * @param field the field or option named, exactly
     * @param value how the value is shown, or its beginning
     * @param rule  the rule, or part of it (for an output message: the reason)
     */
    record BadInput(String name, Kind kind, String jobName, String options, Object body, Map<String, Object> headers,
                    String field, String value, String rule) {

        private static final AtomicInteger JOBS = new AtomicInteger();

        /** A job named {@code jobName} with otherwise valid options. */
        static BadInput jobName(String name, String jobName, String field, String value, String rule) {
            return new BadInput(name, Kind.JOB_OPTIONS, jobName, jobOptions(catalogueJob()), null, Map.of(), field,
                    value, rule);
        }

        /** A job of its own ({@code catalogue-<n>}) with the options changed. */
        static BadInput options(String name, Map<String, String> changes, String field, String value, String rule) {
            Map<String, String> options = catalogueJob();
            options.putAll(changes);
            return new BadInput(name, Kind.JOB_OPTIONS, "catalogue-" + JOBS.incrementAndGet(), jobOptions(options),
                    null, Map.of(), field, value, rule);
        }

        /** A consumer of a job of its own ({@code catalogue-<n>}) with the options changed. */
        static BadInput consumerOptions(String name, Map<String, String> changes, String field, String value,
                                        String rule) {
            BadInput options = options(name, changes, field, value, rule);
            return new BadInput(name, Kind.CONSUMER_OPTIONS, options.jobName(), options.options(), null, Map.of(),
                    field, value, rule);
        }

        static BadInput body(String name, Object body, Map<String, Object> headers, String field, String value,
                             String rule) {
            return new BadInput(name, Kind.BODY, null, null, body, headers, field, value, rule);
        }

        static BadInput output(String name, String message, String reason) {
            return new BadInput(name, Kind.OUTPUT_MESSAGE, null, null, message, Map.of(), null, null, reason);
        }

        /** Topics and artifacts of its own, so what a started job would create shows in Local Ground Truth. */
        private static Map<String, String> catalogueJob() {
            return with("inputTopic", "catalogue-in", "outputTopic", "catalogue-out",
                    "s3OutputPath", "s3://" + BUCKET + "/catalogue");
        }

        @Override
        public String toString() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BadInput input && input.name.equals(name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name);
        }
    }
}
