package io.github.sagemakerlabeling.camel.rollover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.camel.consumer.LabelingEventType;
import io.github.sagemakerlabeling.camel.consumer.LabelingJobEvent;
import io.github.sagemakerlabeling.camel.health.LabelingJobHealthCheck;
import io.github.sagemakerlabeling.camel.job.JobOptionsTestSupport;
import io.github.sagemakerlabeling.core.service.LabelingJobException;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.time.SimulationClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Rollover on Local Ground Truth's simulated clock: a job that ended is followed by its successor, nothing sent is
 * lost, a restarted application attaches to the successor, and the idle warning comes before the idle stop.
 */
class RolloverTest extends JobOptionsTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private String producerUri() {
        return "sagemaker-labeling:reviews?" + jobOptions() + "&rollover=true&clock=#clock";
    }

    @Test
    void afterTheIdleStopTheNextObjectsAreLabeledByTheSuccessorAndNoneIsLost() throws Exception {
        SimulationClock clock = groundTruth.clock();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10").to("mock:labeled");
                from("sagemaker-labeling:reviews?jobEvents=true&jobEventsInterval=100&clock=#clock")
                        .to("mock:events");
                from("direct:send").to(producerUri());
            }
        });
        context.getRegistry().bind("clock", clock);
        context.start();
        MockEndpoint labeled = context.getEndpoint("mock:labeled", MockEndpoint.class);
        MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
        ProducerTemplate template = context.createProducerTemplate();

        send(template, "before", 3);
        await().atMost(WAIT).until(() -> labeled.getReceivedCounter() == 3);

        clock.advance(Duration.ofDays(9).plusHours(1));
        await().atMost(WAIT).until(() -> !eventsOf(events, LabelingEventType.idleWarning).isEmpty());
        assertThat(status("reviews")).as("the warning comes before the idle stop").isEqualTo(LabelingJobStatus.IN_PROGRESS);
        Exchange warning = eventsOf(events, LabelingEventType.idleWarning).get(0);
        assertThat(warning.getMessage().getHeader(SageMakerLabelingConstants.LAST_SENT)).isNotNull();
        assertThat(warning.getMessage().getBody(LabelingJobEvent.class).jobName()).isEqualTo("reviews");

        clock.advance(Duration.ofDays(1));
        await().atMost(WAIT).until(() -> status("reviews") == LabelingJobStatus.STOPPED);
        // The jobEvents route sees the stop before the next send rolls the chain over to the successor.
        await().atMost(WAIT).until(() -> events.getExchanges().stream().map(e -> e.getMessage()
                .getBody(LabelingJobEvent.class)).anyMatch(event -> event.status() == LabelingJobStatus.STOPPED));

        send(template, "after", 3);
        await().atMost(WAIT).until(() -> labeled.getReceivedCounter() >= 6);

        Map<String, Long> timesLabeled = labeled.getExchanges().stream().collect(Collectors.groupingBy(
                e -> e.getMessage().getHeader(SageMakerLabelingConstants.SOURCE, String.class), Collectors.counting()));
        assertThat(timesLabeled).as("each object labeled exactly once").hasSize(6).allSatisfy((id, n) ->
                assertThat(n).isOne());
        assertThat(labeled.getExchanges()).extracting(e -> e.getMessage().getHeader(SageMakerLabelingConstants.SOURCE)
                        + "@" + e.getMessage().getHeader(SageMakerLabelingConstants.JOB_NAME))
                .containsExactlyInAnyOrder("before 0 delicious@reviews", "before 1 delicious@reviews",
                        "before 2 delicious@reviews", "after 0 delicious@reviews-2", "after 1 delicious@reviews-2",
                        "after 2 delicious@reviews-2");

        DescribeLabelingJobResponse predecessor = sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews"));
        DescribeLabelingJobResponse successor = sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews-2"));
        assertThat(successor.tags()).contains(Tag.builder().key("predecessor").value("reviews").build(),
                Tag.builder().key("rollover-origin").value("reviews").build());
        assertThat(successor.inputConfig()).isEqualTo(predecessor.inputConfig());
        assertThat(successor.outputConfig().snsTopicArn()).isEqualTo(predecessor.outputConfig().snsTopicArn());

        // The events follow the chain: the warning, the old job's stop, then its successor.
        await().atMost(WAIT).until(() -> events.getExchanges().stream().anyMatch(e ->
                "reviews-2".equals(e.getMessage().getBody(LabelingJobEvent.class).jobName())));
        List<String> order = events.getExchanges().stream().map(e -> e.getMessage().getBody(LabelingJobEvent.class))
                .map(event -> event.jobName() + " " + (event.type() == LabelingEventType.labelCountersChanged
                        ? "counters" : event.type() == LabelingEventType.idleWarning ? "idleWarning"
                        : event.status().toString()))
                .filter(line -> !line.endsWith("counters")).distinct().toList();
        assertThat(order).containsSubsequence("reviews InProgress", "reviews idleWarning", "reviews Stopped",
                "reviews-2 InProgress");
        assertThat(order).containsOnlyOnce("reviews idleWarning");
    }

    @Test
    void anApplicationRestartedAfterARolloverAttachesToTheSuccessor() throws Exception {
        CamelContext first = producer();
        first.start();
        stopWhenInProgress("reviews");
        first.createProducerTemplate().sendBody("direct:send", "sent to the successor delicious");
        first.stop();
        assertThat(status("reviews-2")).isEqualTo(LabelingJobStatus.IN_PROGRESS);

        CamelContext restarted = producer();
        restarted.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?waitTimeSeconds=1&delay=10&healthCheckInterval=0").routeId("labeled")
                        .to("mock:labeled");
            }
        });
        restarted.start();

        assertThat(endpoint(restarted, heldProducerUri()).getEnsuredJob().created()).isFalse();
        assertThat(endpoint(restarted, heldProducerUri()).getEnsuredJob().job().labelingJobName()).isEqualTo("reviews-2");
        restarted.createProducerTemplate().sendBody("direct:send", "sent after the restart delicious");
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).extracting(s -> s.labelingJobName())
                .containsExactlyInAnyOrder("reviews", "reviews-2");
        await().atMost(WAIT).until(() -> sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews-2"))
                .labelCounters().totalLabeled() == 2);
        // The consumer's health follows the chain: the successor runs, though the job the route names has ended.
        HealthCheck.Result health = HealthCheckHelper.invoke(restarted).stream()
                .filter(result -> result.getCheck().getId().equals("consumer:sagemaker-labeling-labeled")).findFirst()
                .orElseThrow();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry(LabelingJobHealthCheck.JOB_NAME, "reviews-2");
    }

    @Test
    void aJobEventsRouteWithRolloverCreatesTheSuccessorAsSoonAsTheJobEnds() throws Exception {
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?" + jobOptions() + "&rollover=true&jobEvents=true"
                        + "&jobEventsInterval=100").to("mock:events");
            }
        });
        context.start();

        stopWhenInProgress("reviews");

        await().atMost(WAIT).until(() -> sageMaker.listLabelingJobs().labelingJobSummaryList().size() == 2);
        MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
        await().atMost(WAIT).until(() -> events.getExchanges().stream().map(e -> e.getMessage()
                .getBody(LabelingJobEvent.class)).anyMatch(event -> event.jobName().equals("reviews-2")));
        assertThat(events.getExchanges()).extracting(e -> e.getMessage().getBody(LabelingJobEvent.class))
                .extracting(LabelingJobEvent::jobName).containsSubsequence("reviews", "reviews-2");
        assertThat(status("reviews-2")).isIn(LabelingJobStatus.INITIALIZING, LabelingJobStatus.IN_PROGRESS);
    }

    @Test
    void theProducerHoldsObjectsForABoundedTimeAndThenFailsClearly() throws Exception {
        CamelContext context = producer();
        context.start();
        stopWhenInProgress("reviews");
        groundTruth.engineSettings(groundTruth.engineSettings().withInitializingDelay(Duration.ofDays(1)));

        ProducerTemplate template = context.createProducerTemplate();
        assertThatThrownBy(() -> template.sendBody("direct:send", "held delicious"))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(LabelingJobException.class)
                .hasMessageContaining("reviews-2").hasMessageContaining("Initializing")
                .hasMessageContaining("succeeds reviews (Stopped)").hasMessageContaining("Nothing was published");
        assertThat(status("reviews-2")).isEqualTo(LabelingJobStatus.INITIALIZING);
    }

    @Test
    void rolloverWithoutTheJobOptionsIsRefusedAtStart() throws Exception {
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:reviews?rollover=true");
            }
        });

        assertThatThrownBy(context::start).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rollover=true needs the job's options");
    }

    private CamelContext producer() throws Exception {
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(heldProducerUri());
            }
        });
        context.getRegistry().bind("clock", groundTruth.clock());
        return context;
    }

    /** A producer that checks the job before every send and holds objects for 2 s at most. */
    private String heldProducerUri() {
        return producerUri() + "&rolloverTimeout=2s&rolloverCheckInterval=0";
    }

    private static void send(ProducerTemplate template, String prefix, int count) {
        IntStream.range(0, count).forEach(i -> template.sendBody("direct:send", prefix + " " + i + " delicious"));
    }

    private static List<Exchange> eventsOf(MockEndpoint events, LabelingEventType type) {
        return events.getExchanges().stream().filter(e -> type.name().equals(
                e.getMessage().getHeader(SageMakerLabelingConstants.EVENT_TYPE))).toList();
    }

    /** Stops the job as someone else would, once it may be stopped, and waits until it is Stopped. */
    private void stopWhenInProgress(String job) {
        await().atMost(WAIT).until(() -> status(job) == LabelingJobStatus.IN_PROGRESS);
        sageMaker.stopLabelingJob(b -> b.labelingJobName(job));
        await().atMost(WAIT).until(() -> status(job) == LabelingJobStatus.STOPPED);
    }

    private LabelingJobStatus status(String job) {
        return sageMaker.describeLabelingJob(b -> b.labelingJobName(job)).labelingJobStatus();
    }
}
