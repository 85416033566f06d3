package io.github.sagemakerlabeling.examples.s3images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sagemakerlabeling.examples.s3images.ShippedImages.ShippedImage;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The app's routes and properties (profile {@code local}) on the shared Local Ground Truth, whose simulated workers
 * label each image by its name: every dropped image ends up labeled in S3 and announced on the topic.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class S3ImagesRoutesTest {

    private static final ExampleSettings SETTINGS = ExampleSettings.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withEngineSettings(EngineSettings.defaults().withInitializingDelay(Duration.ZERO))
            .withWorkers(LocalImagesStack.workers(SETTINGS.labels()));

    private final List<ShippedImage> images = ShippedImages.load();
    private final Map<String, String> expectedLabels = images.stream().collect(Collectors.toMap(
            ShippedImage::name, image -> image.name().substring(0, image.name().indexOf('-'))));
    private String notificationQueue;

    /** The bucket, and a queue subscribed to the notification topic, as a downstream consumer would have. */
    @BeforeEach
    void bucketAndSubscribedQueue(S3Client s3, SnsClient sns, SqsClient sqs) {
        s3.createBucket(b -> b.bucket(SETTINGS.bucket()));
        String topicArn = sns.createTopic(b -> b.name(SETTINGS.notificationTopic())).topicArn();
        notificationQueue = sqs.createQueue(b -> b.queueName("labeled-image-notifications")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(notificationQueue)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
    }

    @Test
    void eachDroppedImageIsLabeledWrittenToS3AndAnnounced(S3Client s3, SqsClient sqs) throws Exception {
        LabeledImages labeled = new LabeledImages();
        Main main = S3ImagesApp.newMain("local", Map.of());
        main.bind("labeledImages", labeled);
        main.start();
        try {
            ShippedImages.drop(s3, SETTINGS.bucket(), images);
            s3.putObject(b -> b.bucket(SETTINGS.bucket()).key("incoming/notes.txt"), RequestBody.fromString("hi"));

            assertThat(labeled.await(expectedLabels.keySet(), Duration.ofSeconds(30))).isEqualTo(expectedLabels);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> keys(s3, "incoming/").isEmpty() && keys(s3, "rejected/").contains("rejected/notes.txt"));
        } finally {
            main.stop();
        }

        assertThat(keys(s3, "images/")).containsExactlyInAnyOrderElementsOf(
                expectedLabels.keySet().stream().map(name -> "images/" + name).toList());
        for (Map.Entry<String, String> image : expectedLabels.entrySet()) {
            JsonNode line = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(SETTINGS.bucket())
                    .key("labeled/" + image.getKey() + ".json")).asUtf8String());
            assertOutputLine(line, image.getKey(), image.getValue());
        }

        Map<String, JsonNode> notifications = receiveNotifications(sqs, expectedLabels.size());
        assertThat(notifications).containsOnlyKeys(expectedLabels.keySet().stream()
                .map(name -> name + " labeled " + expectedLabels.get(name)).toList());
        notifications.forEach((subject, envelope) -> {
            String image = subject.substring(0, subject.indexOf(' '));
            assertOutputLine(readTree(envelope.get("Message").asText()), image, expectedLabels.get(image));
        });
    }

    private static void assertOutputLine(JsonNode line, String image, String label) {
        assertThat(line.get("source-ref").asText()).isEqualTo("s3://" + SETTINGS.bucket() + "/images/" + image);
        assertThat(line.at("/shape-metadata/class-name").asText()).as(image).isEqualTo(label);
        assertThat(line.at("/shape-metadata/type").asText()).isEqualTo("groundtruth/image-classification");
        assertThat(line.at("/shape-metadata/job-name").asText()).endsWith(SETTINGS.job());
    }

    /** The SNS envelopes on the notification queue, by subject, once {@code count} have arrived. */
    private Map<String, JsonNode> receiveNotifications(SqsClient sqs, int count) {
        List<Message> messages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            messages.addAll(sqs.receiveMessage(b -> b.queueUrl(notificationQueue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages());
            return messages.size() >= count;
        });
        return messages.stream().map(message -> readTree(message.body()))
                .collect(Collectors.toMap(envelope -> envelope.get("Subject").asText(), Function.identity()));
    }

    private static List<String> keys(S3Client s3, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(SETTINGS.bucket()).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
