package io.github.sagemakerlabeling.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app as {@code mvn spring-boot:test-run} starts it: the {@code local} profile runs Local Ground Truth inside the app,
 * its simulated workers labeling by the keywords of {@code application-local.yaml}.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ReviewLabelingApplication.class,
        properties = "camel.main.run-controller=false")
@ActiveProfiles("local")
@DirtiesContext
class LocalProfileTest {

    @TempDir
    static Path work;

    @Autowired
    CamelContext camelContext;

    @Autowired
    LocalGroundTruth groundTruth;

    @DynamicPropertySource
    static void inboxAndOutbox(DynamicPropertyRegistry registry) {
        registry.add("reviews.inbox", () -> work.resolve("inbox").toString());
        registry.add("reviews.outbox", () -> work.resolve("outbox").toString());
    }

    @BeforeAll
    static void inbox() throws Exception {
        Files.createDirectories(work.resolve("inbox"));
    }

    @Test
    void theAppLabelsReviewsOnItsOwnLocalGroundTruth() throws Exception {
        List<String> reviews = Files.readAllLines(Path.of("reviews", "reviews.txt"));
        NotifyBuilder labeled = new NotifyBuilder(camelContext).fromRoute("labeled-reviews")
                .whenDone(reviews.size()).create();

        ReviewFiles.drop(work.resolve("inbox"), "reviews.txt", reviews);

        assertThat(labeled.matches(30, TimeUnit.SECONDS)).as("all reviews labeled").isTrue();
        assertThat(ReviewFiles.labeled(work.resolve("outbox"))).isEqualTo(Map.of(
                "positive", Set.of("The pasta was delicious and the staff friendly.",
                        "Great coffee, I love the terrace.", "A delicious brunch, we will come back."),
                "negative", Set.of("We waited an hour for a cold pizza.", "The soup was bland and overpriced.",
                        "Noisy room, thin walls, no sleep.")));
        try (var sageMaker = groundTruth.sageMakerClient()) {
            assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).singleElement()
                    .satisfies(job -> assertThat(job.labelingJobName()).isEqualTo("review-sentiment"));
        }
    }
}
