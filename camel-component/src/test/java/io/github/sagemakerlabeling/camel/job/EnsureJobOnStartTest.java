package io.github.sagemakerlabeling.camel.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.service.LabelingJobException;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

/** Endpoints that describe their job in options create it, or attach to it, when their routes start. */
class EnsureJobOnStartTest extends JobOptionsTestSupport {

    @Test
    void theFirstRouteCreatesTheJobAndEveryOtherEndpointAndContextAttaches() throws Exception {
        String producerUri = "sagemaker-labeling:reviews?" + jobOptions();
        String consumerUri = producerUri + "&waitTimeSeconds=1&delay=10";
        CamelContext first = context(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri).to("mock:labeled");
                from("direct:send").to(producerUri);
            }
        });
        first.start();
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).hasSize(1);
        assertThat(List.of(endpoint(first, consumerUri).getEnsuredJob().created(),
                endpoint(first, producerUri).getEnsuredJob().created()))
                .as("one endpoint created the job, the other attached").containsExactlyInAnyOrder(true, false);

        CamelContext second = producer(producerUri);
        second.start();

        assertThat(endpoint(second, producerUri).getEnsuredJob().created()).isFalse();
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).hasSize(1);
        MockEndpoint labeled = first.getEndpoint("mock:labeled", MockEndpoint.class);
        labeled.expectedMessageCount(3);
        ProducerTemplate template = second.createProducerTemplate();
        List.of("The soup was delicious", "Cold fries", "Slow service").forEach(text ->
                template.sendBody("direct:send", text));
        labeled.assertIsSatisfied(Duration.ofSeconds(30).toMillis());
        assertThat(labeled.getExchanges()).extracting(e -> e.getMessage().getBody(LabelingResult.class))
                .extracting(result -> result.source().orElseThrow() + "=" + result.annotation(ClassLabel.class)
                        .className())
                .containsExactlyInAnyOrder("The soup was delicious=positive", "Cold fries=negative",
                        "Slow service=negative");
    }

    @Test
    void theLabelsAndTheDefaultTemplateAreUploadedUnderTheirContentHash() throws Exception {
        producer("sagemaker-labeling:reviews?" + jobOptions()).start();

        DescribeLabelingJobResponse job = sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews"));
        assertThat(job.labelCategoryConfigS3Uri())
                .matches("s3://reviews/output/artifacts/label-categories-[0-9a-f]{16}\\.json");
        assertThat(LabelCategoryConfig.fromJson(contentOf(job.labelCategoryConfigS3Uri())))
                .isEqualTo(LabelCategoryConfig.of("positive", "negative"));
        String template = job.humanTaskConfig().uiConfig().uiTemplateS3Uri();
        assertThat(template)
                .matches("s3://reviews/output/artifacts/ui-template-textClassification-[0-9a-f]{16}\\.liquid\\.html");
        assertThat(contentOf(template)).isEqualTo(classpathText(DefaultUiTemplates.resource(
                TaskType.TEXT_CLASSIFICATION))).contains("<crowd-classifier");
        assertThat(job.humanTaskConfig().uiConfig().humanTaskUiArn()).isNull();
    }

    @Test
    void aLabelCategoryFileFromTheClasspathIsUploadedAsItIsAndARestartAttachesToTheSameUri() throws Exception {
        String uri = "sagemaker-labeling:reviews?" + jobOptions().replace("labels=positive,negative",
                "labelCategoryConfig=classpath:job/sentiment-labels.json");
        CamelContext first = producer(uri);
        first.start();
        String labels = sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews")).labelCategoryConfigS3Uri();
        first.stop();

        CamelContext restarted = producer(uri);
        restarted.start();

        assertThat(endpoint(restarted, uri).getEnsuredJob().created()).isFalse();
        assertThat(contentOf(labels)).isEqualTo(classpathText("/job/sentiment-labels.json"));
        assertThat(LabelCategoryConfig.fromJson(contentOf(labels)).labelNames())
                .containsExactly("positive", "negative", "mixed");
    }

    @Test
    void tagsComeAsKeyValueTextOrAsAMapBean() throws Exception {
        String textUri = "sagemaker-labeling:tagged-text?" + jobOptions() + "&tags=project=reviews, team=data";
        String beanUri = "sagemaker-labeling:tagged-bean?" + jobOptions() + "&tags=#jobTags";
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to(textUri);
                from("direct:bean").to(beanUri);
            }
        });
        context.getRegistry().bind("jobTags", Map.of("cost-center", "42"));
        context.start();

        assertThat(tags("tagged-text")).containsExactly(Tag.builder().key("project").value("reviews").build(),
                Tag.builder().key("team").value("data").build());
        assertThat(tags("tagged-bean")).containsExactly(Tag.builder().key("cost-center").value("42").build());
    }

    @Test
    void aJobManagementEndpointEnsuresNoJobUnlessAsked() throws Exception {
        CamelContext context = producer("sagemaker-labeling:reviews?operation=listJobs&" + jobOptions());
        context.start();

        assertThat(endpoint(context, "sagemaker-labeling:reviews?operation=listJobs&" + jobOptions())
                .getEnsuredJob()).isNull();
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).isEmpty();
    }

    @Test
    void aTemplateFileIsUploadedAndAnS3LabelConfigIsUsedAsItIs(@TempDir Path folder) throws Exception {
        Path template = Files.writeString(folder.resolve("reviews.liquid.html"),
                "<crowd-form><crowd-classifier name=\"crowd-classifier\"></crowd-classifier></crowd-form>");
        s3.putObject(b -> b.bucket(BUCKET).key("config/labels.json"),
                RequestBody.fromString(LabelCategoryConfig.of("good", "bad").toJson()));

        producer("sagemaker-labeling:reviews?" + jobOptions().replace("labels=positive,negative",
                "labelCategoryConfig=s3://reviews/config/labels.json") + "&uiTemplate=file:" + template).start();

        DescribeLabelingJobResponse job = sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews"));
        assertThat(job.labelCategoryConfigS3Uri()).isEqualTo("s3://reviews/config/labels.json");
        assertThat(job.humanTaskConfig().uiConfig().uiTemplateS3Uri())
                .matches("s3://reviews/output/artifacts/ui-template-[0-9a-f]{16}\\.liquid\\.html");
        assertThat(contentOf(job.humanTaskConfig().uiConfig().uiTemplateS3Uri()))
                .isEqualTo(Files.readString(template));
    }

    @Test
    void anEndpointWhoseOptionsDifferFromTheRunningJobFailsToStartNamingEachField() throws Exception {
        producer("sagemaker-labeling:reviews?" + jobOptions()).start();

        CamelContext other = producer("sagemaker-labeling:reviews?" + jobOptions()
                + "&taskTitle=Rate the reviews&numberOfHumanWorkersPerDataObject=3");

        assertThatThrownBy(other::start).rootCause().isInstanceOf(LabelingJobException.class)
                .hasMessageContaining("already runs with a different spec")
                .hasMessageContaining("HumanTaskConfig.TaskTitle: expected Rate the reviews but the job has "
                        + "Text classification (single label)")
                .hasMessageContaining("HumanTaskConfig.NumberOfHumanWorkersPerDataObject: expected 3 but the job"
                        + " has 1");
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).hasSize(1);
    }

    @Test
    void aStoppedJobFailsTheStartSayingItsNameCannotBeReusedAndSuggestingAnother() throws Exception {
        String uri = "sagemaker-labeling:reviews-7?" + jobOptions();
        CamelContext first = producer(uri);
        first.start();
        awaitStatus("reviews-7", LabelingJobStatus.IN_PROGRESS);
        sageMaker.stopLabelingJob(b -> b.labelingJobName("reviews-7"));
        awaitStatus("reviews-7", LabelingJobStatus.STOPPED);
        first.stop();

        CamelContext again = producer(uri);

        assertThatThrownBy(again::start).rootCause().isInstanceOf(LabelingJobException.class)
                .hasMessageContaining("Labeling job 'reviews-7' is Stopped")
                .hasMessageContaining("its name can never be reused")
                .hasMessageContaining("'reviews-8'");
    }

    @Test
    void autoCreateTopicsCreatesTheTopicsByDefaultNames() throws Exception {
        String uri = "sagemaker-labeling:reviews?"
                + jobOptions().replace("&inputTopic=reviews-in&outputTopic=reviews-out", "");
        producer(uri).start();

        DescribeLabelingJobResponse job = sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews"));
        assertThat(sns.listTopics().topics()).extracting(Topic::topicArn).containsExactlyInAnyOrder(
                job.inputConfig().dataSource().snsDataSource().snsTopicArn(), job.outputConfig().snsTopicArn());
        assertThat(job.inputConfig().dataSource().snsDataSource().snsTopicArn()).endsWith(":GroundTruth-reviews-input");
        assertThat(job.outputConfig().snsTopicArn()).endsWith(":GroundTruth-reviews-output");
    }

    @Test
    void withoutAutoCreateTopicsAMissingTopicFailsTheStartAndNoJobIsCreated() throws Exception {
        CamelContext context = producer("sagemaker-labeling:reviews?"
                + jobOptions().replace("&autoCreateTopics=true", ""));

        assertThatThrownBy(context::start).rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessage("inputTopic 'reviews-in' is not a topic of this account and region: give its ARN,"
                        + " create it first, or set autoCreateTopics=true");
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).isEmpty();
    }

    @Test
    void aTaskTypeWithAnAwsHostedWorkerUiUsesItsArnAndUploadsNoTemplate() throws Exception {
        producer("sagemaker-labeling:entities?" + jobOptions()
                .replace("textClassification", "NamedEntityRecognition")
                .replace("labels=positive,negative", "labelCategoryConfig=classpath:job/entity-labels.json")).start();

        DescribeLabelingJobResponse job = sageMaker.describeLabelingJob(b -> b.labelingJobName("entities"));
        assertThat(job.humanTaskConfig().uiConfig().humanTaskUiArn()).isEqualTo("arn:aws:sagemaker:"
                + groundTruth.region() + ":394669845002:human-task-ui/NamedEntityRecognition");
        assertThat(job.humanTaskConfig().uiConfig().uiTemplateS3Uri()).isNull();
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("output/artifacts/")).contents())
                .extracting(object -> object.key()).singleElement().asString().contains("label-categories-");
    }

    private List<Tag> tags(String job) {
        return sageMaker.describeLabelingJob(b -> b.labelingJobName(job)).tags();
    }

    private void awaitStatus(String job, LabelingJobStatus status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sageMaker.describeLabelingJob(b -> b.labelingJobName(job))
                .labelingJobStatus() == status);
    }

    private static String classpathText(String resource) throws IOException {
        try (InputStream in = EnsureJobOnStartTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
