package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/** A jobEvents consumer routes the job's status and label counter changes, each once. */
class JobEventsTest extends ConsumerTestSupport {

    private final AtomicBoolean failFirstInProgress = new AtomicBoolean(true);
    private final List<LabelingJobEvent> attempted = new CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?jobEvents=true&jobEventsInterval=50").routeId("events")
                        .process(exchange -> {
                            LabelingJobEvent event = exchange.getMessage().getBody(LabelingJobEvent.class);
                            attempted.add(event);
                            if (event.status() == LabelingJobStatus.IN_PROGRESS && failFirstInProgress.getAndSet(false)) {
                                throw new IllegalStateException("the onward system is down");
                            }
                        })
                        .to("mock:events");
            }
        };
    }

    @Test
    void statusAndCounterChangesAreRoutedFromCreationToStop() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");

        fixture.createJob();
        await().atMost(Duration.ofSeconds(15)).until(() -> events.getExchanges().stream()
                .anyMatch(e -> event(e).status() == LabelingJobStatus.IN_PROGRESS));
        fixture.feed(reviews("events", 4));
        await().atMost(Duration.ofSeconds(15)).until(() -> events.getExchanges().stream()
                .anyMatch(e -> event(e).labelCounters().totalLabeled() == 4));
        fixture.jobs().stop(LabelingJobFixture.JOB);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.getExchanges().stream()
                .anyMatch(e -> event(e).status() == LabelingJobStatus.STOPPED));
        assertNoMoreThan(events, events.getReceivedCounter());

        List<LabelingJobEvent> routed = events.getExchanges().stream().map(JobEventsTest::event).toList();
        List<LabelingJobStatus> statuses = routed.stream()
                .filter(event -> event.type() == LabelingEventType.jobStatusChanged).map(LabelingJobEvent::status)
                .toList();
        assertThat(statuses).startsWith(LabelingJobStatus.INITIALIZING, LabelingJobStatus.IN_PROGRESS)
                .endsWith(LabelingJobStatus.STOPPED).doesNotHaveDuplicates()
                .isSubsetOf(LabelingJobStatus.INITIALIZING, LabelingJobStatus.IN_PROGRESS, LabelingJobStatus.STOPPING,
                        LabelingJobStatus.STOPPED);
        assertThat(routed).filteredOn(event -> event.type() == LabelingEventType.labelCountersChanged)
                .isNotEmpty().allSatisfy(event -> assertThat(event.status()).isEqualTo(LabelingJobStatus.IN_PROGRESS))
                .extracting(event -> event.labelCounters().totalLabeled()).isSorted().last().isEqualTo(4);
        for (int i = 1; i < routed.size(); i++) {
            assertThat(routed.get(i)).as("each event is a change").isNotEqualTo(routed.get(i - 1));
        }
        // The InProgress event failed once and was the very next one routed, unchanged: it was not lost, and no
        // later change overtook it.
        List<LabelingJobEvent> inProgress = attempted.stream().filter(event -> event.type()
                == LabelingEventType.jobStatusChanged && event.status() == LabelingJobStatus.IN_PROGRESS).toList();
        assertThat(inProgress).hasSize(2);
        assertThat(inProgress.get(1)).isEqualTo(inProgress.get(0));
        int failedAt = attempted.indexOf(inProgress.get(0));
        assertThat(attempted.get(failedAt + 1)).isEqualTo(inProgress.get(0));
        assertThat(routed).filteredOn(event -> event.status() == LabelingJobStatus.IN_PROGRESS
                && event.type() == LabelingEventType.jobStatusChanged).containsExactly(inProgress.get(0));

        Exchange last = events.getExchanges().get(events.getExchanges().size() - 1);
        assertThat(last.getMessage().getHeaders())
                .containsEntry(SageMakerLabelingConstants.EVENT_TYPE, "jobStatusChanged")
                .containsEntry(SageMakerLabelingConstants.JOB_STATUS, "Stopped")
                .containsEntry(SageMakerLabelingConstants.JOB_NAME, LabelingJobFixture.JOB);
        assertThat(last.getMessage().getHeader(SageMakerLabelingConstants.LABEL_COUNTERS, LabelCounters.class)
                .totalLabeled()).isEqualTo(4);
    }

    @Test
    void theUsersDelayWinsOverTheJobEventsInterval() throws Exception {
        Endpoint withDelay = context.getEndpoint("sagemaker-labeling:reviews?jobEvents=true&delay=50");
        Endpoint withInterval = context.getEndpoint("sagemaker-labeling:reviews?jobEvents=true&jobEventsInterval=2s");
        Endpoint withNeither = context.getEndpoint("sagemaker-labeling:reviews?jobEvents=true");

        assertThat(((ScheduledPollConsumer) withDelay.createConsumer(exchange -> { })).getDelay()).isEqualTo(50);
        assertThat(((ScheduledPollConsumer) withInterval.createConsumer(exchange -> { })).getDelay()).isEqualTo(2_000);
        assertThat(((ScheduledPollConsumer) withNeither.createConsumer(exchange -> { })).getDelay()).isEqualTo(5_000);
    }

    private static LabelingJobEvent event(Exchange exchange) {
        return exchange.getMessage().getBody(LabelingJobEvent.class);
    }
}
