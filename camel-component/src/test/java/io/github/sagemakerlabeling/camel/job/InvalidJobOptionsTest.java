package io.github.sagemakerlabeling.camel.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Options that break a rule fail the route's start with every violation, before any AWS call. */
class InvalidJobOptionsTest extends JobOptionsTestSupport {

    private static final String WORKERS =
            "numberOfHumanWorkersPerDataObject (HumanTaskConfig.NumberOfHumanWorkersPerDataObject)";

    private final AtomicInteger awsCalls = new AtomicInteger();
    private SageMakerClient countedSageMaker;
    private SnsClient countedSns;
    private SqsClient countedSqs;
    private S3Client countedS3;

    @BeforeEach
    void countingClients() {
        countedSageMaker = counted(SageMakerClient.builder(), groundTruth.sageMakerEndpoint()).build();
        countedSns = counted(SnsClient.builder(), groundTruth.snsEndpoint()).build();
        countedSqs = counted(SqsClient.builder(), groundTruth.sqsEndpoint()).build();
        countedS3 = counted(S3Client.builder(), groundTruth.s3Endpoint()).forcePathStyle(true).build();
    }

    @AfterEach
    void closeCountingClients() {
        countedSageMaker.close();
        countedSns.close();
        countedSqs.close();
        countedS3.close();
    }

    @Test
    void everyBrokenRuleIsReportedWithItsFieldValueAndRuleAndNothingIsCalled() throws Exception {
        CamelContext context = countedProducer("sagemaker-labeling:reviews?" + jobOptions()
                .replace("textClassification", "textClasification")
                .replace("role/GroundTruth", "GroundTruth")
                + "&numberOfHumanWorkersPerDataObject=12&labelCategoryConfig=classpath:job/sentiment-labels.json"
                + "&tags=project");

        assertThatThrownBy(context::start).rootCause().isInstanceOf(LabelingValidationException.class)
                .hasMessageStartingWith("The labeling job options of endpoint sagemaker-labeling:reviews is invalid")
                .satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder("taskType", "labels", "tags",
                        "roleArn (RoleArn)", WORKERS))
                .hasMessageContaining("taskType = 'textClasification': ")
                .hasMessageContaining(WORKERS + " = 12: must be between 1 and 9")
                .hasMessageContaining("labels = 'positive,negative': must not be set together with"
                        + " labelCategoryConfig (classpath:job/sentiment-labels.json)");
        assertThat(awsCalls).as("AWS calls made").hasValue(0);
    }

    @Test
    void aMissingLabelFileAndTooFewLabelsAreFoundBeforeAnyCall() throws Exception {
        CamelContext context = countedProducer("sagemaker-labeling:reviews?" + jobOptions()
                .replace("labels=positive,negative", "labels=positive")
                + "&uiTemplate=classpath:job/no-such-template.html");

        assertThatThrownBy(context::start).rootCause().isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining("uiTemplate = 'classpath:job/no-such-template.html': names no readable file")
                .hasMessageContaining("labelCategoryConfig.labels = 1: at least 2 labels are required for Text"
                        + " classification (single label) jobs");
        assertThat(awsCalls).as("AWS calls made").hasValue(0);
    }

    @Test
    void ensureJobWithoutAnyJobOptionNamesWhatIsMissing() throws Exception {
        CamelContext context = countedProducer("sagemaker-labeling:reviews?ensureJob=true");

        assertThatThrownBy(context::start).rootCause().isInstanceOf(LabelingValidationException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder("taskType", "inputTopic",
                        "s3OutputPath (OutputConfig.S3OutputPath)", "roleArn (RoleArn)",
                        "workteamArn (HumanTaskConfig.WorkteamArn)"))
                .hasMessageContaining("taskType = null: is required to create or attach to the job");
        assertThat(awsCalls).as("AWS calls made").hasValue(0);
    }

    private static List<String> fields(Throwable validationFailure) {
        return ((LabelingValidationException) validationFailure).violations().stream().map(Violation::field).toList();
    }

    private CamelContext countedProducer(String uri) throws Exception {
        return context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri);
            }
        }, countedSageMaker, countedSns, countedSqs, countedS3);
    }

    private <B extends AwsClientBuilder<B, C>, C> B counted(B builder, URI endpoint) {
        return LocalAwsClients.configure(builder, endpoint, groundTruth.region())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeExecution(Context.BeforeExecution execution,
                                                        ExecutionAttributes attributes) {
                                awsCalls.incrementAndGet();
                            }
                        }).build());
    }
}
