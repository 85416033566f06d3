package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Consumer tests on the JVM's shared Local Ground Truth stack, reset before each test and before the test's Camel
 * context starts (static extensions run before CamelTestSupport's own). The stack's clients are the registry's
 * client beans, which the component autowires.
 */
abstract class ConsumerTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    static LabelingJobFixture fixture;

    @BeforeAll
    static void openClients() {
        fixture = new LabelingJobFixture(LOCAL.groundTruth());
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("sageMaker", fixture.sageMaker);
        registry.bind("sns", fixture.sns);
        registry.bind("sqs", fixture.sqs);
        registry.bind("s3", fixture.s3);
    }

    /** {@code count} distinct review texts; every third is "delicious". */
    static List<String> reviews(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> prefix + " review " + i + (i % 3 == 0 ? " was delicious" : " was bland")).toList();
    }

    /** The source texts of the results a mock endpoint received. */
    static List<String> sources(MockEndpoint mock) {
        return mock.getExchanges().stream().map(Exchange::getMessage)
                .map(message -> message.getBody(LabelingResult.class).source().orElseThrow()).toList();
    }

    /**
     * Starts the route, feeds the texts to the running job and waits until {@code mock:labeled} got a result for each
     * of them.
     */
    MockEndpoint routeAll(String routeId, List<String> texts) throws Exception {
        context.getRouteController().startRoute(routeId);
        MockEndpoint labeled = getMockEndpoint("mock:labeled");
        labeled.expectedMessageCount(texts.size());

        fixture.feed(texts);

        labeled.assertIsSatisfied(Duration.ofSeconds(40).toMillis());
        assertThat(sources(labeled)).containsExactlyInAnyOrderElementsOf(texts);
        return labeled;
    }

    /** Checks that the provisioned queue ends empty and nothing is routed beyond the texts: each once. */
    static void assertEachRoutedOnce(MockEndpoint labeled, List<String> texts) {
        awaitDrained(fixture.queueUrl("reviews-output"));
        assertNoMoreThan(labeled, texts.size());
    }

    /** Waits until the mock got a result for each of the texts, some maybe more than once. */
    static void awaitEachRouted(MockEndpoint mock, List<String> texts) {
        await().atMost(Duration.ofSeconds(30)).until(() -> new HashSet<>(sources(mock)).containsAll(texts));
    }

    /** Waits until every message of the queue was deleted: none is visible, none is in flight. */
    static void awaitDrained(String queueUrl) {
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.visibleAndInFlight(queueUrl) == 0);
    }

    /** Checks for a second that the mock receives nothing beyond {@code count} exchanges: nothing is routed twice. */
    static void assertNoMoreThan(MockEndpoint mock, int count) {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> mock.getReceivedCounter() == count);
    }

    static String source(Exchange exchange) {
        return exchange.getMessage().getHeader(SageMakerLabelingConstants.SOURCE, String.class);
    }

    /** The result of the health check of the consumer of a route, as Camel's health API reports it. */
    protected HealthCheck.Result healthOf(String routeId) {
        String id = "consumer:sagemaker-labeling-" + routeId;
        // Exposure level full: the default level returns only the first result when all are UP.
        return HealthCheckHelper.invoke(context, "full").stream().filter(result -> result.getCheck().getId().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no health check " + id));
    }
}
