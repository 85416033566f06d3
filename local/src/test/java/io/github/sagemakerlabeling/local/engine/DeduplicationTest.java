package io.github.sagemakerlabeling.local.engine;

import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.counters;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.ObjectId;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.JobResources;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ground Truth labels each object once however often it arrives (§2.2): by the key the line names, else by the SNS
 * message id, and objects from S3 event notifications by their URI and sequencer; the output shows which id was used
 * (§3.5).
 */
class DeduplicationTest {

    private static final OutputLineParser PARSER = new OutputLineParser();
    private static GroundTruthTestKit kit;

    @BeforeAll
    static void startStack() {
        kit = GroundTruthTestKit.start();
    }

    @AfterAll
    static void stopStack() {
        kit.close();
    }

    @BeforeEach
    void fastJobs() {
        kit.local.engineSettings(GroundTruthTestKit.fastSettings());
    }

    @Test
    void withoutAKeyTheSnsMessageIdIsTheIdSoTheSameLinePublishedTwiceIsTwoObjects() {
        JobResources job = kit.resources("Dedup-MessageId", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment").build());

        String first = kit.publish(job.inputTopic(), "{\"source\":\"The same words\"}");
        String second = kit.publish(job.inputTopic(), "{\"source\":\"The same words\"}");

        List<LabelingResult> results = kit.receive(job.outputQueue(), 2).stream().map(PARSER::parse).toList();
        assertThat(results).extracting(r -> r.source().orElseThrow()).containsOnly("The same words");
        assertThat(results).extracting(r -> r.json().get("dataset-objectid-attribute-name").textValue())
                .containsOnly("$sentiment-object-id");
        assertThat(results).extracting(r -> r.objectId().orElseThrow())
                .containsExactlyInAnyOrder(new ObjectId("$sentiment-object-id", first, Optional.empty()),
                        new ObjectId("$sentiment-object-id", second, Optional.empty()));
        kit.awaitCounters(job.name(), counters(2, 0, 0));
    }

    @Test
    void theSameSnsMessageDeliveredAgainIsLabeledOnce() {
        JobResources job = kit.resources("Dedup-Redelivery", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment").build());
        String tap = kit.subscribedQueue(job.inputTopic());

        String messageId = kit.publish(job.inputTopic(), "{\"source\":\"Delivered more than once\"}");
        String notification = kit.receive(tap, 1).get(0);
        // SNS delivers at least once: the very notification reaches the job's queue again, twice.
        String jobQueue = kit.jobQueueUrl(job.name());
        kit.sqs.sendMessage(b -> b.queueUrl(jobQueue).messageBody(notification));
        kit.sqs.sendMessage(b -> b.queueUrl(jobQueue).messageBody(notification));
        kit.awaitJobQueueDrained(job.name());

        LabelingResult result = PARSER.parse(kit.receive(job.outputQueue(), 1).get(0));
        assertThat(result.objectId()).contains(new ObjectId("$sentiment-object-id", messageId, Optional.empty()));
        kit.awaitCounters(job.name(), counters(1, 0, 0));
    }

    @Test
    void aBringYourOwnKeyDecidesWhatIsTheSameObjectAndComesBackUnchanged() {
        JobResources job = kit.resources("Dedup-Byo", "cat", "dog");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.IMAGE_CLASSIFICATION, "animal").build());
        String line = "{\"source-ref\":\"s3://bucket/prefix/object1\","
                + "\"dataset-objectid-attribute-name\":\"byo-key\",\"byo-key\":\"UniqueId\"}";

        kit.publish(job.inputTopic(), line);
        kit.publish(job.inputTopic(), line);
        kit.publish(job.inputTopic(), "{\"source-ref\":\"s3://bucket/prefix/object2\","
                + "\"dataset-objectid-attribute-name\":\"byo-key\",\"byo-key\":\"UniqueId\"}");
        kit.publish(job.inputTopic(), "{\"source-ref\":\"s3://bucket/prefix/object1\","
                + "\"dataset-objectid-attribute-name\":\"byo-key\",\"byo-key\":\"OtherId\"}");
        kit.awaitJobQueueDrained(job.name());

        List<LabelingResult> results = kit.receive(job.outputQueue(), 2).stream().map(PARSER::parse).toList();
        assertThat(results).extracting(r -> r.objectId().orElseThrow()).containsExactlyInAnyOrder(
                new ObjectId("byo-key", "UniqueId", Optional.empty()),
                new ObjectId("byo-key", "OtherId", Optional.empty()));
        LabelingResult first = results.stream()
                .filter(r -> r.objectId().orElseThrow().value().equals("UniqueId")).findFirst().orElseThrow();
        assertThat(first.sourceRef()).contains("s3://bucket/prefix/object1");
        assertThat(first.json().has("$animal-object-id")).as("no service id when the line names a key").isFalse();
        kit.awaitCounters(job.name(), counters(2, 0, 0));
    }

    @Test
    void sourceRefAsTheKeyMakesTheUriTheId() {
        JobResources job = kit.resources("Dedup-SourceRef", "cat", "dog");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.IMAGE_CLASSIFICATION, "animal").build());
        String line = "{\"source-ref\":\"s3://bucket/prefix/object1\",\"dataset-objectid-attribute-name\":\"source-ref\"}";

        kit.publish(job.inputTopic(), line);
        kit.publish(job.inputTopic(), line);
        kit.publish(job.inputTopic(), "{\"source-ref\":\"s3://bucket/prefix/object1\",\"note\":\"resent\","
                + "\"dataset-objectid-attribute-name\":\"source-ref\"}");
        kit.awaitJobQueueDrained(job.name());

        LabelingResult result = PARSER.parse(kit.receive(job.outputQueue(), 1).get(0));
        assertThat(result.objectId()).contains(new ObjectId("source-ref", "s3://bucket/prefix/object1",
                Optional.empty()));
        kit.awaitCounters(job.name(), counters(1, 0, 0));
    }

    @Test
    void s3EventNotificationsBecomeSourceRefObjectsDeduplicatedByUriAndSequencer() {
        JobResources job = kit.resources("Dedup-S3Event", "cat", "dog");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.IMAGE_CLASSIFICATION, "animal").build());
        String event = s3Event(record("ObjectCreated:Put", "images/cat+one.jpg", "0055AED6DCD90281E5"),
                record("ObjectCreated:Put", "images/dog%281%29.jpg", "0055AED6DCD90281E6"),
                record("ObjectRemoved:Delete", "images/old.jpg", "0055AED6DCD90281E7"));

        kit.publish(job.inputTopic(), event);
        kit.publish(job.inputTopic(), event);
        kit.publish(job.inputTopic(), s3Event(record("ObjectCreated:Put", "images/cat+one.jpg", "0055AED6DCD90281F0")));
        kit.publish(job.inputTopic(), "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\","
                + "\"Time\":\"2014-10-13T15:57:02.089Z\",\"Bucket\":\"photos\",\"RequestId\":\"5582815E1AEA5ADF\"}");
        kit.awaitJobQueueDrained(job.name());

        List<LabelingResult> results = kit.receive(job.outputQueue(), 3).stream().map(PARSER::parse).toList();
        assertThat(results).extracting(r -> r.sourceRef().orElseThrow() + " " + r.json().get("$sequencer").textValue())
                .containsExactlyInAnyOrder(
                        "s3://photos/images/cat one.jpg 0055AED6DCD90281E5",
                        "s3://photos/images/dog(1).jpg 0055AED6DCD90281E6",
                        "s3://photos/images/cat one.jpg 0055AED6DCD90281F0");
        for (LabelingResult result : results) {
            ObjectId id = result.objectId().orElseThrow();
            assertThat(id.key()).isEqualTo("$animal-object-id");
            assertThat(id.value()).contains(result.sourceRef().orElseThrow()).contains(id.sequencer().orElseThrow());
        }
        kit.awaitCounters(job.name(), counters(3, 1, 0));
    }

    private static String s3Event(String... records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    private static String record(String eventName, String key, String sequencer) {
        return "{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"2024-01-01T00:00:00.000Z\",\"eventName\":\"" + eventName + "\","
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"configurationId\":\"gt\","
                + "\"bucket\":{\"name\":\"photos\",\"arn\":\"arn:aws:s3:::photos\"},"
                + "\"object\":{\"key\":\"" + key + "\",\"size\":1024,\"eTag\":\"abc\",\"sequencer\":\"" + sequencer
                + "\"}}}";
    }
}
