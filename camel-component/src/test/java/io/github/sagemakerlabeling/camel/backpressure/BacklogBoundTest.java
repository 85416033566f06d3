package io.github.sagemakerlabeling.camel.backpressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.job.JobOptionsTestSupport;
import io.github.sagemakerlabeling.core.service.backlog.BacklogFullException;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.time.SimulationClock;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;

/**
 * Issue 15, item 1: a slow work team (2 objects at once, an hour each) and objects that expire after 3 hours of
 * waiting (Ground Truth's 14 days, shortened). Ten objects sent at once overwhelm it and some expire; with maxBacklog
 * the producer holds them back and none does. The simulation clock jumps 20 minutes at a time, so the test takes
 * seconds.
 */
class BacklogBoundTest extends JobOptionsTestSupport {

    private static final int OBJECTS = 10;

    @RegisterExtension
    static final LocalGroundTruthExtension SLOW_TEAM = LocalGroundTruthExtension.shared()
            .withEngineSettings(EngineSettings.defaults().withInitializingDelay(Duration.ZERO)
                    .withWorkTime(Duration.ofHours(1)).withBacklogExpiry(Duration.ofHours(3))
                    .withAnnotator(RuleBasedAnnotator.firstLabel()));

    private final Queue<String> results = new ConcurrentLinkedQueue<>();

    @Test
    void withoutABoundObjectsWaitTooLongAndExpire() throws Exception {
        ProducerTemplate template = start("").createProducerTemplate();
        IntStream.range(0, OBJECTS).forEach(i -> template.sendBody("seda:feed", "review " + i));

        await().atMost(Duration.ofSeconds(60)).until(() -> counters().unlabeled() == OBJECTS);
        clock().advance(Duration.ofHours(10));

        await().atMost(Duration.ofSeconds(60)).until(() -> done(counters()) == OBJECTS);
        assertThat(counters().failedNonRetryableError()).as("objects expired in the job's queue").isPositive();
    }

    @Test
    void withMaxBacklogNothingExpires() throws Exception {
        feedAndLetTimePass(start("&maxBacklog=2"));

        assertThat(counters().failedNonRetryableError()).isZero();
        assertThat(counters().totalLabeled()).isEqualTo(OBJECTS);
        // the last result may still be on its way to the consumer when the job counts it
        await().atMost(Duration.ofSeconds(60)).until(() -> results.size() == OBJECTS);
    }

    @Test
    void withAnAutoBoundNothingExpires() throws Exception {
        feedAndLetTimePass(start("&maxBacklog=auto&backlogExpiry=3h"));

        assertThat(counters().failedNonRetryableError()).isZero();
        assertThat(counters().totalLabeled()).isEqualTo(OBJECTS);
    }

    @Test
    void overTheBoundWithoutBlockingAnExchangeFailsNamingTheBacklogTheBoundAndTheOption() throws Exception {
        ProducerTemplate template = direct("&maxBacklog=1&backlogBlockWhenFull=false");
        template.sendBody("direct:send", "review 1");

        assertThatThrownBy(() -> template.sendBody("direct:send", "review 2")).rootCause()
                .isInstanceOf(BacklogFullException.class)
                .hasMessage("The backlog of labeling job 'slow-reviews' is 1 (objects sent, not labeled yet), at its"
                        + " bound of 1 (maxBacklog=1; backlogBlockWhenFull=false fails at once)");
        assertThat(counters().unlabeled()).as("the refused object was not sent").isLessThanOrEqualTo(1);
    }

    @Test
    void aWaitingExchangeFailsAfterBacklogTimeout() throws Exception {
        ProducerTemplate template = direct("&maxBacklog=1&backlogTimeout=300");
        template.sendBody("direct:send", "review 1");

        assertThatThrownBy(() -> template.sendBody("direct:send", "review 2")).rootCause()
                .isInstanceOf(BacklogFullException.class)
                .hasMessageEndingWith("(maxBacklog=1; no room within backlogTimeout=PT0.3S)");
    }

    @Test
    void brokenOptionsFailTheStartNamingOptionValueAndRule() throws Exception {
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:slow-reviews?maxBacklog=lots&maxObjects=0");
            }
        });

        assertThatThrownBy(context::start).rootCause().isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining("maxBacklog = 'lots': must be a whole number of objects, or auto")
                .hasMessageContaining("maxObjects = 0: must be at least 1");
    }

    /** A template sending {@code direct:send} to the job with the given options, no consumer. */
    private ProducerTemplate direct(String feedOptions) throws Exception {
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:slow-reviews?" + jobOptions()
                        + "&maxConcurrentTaskCount=2&backlogCheckInterval=100" + feedOptions);
            }
        });
        context.start();
        return context.createProducerTemplate();
    }

    /** Queues the objects for the feeding route, then moves the clock on until every object is done. */
    private void feedAndLetTimePass(CamelContext context) {
        ProducerTemplate template = context.createProducerTemplate();
        IntStream.range(0, OBJECTS).forEach(i -> template.sendBody("seda:feed", "review " + i));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            clock().advance(Duration.ofMinutes(20));
            return done(counters()) == OBJECTS;
        });
    }

    /** A context whose one route feeds the job from a queue, one exchange at a time, and another consumes it. */
    private CamelContext start(String feedOptions) throws Exception {
        String job = "sagemaker-labeling:slow-reviews?" + jobOptions() + "&maxConcurrentTaskCount=2&clock=#clock";
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:feed").to(job + feedOptions + "&backlogCheckInterval=100");
                from(job + "&waitTimeSeconds=1").process(exchange -> results.add(exchange.getMessage()
                        .getBody(String.class)));
            }
        });
        context.getRegistry().bind("clock", clock());
        context.start();
        return context;
    }

    private SimulationClock clock() {
        return groundTruth.clock();
    }

    private LabelCounters counters() {
        return sageMaker.describeLabelingJob(b -> b.labelingJobName("slow-reviews")).labelCounters();
    }

    private static long done(LabelCounters counters) {
        return counters.totalLabeled() + counters.failedNonRetryableError();
    }
}
