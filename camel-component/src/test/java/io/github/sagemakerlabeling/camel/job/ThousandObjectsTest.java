package io.github.sagemakerlabeling.camel.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The component's yardstick: a route of a few lines creates a streaming job, feeds 1,000 texts, gets 1,000 results. */
class ThousandObjectsTest extends JobOptionsTestSupport {

    private static final int OBJECTS = 1_000;

    @Test
    void aFewLinesOfRouteCreateTheJobAndLabelAThousandTexts() throws Exception {
        // Every delivery is kept, so a duplicate shows (a map by source would hide it).
        Queue<Map.Entry<String, LabelingResult>> labeled = new ConcurrentLinkedQueue<>();
        String job = "sagemaker-labeling:thousand-reviews?" + jobOptions();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:reviews").to(job + "&operation=sendDataObjects");
                // Greedy: a poll that got messages polls again at once, instead of after the default half-second delay.
                from(job + "&concurrentConsumers=2&waitTimeSeconds=1&greedy=true")
                        .process(exchange -> labeled.add(Map.entry(exchange.getMessage().getHeader(
                                SageMakerLabelingConstants.SOURCE, String.class),
                                exchange.getMessage().getBody(LabelingResult.class))));
            }
        });
        context.start();

        List<String> reviews = IntStream.range(0, OBJECTS)
                .mapToObj(i -> (i % 2 == 0 ? "A delicious dish, review " : "A cold dish, review ") + i).toList();
        context.createProducerTemplate().sendBody("direct:reviews", reviews);

        await().atMost(Duration.ofMinutes(2)).until(() -> labeled.size() >= OBJECTS);
        // Settled: nothing left in the consumer's queue, visible or in flight, that could still arrive.
        String queue = sqs.getQueueUrl(b -> b.queueName("thousand-reviews-output")).queueUrl();
        await().atMost(Duration.ofMinutes(1)).until(() -> sqs.getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                .allMatch("0"::equals));
        assertThat(labeled).extracting(Map.Entry::getKey).containsExactlyInAnyOrderElementsOf(reviews);
        assertThat(labeled).allSatisfy(entry -> assertThat(entry.getValue().annotation())
                .isInstanceOfSatisfying(ClassLabel.class, label -> assertThat(label.className())
                        .isEqualTo(entry.getKey().contains("delicious") ? "positive" : "negative")));
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).singleElement()
                .satisfies(summary -> assertThat(summary.labelCounters().totalLabeled()).isEqualTo(OBJECTS));
    }
}
