package io.github.sagemakerlabeling.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension.Reset;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/**
 * The app as configured in {@code application.yaml}, pointed at the test's Local Ground Truth by the {@code test}
 * profile ({@code application-test.yaml}, which reads the endpoints the extension publishes as system properties):
 * every review dropped into the inbox comes back labeled as the test's workers label it.
 *
 * <p>The extension, in a static field, starts the stack and publishes its endpoints before Spring creates the
 * application context (in the first test's instance); the stack is reset once before the class, not before each
 * test, so the job and queue the app's routes hold survive; the context is closed after the class, before the stack.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ReviewLabelingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
// Spring Boot tests leave metrics export (so the Prometheus registry and endpoint) off unless asked for.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@DirtiesContext
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class ReviewLabelingApplicationTest {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withReset(Reset.BEFORE_EACH_CLASS)
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").when("great", "positive")
                    .otherwise("negative").build());

    @TempDir
    static Path work;

    @Autowired
    CamelContext camelContext;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void inboxAndOutbox(DynamicPropertyRegistry registry) {
        registry.add("reviews.inbox", () -> work.resolve("inbox").toString());
        registry.add("reviews.outbox", () -> work.resolve("outbox").toString());
    }

    /** The bucket of the job's output path, which in AWS would exist before the app. */
    @BeforeAll
    static void outputBucket() throws Exception {
        Files.createDirectories(work.resolve("inbox"));
        try (S3Client s3 = LOCAL.groundTruth().s3Client()) {
            s3.createBucket(b -> b.bucket("review-labeling"));
        }
    }

    @Test
    void everyReviewInTheInboxComesBackLabeled(SageMakerClient sageMaker) throws Exception {
        List<String> reviews = List.of("A delicious pie", "Burnt toast", "Great service", "Cold soup");
        NotifyBuilder labeled = new NotifyBuilder(camelContext).fromRoute("labeled-reviews")
                .whenDone(reviews.size()).create();

        ReviewFiles.drop(work.resolve("inbox"), "reviews.txt", reviews);

        assertThat(labeled.matches(30, TimeUnit.SECONDS)).as("all reviews labeled").isTrue();
        assertThat(ReviewFiles.labeled(work.resolve("outbox"))).isEqualTo(Map.of(
                "positive", Set.of("A delicious pie", "Great service"),
                "negative", Set.of("Burnt toast", "Cold soup")));
        assertThat(sageMaker.describeLabelingJob(b -> b.labelingJobName("review-sentiment")))
                .satisfies(job -> assertThat(job.labelingJobStatus()).isEqualTo(LabelingJobStatus.IN_PROGRESS))
                .satisfies(job -> assertThat(job.labelCounters().totalLabeled()).isEqualTo(reviews.size()));
    }

    @Test
    void actuatorServesTheComponentsMetersForPrometheus(SageMakerClient sageMaker) throws Exception {
        List<String> reviews = List.of("Delicious dumplings", "Lukewarm tea");
        NotifyBuilder labeled = new NotifyBuilder(camelContext).fromRoute("labeled-reviews")
                .whenDone(reviews.size()).create();

        ReviewFiles.drop(work.resolve("inbox"), "metered.txt", reviews);

        assertThat(labeled.matches(60, TimeUnit.SECONDS)).as("all reviews labeled").isTrue();
        // Every object this app published came back labeled: none in flight, whatever the other tests sent.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String scraped = scrape();
            double published = sample(scraped, "sagemaker_labeling_objects_published_total", "");
            assertThat(published).isGreaterThanOrEqualTo(reviews.size());
            assertThat(sample(scraped, "sagemaker_labeling_results_labeled_total", "")).isEqualTo(published);
            assertThat(sample(scraped, "sagemaker_labeling_objects_in_flight", "")).isZero();
            assertThat(sample(scraped, "sagemaker_labeling_results_malformed_total", "")).isZero();
        });
        // The label counter gauges follow DescribeLabelingJob (metrics-job-counters-interval in the test profile).
        int totalLabeled = sageMaker.describeLabelingJob(b -> b.labelingJobName("review-sentiment")).labelCounters()
                .totalLabeled();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sample(scrape(),
                "sagemaker_labeling_job_label_counters", "counter=\"total_labeled\"")).isEqualTo(totalLabeled));
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the sample of the job review-sentiment that has the meter's name and the given tag, if any. */
    private static double sample(String scraped, String name, String tag) {
        return scraped.lines().filter(line -> line.startsWith(name + "{"))
                .filter(line -> line.contains("job=\"review-sentiment\"") && line.contains(tag))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " " + tag + " not in\n" + scraped));
    }
}
