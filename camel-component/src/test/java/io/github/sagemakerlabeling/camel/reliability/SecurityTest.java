package io.github.sagemakerlabeling.camel.reliability;

import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.SOURCE_REF;
import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.UPLOAD_KEY;
import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.UPLOAD_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sagemakerlabeling.camel.SageMakerLabelingComponent;
import io.github.sagemakerlabeling.camel.SageMakerLabelingEndpoint;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the component does to keep labeled data and credentials safe: the consumer's queue takes messages only from
 * the job's output topic, credentials never show in logs, toString or exceptions, and uploads can be encrypted with
 * SSE-KMS.
 */
class SecurityTest extends ReliabilityTestSupport {

    private static final String ACCESS_KEY = "AKIARELIABILITY0001";
    private static final String SECRET_KEY = "rEl1abIl1ty/S3cr3tK3y+EXAMPLEwJalrXUtnFEMI";
    private static final String SECRET_FRAGMENT = "S3cr3tK3y";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjRELIABILITYSESSIONTOKEN";

    @Test
    void theConsumersQueueTakesOnlyTheJobsOutputTopicsMessages() throws Exception {
        CamelContext context = context(labelingRoutes("sagemaker-labeling:reviews?" + jobOptions()));
        context.start();
        String outputTopic = sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews")).outputConfig()
                .snsTopicArn();
        String queue = sqs.getQueueUrl(b -> b.queueName("reviews-output")).queueUrl();
        String policy = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.POLICY))
                .attributes().get(QueueAttributeName.POLICY);
        assertThat(policy).contains(outputTopic).contains("sqs:SendMessage").contains("sns.amazonaws.com");

        MockEndpoint labeled = labeled(context);
        labeled.expectedMessageCount(1);
        ProducerTemplate template = context.createProducerTemplate();
        template.sendBody("direct:send", "The first soup was delicious");
        labeled.assertIsSatisfied(LABELED_WITHIN.toMillis());
        String realLine = labeled.getExchanges().get(0).getMessage().getBody(LabelingResult.class).rawText();
        String forgedLine = realLine.replace("The first soup was delicious", "Forged: the soup was poisoned");
        assertThat(new OutputLineParser().parse(forgedLine).source()).as("the forgery is a well-formed output line")
                .contains("Forged: the soup was poisoned");

        // A second topic subscribed to the consumer's queue, and, to show the topic does deliver, to an open queue.
        String rogueTopic = sns.createTopic(b -> b.name("reviews-rogue")).topicArn();
        String openQueue = sqs.createQueue(b -> b.queueName("open-queue")).queueUrl();
        for (String subscribed : List.of(queue, openQueue)) {
            sns.subscribe(b -> b.topicArn(rogueTopic).protocol("sqs").endpoint(queueArn(subscribed))
                    .attributes(Map.of("RawMessageDelivery", "true")));
        }
        sns.publish(b -> b.topicArn(rogueTopic).message(forgedLine));

        List<Message> delivered = sqs.receiveMessage(b -> b.queueUrl(openQueue).waitTimeSeconds(5)).messages();
        assertThat(delivered).extracting(Message::body).containsExactly(forgedLine);
        labeled.reset();
        labeled.expectedMessageCount(1);
        template.sendBody("direct:send", "The second soup was delicious");
        labeled.assertIsSatisfied(LABELED_WITHIN.toMillis());
        assertThat(sources(labeled)).containsExactly("The second soup was delicious");
        assertNoMoreThan(1, labeled);
        assertThat(visibleAndInFlight(queue)).as("messages left on the consumer's queue").isZero();
    }

    @Test
    void credentialsNeverShowInLogsToStringOrExceptions() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        List<String> shown = new ArrayList<>();
        System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
        try {
            String credentials = "&region=" + groundTruth.region() + "&accessKey=" + ACCESS_KEY
                    + "&secretKey=RAW(" + SECRET_KEY + ")&sessionToken=" + SESSION_TOKEN
                    + "&useSessionCredentials=true&overrideEndpoint=true"
                    + "&sageMakerEndpointOverride=" + groundTruth.sageMakerEndpoint()
                    + "&snsEndpointOverride=" + groundTruth.snsEndpoint()
                    + "&sqsEndpointOverride=" + groundTruth.sqsEndpoint();
            String uri = "sagemaker-labeling:reviews?" + jobOptions() + credentials;
            // The endpoints build their SageMaker, SNS and SQS clients from the credentials, and use them. S3 is the
            // stack's client: Local Ground Truth's S3 (S3Proxy) answers requests signed with a session token with
            // 501 Not Implemented.
            CamelContext context = track(new DefaultCamelContext());
            context.getRegistry().bind("s3", s3);
            context.addRoutes(labelingRoutes(uri));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:missingJob").to("sagemaker-labeling:no-such-job?operation=describeJob" + credentials);
                }
            });
            context.start();
            MockEndpoint labeled = labeled(context);
            labeled.expectedMessageCount(1);
            ProducerTemplate template = context.createProducerTemplate();
            template.sendBody("direct:send", "A delicious secret");
            labeled.assertIsSatisfied(LABELED_WITHIN.toMillis());

            Exchange badBody = template.request("direct:send", e -> e.getMessage().setBody(null));
            assertThat(badBody.getException()).isInstanceOf(LabelingValidationException.class);
            Exchange missingJob = template.request("direct:missingJob", e -> { });
            assertThat(missingJob.getException()).isNotNull();
            shown.add(describe(badBody.getException()));
            shown.add(describe(missingJob.getException()));
            shown.add(badBody.toString());

            for (SageMakerLabelingEndpoint endpoint : context.getEndpoints().stream()
                    .filter(SageMakerLabelingEndpoint.class::isInstance).map(SageMakerLabelingEndpoint.class::cast)
                    .toList()) {
                assertThat(endpoint.getConfiguration().getSecretKey()).isEqualTo(SECRET_KEY);
                shown.add(endpoint.toString());
                shown.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
            }
            context.getRoutes().forEach(route -> shown.add(route.toString() + " " + route.getEndpoint()));

            // Invalid job options and an unknown option, with the same credentials.
            CamelContext invalid = track(new DefaultCamelContext());
            invalid.getRegistry().bind("s3", s3);
            invalid.addRoutes(labelingRoutes("sagemaker-labeling:reviews-2?" + jobOptions()
                    .replace("labels=positive,negative", "labels=positive") + credentials));
            Throwable startFailure = catchThrowable(invalid::start);
            assertThat(startFailure).hasRootCauseInstanceOf(LabelingValidationException.class);
            shown.add(describe(startFailure));
            CamelContext unknownOption = track(new DefaultCamelContext());
            Throwable resolveFailure = catchThrowable(() -> unknownOption.getEndpoint(
                    "sagemaker-labeling:reviews?noSuchOption=1" + credentials));
            assertThat(resolveFailure).isNotNull();
            shown.add(describe(resolveFailure));

            // Credentials set on the component, as camel.component.sagemaker-labeling.* properties do, while the
            // context stops and logs. (Neither the configuration nor the component has a toString of its own: the
            // catalog's secret flags, checked in SecretOptionsTest, are what keeps credentials out of what Camel
            // shows.)
            SageMakerLabelingComponent component = context.getComponent("sagemaker-labeling",
                    SageMakerLabelingComponent.class);
            component.getConfiguration().setSecretKey(SECRET_KEY);
            component.getConfiguration().setSessionToken(SESSION_TOKEN);
            context.stop();
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the logs").contains("Created streaming labeling job reviews");
        shown.add(logs);
        // Fragments without URI-special characters: they show whether a secret leaked raw or URL-encoded.
        assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain(SECRET_FRAGMENT)
                .doesNotContain(SESSION_TOKEN).doesNotContain(ACCESS_KEY));
    }

    @Test
    void uploadsOfUpTo16MiBAreEncryptedWithTheKmsKey() throws Exception {
        s3.createBucket(b -> b.bucket("uploads"));
        CamelContext context = context(labelingRoutes("sagemaker-labeling:reviews?" + jobOptions()
                + "&uploadBucket=uploads&uploadPrefix=input/&uploadKmsKeyId=alias/labeling-uploads"));
        context.start();
        byte[] image = new byte[16 * 1024 * 1024];
        new SplittableRandom(16).nextBytes(image);
        MockEndpoint labeled = labeled(context);
        labeled.expectedMessageCount(1);

        Exchange sent = context.createProducerTemplate().request("direct:send",
                e -> e.getMessage().setBody(image));

        assertThat(sent.getException()).isNull();
        String key = sent.getMessage().getHeader(UPLOAD_KEY, String.class);
        HeadObjectResponse head = s3.headObject(b -> b.bucket("uploads").key(key));
        assertThat(head.contentLength()).isEqualTo(image.length);
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).isEqualTo("alias/labeling-uploads");
        labeled.assertIsSatisfied(LABELED_WITHIN.toMillis());
        assertThat(labeled.getExchanges().get(0).getMessage().getHeader(SOURCE_REF))
                .isEqualTo(sent.getMessage().getHeader(UPLOAD_URI));
    }

    /** An exception as a log would show it: its chain's messages and stack trace. */
    private static String describe(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Writes to the original stream and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                original.write(b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            original.flush();
        }
    }
}
