package io.github.sagemakerlabeling.camel.reliability;

import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.job.JobOptionsTestSupport;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The job-options test support with the reliability suite's stack (a job starts in 100 ms; "delicious" texts are
 * labeled positive, the others negative) and what its tests share: the routes of a labeling application, their mock,
 * and queue checks.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
abstract class ReliabilityTestSupport extends JobOptionsTestSupport {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withEngineSettings(EngineSettings.defaults().withInitializingDelay(Duration.ofMillis(100)))
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    static final Duration LABELED_WITHIN = Duration.ofSeconds(30);

    /**
     * The routes an application of the job has: {@code direct:send} feeds the job, its labeled output goes to
     * {@code mock:labeled}; both endpoints ensure the job from their options.
     */
    RouteBuilder labelingRoutes(String jobUri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jobUri + (jobUri.contains("?") ? "&" : "?") + "waitTimeSeconds=1&delay=10").routeId("labeled")
                        .to("mock:labeled");
                from("direct:send").routeId("send").to(jobUri);
            }
        };
    }

    static MockEndpoint labeled(CamelContext context) {
        return context.getEndpoint("mock:labeled", MockEndpoint.class);
    }

    /** The source texts of the results the mock received, in order. */
    static List<String> sources(MockEndpoint mock) {
        return mock.getExchanges().stream().map(Exchange::getMessage)
                .map(message -> message.getBody(LabelingResult.class).source().orElseThrow()).toList();
    }

    /** Checks for a second that the mocks receive nothing beyond {@code count} exchanges together. */
    static void assertNoMoreThan(int count, MockEndpoint... mocks) {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> java.util.Arrays.stream(mocks).mapToInt(MockEndpoint::getReceivedCounter).sum() == count);
    }

    /** Messages in the queue, visible or in flight. */
    int visibleAndInFlight(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** The arguments of a {@link ChildJvm} application: the stack's four endpoints and region, then {@code more}. */
    List<String> childArguments(String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of(groundTruth.sageMakerEndpoint().toString(),
                groundTruth.snsEndpoint().toString(), groundTruth.sqsEndpoint().toString(),
                groundTruth.s3Endpoint().toString(), groundTruth.region()));
        arguments.addAll(List.of(more));
        return arguments;
    }

    String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
