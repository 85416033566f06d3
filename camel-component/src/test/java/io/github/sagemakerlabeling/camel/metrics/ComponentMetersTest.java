package io.github.sagemakerlabeling.camel.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.camel.SageMakerLabelingOperations;
import io.github.sagemakerlabeling.camel.job.JobOptionsTestSupport;
import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.Operation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;

/**
 * The component's meters, read from a SimpleMeterRegistry bound in the registry, while routes feed and consume a
 * text classification job on Local Ground Truth.
 */
class ComponentMetersTest extends JobOptionsTestSupport {

    private static final String JOB = "reviews";

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void feedingAndRoutingNObjectsCountsEachOnceAndInFlightReturnsToZero() throws Exception {
        String producerUri = "sagemaker-labeling:" + JOB + "?" + jobOptions();
        CamelContext context = started(producerUri, producerUri + "&waitTimeSeconds=1&delay=10", "mock:labeled");
        List<String> texts = texts(5);
        MockEndpoint labeled = context.getEndpoint("mock:labeled", MockEndpoint.class);
        labeled.expectedMessageCount(texts.size());

        ProducerTemplate template = context.createProducerTemplate();
        texts.forEach(text -> template.sendBody("direct:send", text));

        assertThat(counter(MeterNames.PUBLISHED)).isEqualTo(5);
        labeled.assertIsSatisfied(Duration.ofSeconds(30).toMillis());
        await().atMost(Duration.ofSeconds(10)).until(() -> counter(MeterNames.LABELED) == 5);
        assertThat(gauge(MeterNames.IN_FLIGHT)).isZero();
        assertThat(counter(MeterNames.PUBLISH_RETRIES)).isZero();
        assertThat(counter(MeterNames.PUBLISH_FAILED)).isZero();
        assertThat(counter(MeterNames.MALFORMED)).isZero();
        assertThat(counter(MeterNames.ROUTE_FAILURES)).isZero();
        assertThat(labelCounter("total_labeled")).as("no DescribeLabelingJob call since the job was ensured")
                .isZero();

        // The consumer's health check describes the job: the gauges take the counters it answered.
        HealthCheckHelper.invoke(context);
        LabelCounters described = sageMaker.describeLabelingJob(b -> b.labelingJobName(JOB)).labelCounters();
        assertThat(described.totalLabeled()).isEqualTo(5);
        assertThat(labelCounter("total_labeled")).isEqualTo(described.totalLabeled().doubleValue());
        assertThat(labelCounter("human_labeled")).isEqualTo(described.humanLabeled().doubleValue());
        assertThat(labelCounter("machine_labeled")).isEqualTo(described.machineLabeled().doubleValue());
        assertThat(labelCounter("failed_non_retryable_error")).isEqualTo(described.failedNonRetryableError().doubleValue());
        assertThat(labelCounter("unlabeled")).isEqualTo(described.unlabeled().doubleValue());
    }

    @Test
    void metricsJobCountersIntervalDescribesTheJobForTheGaugesOnItsOwn() throws Exception {
        String producerUri = "sagemaker-labeling:" + JOB + "?" + jobOptions() + "&metricsJobCountersInterval=50";
        CamelContext context = started(producerUri, null, null);

        context.createProducerTemplate().sendBody("direct:send", "A delicious tart");

        await().atMost(Duration.ofSeconds(30)).until(() -> labelCounter("total_labeled") == 1);
    }

    @Test
    void aFailingRouteCountsFailuresAndTheMessageSqsDeadLettersOnItsLastReceive() throws Exception {
        String producerUri = "sagemaker-labeling:" + JOB + "?" + jobOptions();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from(producerUri + "&waitTimeSeconds=1&delay=10&failureBackoff=1s&deadLetterQueue=reviews-dead"
                        + "&maxReceiveCount=2")
                        .process(exchange -> {
                            throw new IllegalStateException("the onward system is down for good");
                        });
                from("direct:send").to(producerUri);
            }
        });
        context.getRegistry().bind("meters", meters);
        context.start();

        context.createProducerTemplate().sendBody("direct:send", "A doomed but delicious review");

        String deadLetters = sqs.getQueueUrl(b -> b.queueName("reviews-dead")).queueUrl();
        await().atMost(Duration.ofSeconds(30)).until(() -> !sqs.receiveMessage(b -> b.queueUrl(deadLetters)
                .visibilityTimeout(0)).messages().isEmpty());
        assertThat(counter(MeterNames.ROUTE_FAILURES)).isEqualTo(2);
        assertThat(counter(MeterNames.DEAD_LETTERED)).isEqualTo(1);
        assertThat(counter(MeterNames.LABELED)).isZero();
        assertThat(gauge(MeterNames.IN_FLIGHT)).isEqualTo(1);
    }

    @Test
    void anOutputMessageThatIsNoOutputLineCountsAsMalformed() throws Exception {
        String producerUri = "sagemaker-labeling:" + JOB + "?" + jobOptions();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from(producerUri + "&waitTimeSeconds=1&delay=10")
                        .errorHandler(deadLetterChannel("mock:malformed").maximumRedeliveries(0))
                        .to("mock:labeled");
            }
        });
        context.getRegistry().bind("meters", meters);
        context.start();
        MockEndpoint malformed = context.getEndpoint("mock:malformed", MockEndpoint.class);
        malformed.expectedMessageCount(1);

        sqs.sendMessage(b -> b.queueUrl(sqs.getQueueUrl(q -> q.queueName(JOB + "-output")).queueUrl())
                .messageBody("not an output line"));

        malformed.assertIsSatisfied(Duration.ofSeconds(20).toMillis());
        assertThat(counter(MeterNames.MALFORMED)).isEqualTo(1);
        assertThat(counter(MeterNames.LABELED)).isZero();
    }

    @Test
    void publishRetriesCountCallsTheSdkTriesAgainAndBatchEntriesSnsFailed() throws Exception {
        String producerUri = "sagemaker-labeling:" + JOB + "?" + jobOptions();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri);
                from("direct:batch").to(producerUri + "&batching=true");
                from("direct:doomed").to(producerUri + "&maxPublishAttempts=2");
            }
        });
        context.getRegistry().bind("meters", meters);
        context.start();
        ProducerTemplate template = context.createProducerTemplate();

        groundTruth.faults().inject(Operation.SNS_PUBLISH, Fault.throttling(1.0).times(2));
        template.sendBody("direct:send", "Throttled twice, then delicious");
        assertThat(counter(MeterNames.PUBLISH_RETRIES)).isEqualTo(2);

        groundTruth.faults().inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.serverError(1.0).times(1));
        template.sendBody("direct:batch", "An entry SNS failed once");
        assertThat(counter(MeterNames.PUBLISH_RETRIES)).isEqualTo(3);
        assertThat(counter(MeterNames.PUBLISHED)).isEqualTo(2);

        groundTruth.faults().inject(Operation.SNS_PUBLISH, Fault.throttling(1.0));
        Exchange failed = template.request("direct:doomed", e -> e.getMessage().setBody("Never sent"));
        assertThat(failed.getException()).isNotNull();
        assertThat(counter(MeterNames.PUBLISH_FAILED)).isEqualTo(1);
        assertThat(counter(MeterNames.PUBLISH_RETRIES)).isEqualTo(4);
        assertThat(counter(MeterNames.PUBLISHED)).isEqualTo(2);
    }

    @Test
    void binaryBodiesCountUploadsBytesAndBodiesAlreadyInS3() throws Exception {
        String producerUri = "sagemaker-labeling:" + JOB + "?" + jobOptions() + "&uploadBucket=" + BUCKET;
        CamelContext context = started(producerUri, null, null);
        byte[] review = "A delicious review, as bytes".getBytes(StandardCharsets.UTF_8);

        ProducerTemplate template = context.createProducerTemplate();
        template.sendBody("direct:send", review);
        template.sendBody("direct:send", review);

        assertThat(meters.get(MeterNames.UPLOADS).tags(MeterNames.JOB, JOB, MeterNames.REUSED, "false").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get(MeterNames.UPLOADS).tags(MeterNames.JOB, JOB, MeterNames.REUSED, "true").counter()
                .count()).isEqualTo(1);
        assertThat(counter(MeterNames.UPLOADED_BYTES)).isEqualTo(review.length);
        assertThat(counter(MeterNames.PUBLISHED)).isEqualTo(2);
    }

    @Test
    void withoutAMeterRegistryTheRoutesWorkAsBefore() throws Exception {
        String producerUri = "sagemaker-labeling:" + JOB + "?" + jobOptions();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from(producerUri + "&waitTimeSeconds=1&delay=10").to("mock:labeled");
                from("direct:send").to(producerUri);
            }
        });
        context.start();
        MockEndpoint labeled = context.getEndpoint("mock:labeled", MockEndpoint.class);
        labeled.expectedMessageCount(1);

        context.createProducerTemplate().sendBody("direct:send", "Measured by nobody, but delicious");

        labeled.assertIsSatisfied(Duration.ofSeconds(30).toMillis());
    }

    @Test
    void metricsFalseRegistersNoMeterInTheRegistryThereIs() throws Exception {
        CamelContext context = started("sagemaker-labeling:" + JOB + "?" + jobOptions() + "&metrics=false", null, null);

        context.createProducerTemplate().sendBody("direct:send", "Not measured");

        assertThat(meters.getMeters()).isEmpty();
    }

    @Test
    void aMetricsRegistryThatIsNoMeterRegistryIsRefusedWhenTheRouteStarts() throws Exception {
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:" + JOB + "?ensureJob=false&metricsRegistry=#notMeters");
            }
        });
        context.getRegistry().bind("notMeters", "a string");

        assertThat(org.junit.jupiter.api.Assertions.assertThrows(Exception.class, context::start))
                .rootCause().hasMessageContaining("metricsRegistry").hasMessageContaining("MeterRegistry");
    }

    /** A started context with the meters bound, {@code direct:send} to the producer and an optional consumer route. */
    private CamelContext started(String producerUri, String consumerUri, String consumerTarget) throws Exception {
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                if (consumerUri != null) {
                    from(consumerUri).to(consumerTarget);
                }
                from("direct:send").to(producerUri);
            }
        });
        context.getRegistry().bind("meters", meters);
        context.start();
        return context;
    }

    private static List<String> texts(int count) {
        return IntStream.range(0, count).mapToObj(i -> "Review " + i + (i % 2 == 0 ? " was delicious" : " was bland"))
                .toList();
    }

    private double counter(String name) {
        return meters.get(name).tag(MeterNames.JOB, JOB).counter().count();
    }

    private double gauge(String name) {
        return meters.get(name).tag(MeterNames.JOB, JOB).gauge().value();
    }

    private double labelCounter(String counter) {
        return meters.get(MeterNames.LABEL_COUNTERS).tags(MeterNames.JOB, JOB, MeterNames.COUNTER, counter).gauge()
                .value();
    }
}
