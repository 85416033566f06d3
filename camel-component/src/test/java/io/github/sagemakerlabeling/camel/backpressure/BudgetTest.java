package io.github.sagemakerlabeling.camel.backpressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.consumer.LabelingEventType;
import io.github.sagemakerlabeling.camel.consumer.LabelingJobEvent;
import io.github.sagemakerlabeling.camel.job.JobOptionsTestSupport;
import io.github.sagemakerlabeling.core.service.budget.BudgetSpentException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;

/**
 * Issue 15, item 4: maxObjects and maxObjectsPerDay stop feeding with a clear exception and a budgetSpent job event;
 * the spent count is the job's own, so it survives a restart; days are the job's, on the simulation clock.
 */
class BudgetTest extends JobOptionsTestSupport {

    private static final String JOB = "budget-reviews";

    private final List<LabelingJobEvent> budgetEvents = new CopyOnWriteArrayList<>();

    @Test
    void maxObjectsStopsFeedingWithAClearExceptionAndAJobEvent() throws Exception {
        ProducerTemplate template = start("&maxObjects=3");
        for (int i = 1; i <= 3; i++) {
            template.sendBody("direct:send", "review " + i);
        }

        for (int attempt = 4; attempt <= 5; attempt++) {
            String body = "review " + attempt;
            assertThatThrownBy(() -> template.sendBody("direct:send", body)).rootCause()
                    .isInstanceOf(BudgetSpentException.class)
                    .hasMessage("The budget of labeling job 'budget-reviews' is spent: it took on 3 objects and"
                            + " maxObjects=3 allows no more; 1 more refused");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !budgetEvents.isEmpty());
        assertThat(budgetEvents).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(LabelingEventType.budgetSpent);
            assertThat(event.jobName()).isEqualTo(JOB);
            assertThat(event.message()).hasValueSatisfying(message -> assertThat(message).contains("maxObjects=3"));
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> taken(counters()) == 3);
    }

    @Test
    void theSpentCountIsTheJobsOwnAndSurvivesARestart() throws Exception {
        ProducerTemplate first = start("&maxObjects=3");
        first.sendBody("direct:send", "review 1");
        first.sendBody("direct:send", "review 2");
        await().atMost(Duration.ofSeconds(60)).until(() -> taken(counters()) == 2);
        first.getCamelContext().stop();

        ProducerTemplate second = start("&maxObjects=3");
        second.sendBody("direct:send", "review 3");
        assertThatThrownBy(() -> second.sendBody("direct:send", "review 4")).rootCause()
                .isInstanceOf(BudgetSpentException.class).hasMessageContaining("it took on 3 objects");
    }

    @Test
    void maxObjectsPerDayRefusesUntilTheNextDayOfTheJob() throws Exception {
        ProducerTemplate template = start("&maxObjectsPerDay=2&clock=#clock&backlogCheckInterval=0");
        template.sendBody("direct:send", "day 1, review 1");
        template.sendBody("direct:send", "day 1, review 2");
        assertThatThrownBy(() -> template.sendBody("direct:send", "day 1, review 3")).rootCause()
                .isInstanceOf(BudgetSpentException.class)
                .hasMessageContaining("maxObjectsPerDay=2 allows 2 by the end of day 1 of the job");

        groundTruth.clock().advance(Duration.ofDays(1));
        template.sendBody("direct:send", "day 2, review 1");
        template.sendBody("direct:send", "day 2, review 2");
        assertThatThrownBy(() -> template.sendBody("direct:send", "day 2, review 3")).rootCause()
                .isInstanceOf(BudgetSpentException.class)
                .hasMessageContaining("maxObjectsPerDay=2 allows 4 by the end of day 2 of the job");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(taken(counters())).isEqualTo(4));
    }

    /** A context feeding {@code direct:send} to the job, and routing its budget events. */
    private ProducerTemplate start(String budgetOptions) throws Exception {
        String job = "sagemaker-labeling:" + JOB + "?" + jobOptions();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(job + budgetOptions);
                from("sagemaker-labeling:" + JOB + "?jobEvents=true&jobEventsInterval=50")
                        .filter(header("CamelSageMakerLabelingEventType").isEqualTo("budgetSpent"))
                        .process(exchange -> budgetEvents.add(exchange.getMessage()
                                .getBody(LabelingJobEvent.class)));
            }
        });
        context.getRegistry().bind("clock", groundTruth.clock());
        context.start();
        return context.createProducerTemplate();
    }

    private LabelCounters counters() {
        return sageMaker.describeLabelingJob(b -> b.labelingJobName(JOB)).labelCounters();
    }

    private static long taken(LabelCounters counters) {
        return counters.totalLabeled() + counters.failedNonRetryableError() + counters.unlabeled();
    }
}
