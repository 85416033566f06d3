package io.github.sagemakerlabeling.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The app as it runs, against Local Ground Truth: a file of reviews dropped into the inbox comes out of the
 * streaming job labeled, one file per review in the outbox folder of its label.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalGroundTruthResource.class, restrictToAnnotatedClass = true)
class LabelingAppTest {

    @ConfigProperty(name = "labeling.inbox")
    Path inbox;

    @ConfigProperty(name = "labeling.outbox")
    Path outbox;

    @Test
    void everyReviewInTheInboxEndsUpInTheOutboxUnderItsLabel() throws IOException {
        Files.createDirectories(inbox);
        Path reviews = inbox.resolve("reviews.txt");
        Path staging = Files.writeString(inbox.resolveSibling("reviews.txt.tmp"), """
                The soup was delicious

                Cold fries and a long wait
                A great place for breakfast
                """);
        Files.move(staging, reviews);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(labeledTexts()).isEqualTo(Map.of(
                "The soup was delicious", "positive",
                "Cold fries and a long wait", "negative",
                "A great place for breakfast", "positive")));
    }

    /** The outbox as text to label: each file's content, mapped to the name of the folder it is in. */
    private Map<String, String> labeledTexts() throws IOException {
        if (!Files.isDirectory(outbox)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(Files::isRegularFile)
                    .collect(Collectors.toMap(LabelingAppTest::content, file -> file.getParent().getFileName()
                            .toString()));
        }
    }

    private static String content(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
