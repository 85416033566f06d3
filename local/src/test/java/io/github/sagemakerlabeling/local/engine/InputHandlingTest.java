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
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/**
 * What a job does with what it is sent (§2.1, §2.3–§2.5): messages it cannot label count as
 * {@code FailedNonRetryableError} while the job goes on, and the objects of the input manifest are labeled as soon
 * as the job starts.
 */
class InputHandlingTest {

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
    void messagesThatAreNoDataObjectCountAsFailedAndTheJobKeepsLabeling() {
        JobResources job = kit.resources("Input-Invalid", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment").build());
        String chunk = "x".repeat(19_000);
        StringBuilder oversize = new StringBuilder("{\"source\":\"too long\"");
        for (int i = 0; i < 6; i++) {
            oversize.append(",\"part").append(i).append("\":\"").append(chunk).append('"');
        }
        oversize.append('}');
        List<String> invalid = List.of(
                "{'source': 'a Python repr, not JSON'}",
                "[\"an array\"]",
                "{\"text\":\"neither source nor source-ref\"}",
                "{\"source\":\"both\",\"source-ref\":\"s3://bucket/both.jpg\"}",
                "{\"source\":\"" + "y".repeat(20_001) + "\"}",
                oversize.toString(),
                "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
                        + "\"s3\":{\"bucket\":{\"name\":\"Not_A_Bucket\"},\"object\":{\"key\":\"a.jpg\","
                        + "\"sequencer\":\"01\"}}}]}",
                "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectRemoved:Delete\","
                        + "\"s3\":{\"bucket\":{\"name\":\"photos\"},\"object\":{\"key\":\"a.jpg\"}}}]}");

        invalid.forEach(message -> kit.publish(job.inputTopic(), message));
        kit.publish(job.inputTopic(), "{\"source\":\"Still labeling after all that\"}");

        LabelingResult result = PARSER.parse(kit.receive(job.outputQueue(), 1).get(0));
        assertThat(result.source()).contains("Still labeling after all that");
        kit.awaitCounters(job.name(), counters(1, invalid.size(), 0));
        kit.awaitJobQueueDrained(job.name());
        assertThat(kit.status(job.name())).isEqualTo(LabelingJobStatus.IN_PROGRESS);
    }

    @Test
    void theInputManifestIsLabeledAtStartAndItsKeysDeduplicateLaterMessages() {
        JobResources job = kit.resources("Input-Manifest", "positive", "negative");
        String manifest = kit.put(job.bucket(), "input/manifest.jsonl", String.join("\n",
                "{\"source\":\"From the manifest\"}",
                "",
                "{\"source\":\"Keyed in the manifest\",\"dataset-objectid-attribute-name\":\"id\",\"id\":\"m-1\"}",
                "not json",
                "{\"source-ref\":\"s3://photos/manifest.jpg\",\"camera\":\"front\"}") + "\n");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .manifestS3Uri(manifest).build());

        List<LabelingResult> results = kit.receive(job.outputQueue(), 3).stream().map(PARSER::parse).toList();
        assertThat(results).extracting(r -> r.source().or(r::sourceRef).orElseThrow())
                .containsExactlyInAnyOrder("From the manifest", "Keyed in the manifest", "s3://photos/manifest.jpg");
        assertThat(results).filteredOn(r -> r.sourceRef().isPresent()).singleElement()
                .satisfies(r -> assertThat(r.attributes().get("camera").textValue()).isEqualTo("front"));
        assertThat(results).filteredOn(r -> r.source().equals(Optional.of("Keyed in the manifest"))).singleElement()
                .satisfies(r -> assertThat(r.objectId()).contains(new ObjectId("id", "m-1", Optional.empty())));
        kit.awaitCounters(job.name(), counters(3, 1, 0));

        kit.publish(job.inputTopic(), "{\"source\":\"Keyed in the manifest\","
                + "\"dataset-objectid-attribute-name\":\"id\",\"id\":\"m-1\"}");
        kit.publish(job.inputTopic(), "{\"source\":\"New over SNS\"}");
        assertThat(PARSER.parse(kit.receive(job.outputQueue(), 1).get(0)).source()).contains("New over SNS");
        kit.awaitJobQueueDrained(job.name());
        kit.awaitCounters(job.name(), counters(4, 1, 0));
    }
}
