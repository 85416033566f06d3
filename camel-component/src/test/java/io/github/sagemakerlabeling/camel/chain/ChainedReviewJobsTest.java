package io.github.sagemakerlabeling.camel.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.result.BoundingBoxes;
import io.github.sagemakerlabeling.core.result.LabelVerification;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.service.LabelingJobException;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.RenderUiTemplateResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Chained review jobs ({@code chainFrom}) on Local Ground Truth: a bounding-box job, an adjustment job on its output
 * topic and a verification job on the adjustment's, three routes in one context.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class ChainedReviewJobsTest {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withWorkers(RuleBasedAnnotator.firstLabel());

    private static final String BUCKET = "chained";
    private static final List<String> IMAGES = List.of("street-1.png", "street-2.png", "street-3.png");

    private LocalGroundTruth groundTruth;
    private SageMakerClient sageMaker;
    private S3Client s3;
    private SnsClient sns;
    private CamelContext context;

    @BeforeEach
    void stackAndImages(LocalGroundTruth groundTruth, SageMakerClient sageMaker, SnsClient sns, SqsClient sqs,
                        S3Client s3) throws IOException {
        this.groundTruth = groundTruth;
        this.sageMaker = sageMaker;
        this.s3 = s3;
        this.sns = sns;
        s3.createBucket(b -> b.bucket(BUCKET));
        for (String image : IMAGES) {
            s3.putObject(b -> b.bucket(BUCKET).key("images/" + image), RequestBody.fromBytes(png(320, 200)));
        }
        context = new DefaultCamelContext();
        context.getRegistry().bind("sageMaker", sageMaker);
        context.getRegistry().bind("sns", sns);
        context.getRegistry().bind("sqs", sqs);
        context.getRegistry().bind("s3", s3);
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void boxesAreAdjustedThenVerifiedAndEveryConsumerGetsItsJobsResults() throws Exception {
        String boxes = "sagemaker-labeling:boxes?taskType=boundingBox&labels=car,person&outputTopic=boxes-out&"
                + common();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:images").to(boxes);
                from(boxes + "&waitTimeSeconds=1&delay=10").to("mock:boxes");
                from("sagemaker-labeling:boxes-adjusted?chainFrom=boxes&outputTopic=adjusted-out&waitTimeSeconds=1"
                        + "&delay=10&" + common()).to("mock:adjusted");
                from("sagemaker-labeling:boxes-verified?chainFrom=boxes-adjusted&taskType=verification"
                        + "&outputTopic=verified-out&waitTimeSeconds=1&delay=10&" + common()).to("mock:verified");
            }
        });
        context.start();
        MockEndpoint boxed = context.getEndpoint("mock:boxes", MockEndpoint.class);
        MockEndpoint adjusted = context.getEndpoint("mock:adjusted", MockEndpoint.class);
        MockEndpoint verified = context.getEndpoint("mock:verified", MockEndpoint.class);
        List.of(boxed, adjusted, verified).forEach(mock -> mock.expectedMessageCount(IMAGES.size()));

        ProducerTemplate template = context.createProducerTemplate();
        IMAGES.forEach(image -> template.sendBody("direct:images", "s3://" + BUCKET + "/images/" + image));

        MockEndpoint.assertIsSatisfied(60, TimeUnit.SECONDS, boxed, adjusted, verified);
        Map<String, LabelingResult> firstJob = bySource(boxed);
        assertThat(firstJob.values()).allSatisfy(result -> {
            assertThat(result.labelAttributeName()).isEqualTo("label");
            assertThat(result.attributes()).doesNotContainKeys("boxes-adjusted", "boxes-verified");
        });
        Map<String, LabelingResult> lastJob = bySource(verified);
        assertThat(lastJob).hasSize(IMAGES.size());
        lastJob.forEach((image, result) -> {
            JsonNode line = result.json();
            assertThat(line.has("label") && line.has("label-metadata") && line.has("boxes-adjusted")
                    && line.has("boxes-adjusted-metadata") && line.has("boxes-verified")
                    && line.has("boxes-verified-metadata")).as("all three label attributes: " + line).isTrue();
            LabelVerification verdict = result.annotation(LabelVerification.class);
            assertThat(verdict.className()).isEqualTo("good");
            assertThat(line.get("boxes-verified").isTextual()).as("the verdict is a class index string").isTrue();
            assertThat(line.at("/boxes-adjusted-metadata/adjustment-status").asText()).isEqualTo("adjusted");

            BoundingBoxes original = new OutputLineParser().parse(line.toString(), "label")
                    .annotation(BoundingBoxes.class);
            BoundingBoxes corrected = new OutputLineParser().parse(line.toString(), "boxes-adjusted")
                    .annotation(BoundingBoxes.class);
            assertThat(original.boxes()).hasSize(1);
            assertThat(corrected.boxes()).hasSize(1);
            assertThat(corrected.boxes().get(0).width()).as("the reviewer widened the box a little")
                    .isEqualTo(original.boxes().get(0).width() + 2);
            assertThat(corrected.boxes().get(0).className()).isEqualTo(original.boxes().get(0).className());
            assertThat(line.at("/label/annotations")).isEqualTo(firstJob.get(image).json().at("/label/annotations"));
        });
    }

    @Test
    void theChainedJobTakesTheEarlierOutputTopicAndTheReviewPresets() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:images").to("sagemaker-labeling:boxes?taskType=boundingBox&labels=car,person"
                        + "&outputTopic=boxes-out&" + common());
                from("sagemaker-labeling:boxes-adjusted?chainFrom=boxes&outputTopic=adjusted-out&" + common())
                        .to("mock:adjusted");
                from("sagemaker-labeling:boxes-verified?chainFrom=boxes-adjusted&taskType=boundingBoxVerification&"
                        + common()).to("mock:verified");
            }
        });
        context.start();

        DescribeLabelingJobResponse first = describe("boxes");
        DescribeLabelingJobResponse adjustment = describe("boxes-adjusted");
        assertThat(adjustment.inputConfig().dataSource().snsDataSource().snsTopicArn())
                .isEqualTo(first.outputConfig().snsTopicArn());
        assertThat(adjustment.humanTaskConfig().preHumanTaskLambdaArn())
                .endsWith(":function:PRE-AdjustmentBoundingBox");
        assertThat(adjustment.labelAttributeName()).isEqualTo("boxes-adjusted");
        LabelCategoryConfig adjustmentLabels = LabelCategoryConfig.fromJson(contentOf(
                adjustment.labelCategoryConfigS3Uri()));
        assertThat(adjustmentLabels.labelNames()).containsExactly("car", "person");
        assertThat(adjustmentLabels.auditLabelAttributeName()).contains("label");
        assertThat(contentOf(adjustment.humanTaskConfig().uiConfig().uiTemplateS3Uri()))
                .contains("<crowd-bounding-box", "initial-value=", "task.input.manifestLine['label-metadata']")
                .doesNotContain("PREVIOUS_LABEL_ATTRIBUTE");

        DescribeLabelingJobResponse verification = describe("boxes-verified");
        assertThat(verification.inputConfig().dataSource().snsDataSource().snsTopicArn())
                .isEqualTo(adjustment.outputConfig().snsTopicArn());
        assertThat(verification.humanTaskConfig().preHumanTaskLambdaArn())
                .endsWith(":function:PRE-VerificationBoundingBox");
        LabelCategoryConfig verdicts = LabelCategoryConfig.fromJson(contentOf(verification.labelCategoryConfigS3Uri()));
        assertThat(verdicts.labelNames()).containsExactly("good", "bad");
        assertThat(verdicts.auditLabelAttributeName()).contains("boxes-adjusted");
        assertThat(contentOf(verification.humanTaskConfig().uiConfig().uiTemplateS3Uri()))
                .contains("<crowd-image-classifier", "overlay=", "task.input.manifestLine['boxes-adjusted']");
    }

    @Test
    void theReviewTemplatesShowTheEarlierBoxesOfTheTaskInput() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:images").to("sagemaker-labeling:boxes?taskType=boundingBox&labels=car,person"
                        + "&outputTopic=boxes-out&" + common());
                from("sagemaker-labeling:boxes-adjusted?chainFrom=boxes&" + common()).to("mock:adjusted");
                from("sagemaker-labeling:boxes-verified?chainFrom=boxes&taskType=verification&" + common())
                        .to("mock:verified");
            }
        });
        context.start();
        String input = "{\"taskObject\":\"s3://" + BUCKET + "/images/street-1.png\",\"labels\":[\"car\",\"person\"],"
                + "\"manifestLine\":{\"source-ref\":\"s3://" + BUCKET + "/images/street-1.png\","
                + "\"label\":{\"image_size\":[{\"width\":320,\"height\":200,\"depth\":3}],"
                + "\"annotations\":[{\"class_id\":1,\"left\":80,\"top\":50,\"width\":160,\"height\":100}]},"
                + "\"label-metadata\":{\"class-map\":{\"1\":\"person\"},\"type\":\"groundtruth/object-detection\"}}}";

        for (String job : List.of("boxes-adjusted", "boxes-verified")) {
            String template = contentOf(describe(job).humanTaskConfig().uiConfig().uiTemplateS3Uri());
            RenderUiTemplateResponse rendered = sageMaker.renderUiTemplate(b -> b.uiTemplate(t -> t.content(template))
                    .task(t -> t.input(input))
                    .roleArn("arn:aws:iam::" + groundTruth.accountId() + ":role/GroundTruth"));

            assertThat(rendered.errors()).as(job).isEmpty();
            assertThat(rendered.renderedContent().replaceAll("\\s+", " ")).as(job)
                    .contains("left: 80, top: 50, width: 160, height: 100").contains("person")
                    .doesNotContain("{{", "{%");
        }
    }

    @Test
    void aChainFromAJobWithoutAnOutputTopicFailsTheStartNamingTheJob() throws Exception {
        String silentInput = sns.createTopic(b -> b.name("silent-in")).topicArn();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:images").to("sagemaker-labeling:silent-boxes?taskType=boundingBox&labels=car"
                        + "&inputTopic=" + silentInput + "&" + common().replace("&autoCreateTopics=true", ""));
                from("sagemaker-labeling:silent-review?chainFrom=silent-boxes&" + common()).to("mock:review");
            }
        });

        assertThatThrownBy(context::start).hasRootCauseInstanceOf(LabelingJobException.class)
                .rootCause().hasMessageContaining("chainFrom 'silent-boxes'")
                .hasMessageContaining("has no output topic");
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).extracting(j -> j.labelingJobName())
                .containsExactly("silent-boxes");
    }

    @Test
    void aChainFromAMissingJobOrAnUnfitTaskTypeFailsTheStartClearly() throws Exception {
        CamelContext missing = contextWith("sagemaker-labeling:review?chainFrom=no-such-job&" + common());
        assertThatThrownBy(missing::start).hasRootCauseInstanceOf(LabelingJobException.class)
                .rootCause().hasMessageContaining("chainFrom 'no-such-job': no labeling job has that name");
        missing.stop();

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:images").to("sagemaker-labeling:boxes?taskType=boundingBox&labels=car"
                        + "&outputTopic=boxes-out&" + common());
                from("sagemaker-labeling:review?chainFrom=boxes&taskType=textClassification&" + common())
                        .to("mock:review");
            }
        });
        assertThatThrownBy(context::start).hasRootCauseInstanceOf(LabelingValidationException.class)
                .rootCause().hasMessageContaining("taskType")
                .hasMessageContaining("must review Bounding box labels");
    }

    private CamelContext contextWith(String consumerUri) throws Exception {
        CamelContext other = new DefaultCamelContext();
        other.getRegistry().bind("sageMaker", sageMaker);
        other.getRegistry().bind("s3", s3);
        other.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri).to("mock:review");
            }
        });
        return other;
    }

    /** What every job of the chain shares: its work team, role, output path and auto-created topics. */
    private String common() {
        return "workteamArn=arn:aws:sagemaker:" + groundTruth.region() + ":" + groundTruth.accountId()
                + ":workteam/private-crowd/reviewers"
                + "&roleArn=arn:aws:iam::" + groundTruth.accountId() + ":role/GroundTruth"
                + "&s3OutputPath=s3://" + BUCKET + "/output&autoCreateTopics=true";
    }

    private DescribeLabelingJobResponse describe(String job) {
        return sageMaker.describeLabelingJob(b -> b.labelingJobName(job));
    }

    private String contentOf(String s3Uri) {
        String rest = s3Uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return s3.getObjectAsBytes(b -> b.bucket(rest.substring(0, slash)).key(rest.substring(slash + 1)))
                .asUtf8String();
    }

    private static Map<String, LabelingResult> bySource(MockEndpoint mock) {
        List<LabelingResult> results = new ArrayList<>();
        mock.getExchanges().forEach(exchange -> results.add(exchange.getMessage().getBody(LabelingResult.class)));
        return results.stream().collect(Collectors.toMap(result -> result.sourceRef().orElseThrow(), r -> r));
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
