package io.github.sagemakerlabeling.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The app against Local Ground Truth, which the extension's Dev Services start for the test (no test resource
 * of its own): a file of reviews dropped into the inbox comes out of the streaming job
 * labeled, one file per review in the outbox folder of its label (the simulated workers' rule from
 * {@code quarkus.camel.sagemaker-labeling.devservices.workers}: "delicious" or "great" is positive, anything else
 * negative).
 */
@QuarkusTest
@WithTestResource(LabelingDirectoriesResource.class)
class LabelingAppTest {

    /** Set by {@link LabelingDirectoriesResource}. */
    LabelingDirectories directories;

    @Test
    void everyReviewInTheInboxEndsUpInTheOutboxUnderItsLabel() throws IOException {
        directories.drop("reviews.txt", """
                The soup was delicious

                Cold fries and a long wait
                A great place for breakfast
                """);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(directories.labeledTexts()).isEqualTo(
                Map.of("The soup was delicious", "positive",
                        "Cold fries and a long wait", "negative",
                        "A great place for breakfast", "positive")));
    }
}
