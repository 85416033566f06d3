package io.github.sagemakerlabeling.local.engine;

import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.PATIENCE;
import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.counters;
import static io.github.sagemakerlabeling.local.workers.ScriptedAnnotator.classChoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.labels.DocumentVersion;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.result.BoundingBoxes;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.MultiLabel;
import io.github.sagemakerlabeling.core.result.NamedEntities;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.JobResources;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import io.github.sagemakerlabeling.local.workers.ScriptedAnnotator;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/**
 * What comes out of a job, end to end through the SDK clients: consolidation of disagreeing workers with its
 * confidence, the output of the multi-label, bounding box and named entity task types as core's parser reads it,
 * and the S3 layout of §3.7.
 */
class LabelingOutputTest {

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
    void threeDisagreeingWorkersAreConsolidatedByMajorityWithTheirAgreementAsConfidence() {
        kit.local.workers(ScriptedAnnotator.builder()
                .answer("The plot was thin", classChoice("positive"), classChoice("negative"), classChoice("negative"))
                .answer("A joy to watch", classChoice("positive"))
                .build());
        JobResources job = kit.resources("Out-Consolidation", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .numberOfHumanWorkersPerDataObject(3).build());

        kit.publish(job.inputTopic(), "{\"source\":\"The plot was thin\"}");
        kit.publish(job.inputTopic(), "{\"source\":\"A joy to watch\"}");

        Map<String, ClassLabel> labels = kit.receive(job.outputQueue(), 2).stream().map(PARSER::parse)
                .collect(Collectors.toMap(r -> r.source().orElseThrow(), r -> r.annotation(ClassLabel.class)));
        assertThat(labels.get("The plot was thin")).isEqualTo(new ClassLabel(1, "negative", 0.67));
        assertThat(labels.get("A joy to watch")).isEqualTo(new ClassLabel(0, "positive", 1.0));
        kit.awaitCounters(job.name(), counters(2, 0, 0));
    }

    @Test
    void aMultiLabelJobReportsEveryClassAnyWorkerChoseWithItsShare() {
        kit.local.workers(ScriptedAnnotator.builder()
                .answer("Election results hit tech stocks", new WorkerAnswer.ClassChoices(Set.of("politics", "tech")),
                        new WorkerAnswer.ClassChoices(Set.of("politics")),
                        new WorkerAnswer.ClassChoices(Set.of("politics")))
                .build());
        JobResources job = kit.resources("Out-MultiLabel", "sports", "politics", "tech");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION_MULTI_LABEL, "topics")
                .numberOfHumanWorkersPerDataObject(3).build());

        kit.publish(job.inputTopic(), "{\"source\":\"Election results hit tech stocks\"}");

        LabelingResult result = PARSER.parse(kit.receive(job.outputQueue(), 1).get(0));
        assertThat(result.type()).isEqualTo("groundtruth/text-classification-multilabel");
        assertThat(result.rawJobName()).isEqualTo("labeling-job/" + job.name());
        MultiLabel label = result.annotation(MultiLabel.class);
        assertThat(label.classIndexes()).containsExactly(1, 2);
        assertThat(label.classNames()).containsExactly("politics", "tech");
        assertThat(label.confidenceMap()).containsEntry(1, 1.0).containsEntry(2, 0.33);
    }

    @Test
    void aBoundingBoxJobKeepsTheBoxesMostWorkersDrewWithTheirAgreement() {
        WorkerAnswer.Box bone = new WorkerAnswer.Box("bone", 400, 300, 50, 50);
        kit.local.workers(ScriptedAnnotator.builder()
                .answer("s3://photos/dog.jpg",
                        new WorkerAnswer.Boxes(640, 480, List.of(new WorkerAnswer.Box("dog", 100, 100, 200, 150), bone)),
                        new WorkerAnswer.Boxes(640, 480, List.of(new WorkerAnswer.Box("dog", 104, 100, 200, 150), bone)),
                        new WorkerAnswer.Boxes(640, 480, List.of(new WorkerAnswer.Box("dog", 10, 10, 50, 50), bone)))
                .build());
        JobResources job = kit.resources("Out-Boxes", "dog", "bone");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.BOUNDING_BOX, "boxes")
                .numberOfHumanWorkersPerDataObject(3).build());

        kit.publish(job.inputTopic(), "{\"source-ref\":\"s3://photos/dog.jpg\"}");

        LabelingResult result = PARSER.parse(kit.receive(job.outputQueue(), 1).get(0));
        assertThat(result.type()).isEqualTo("groundtruth/object-detection");
        BoundingBoxes boxes = result.annotation(BoundingBoxes.class);
        assertThat(boxes.imageSize()).containsExactly(new BoundingBoxes.ImageSize(640, 480, 3));
        assertThat(boxes.boxes()).hasSize(2);
        BoundingBoxes.Box dog = boxes.boxes().get(0);
        assertThat(List.of(dog.className(), dog.classId(), dog.left(), dog.top(), dog.width(), dog.height()))
                .containsExactly("dog", 0, 102, 100, 200, 150);
        assertThat(dog.confidence().getAsDouble()).isCloseTo(0.67, within(1e-9));
        BoundingBoxes.Box second = boxes.boxes().get(1);
        assertThat(List.of(second.className(), second.classId(), second.left())).containsExactly("bone", 1, 400);
        assertThat(second.confidence().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void aNamedEntityJobMarksTheSpansWithUnicodeOffsets() {
        kit.local.workers(RuleBasedAnnotator.builder().when("Ada", "Person").when("London", "Place").build());
        JobResources job = kit.resources("Out-Entities", "unused");
        String config = kit.put(job.bucket(), "config/ner.json", LabelCategoryConfig.builder(DocumentVersion.V2018_11_28)
                .label("Person", "per").label("Place", "plc")
                .instructions("Mark people and places", "<p>Mark every person and place.</p>").build().toJson());
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.NAMED_ENTITY_RECOGNITION, "entities")
                .labelCategoryConfigS3Uri(config).uiTemplateS3Uri(null).build());
        String text = "\uD83D\uDE80 Ada Lovelace was born in London.";

        kit.publish(job.inputTopic(), Json.write(Json.mapper().createObjectNode().put("source", text)));

        LabelingResult result = PARSER.parse(kit.receive(job.outputQueue(), 1).get(0));
        assertThat(result.type()).isEqualTo("groundtruth/text-span");
        NamedEntities entities = result.annotation(NamedEntities.class);
        assertThat(entities.labels()).extracting(NamedEntities.EntityLabel::label).containsExactly("Person", "Place");
        assertThat(entities.labels()).extracting(l -> l.shortDisplayName().orElse(null)).containsExactly("per", "plc");
        assertThat(entities.entities()).extracting(e -> e.label() + ":" + e.startOffset() + "-" + e.endOffset()
                + "=" + e.coveredText(text)).containsExactly("Person:2-5=Ada", "Place:27-33=London");
    }

    @Test
    void theOutputIsLaidOutInS3AsGroundTruthLaysItOut() throws Exception {
        kit.local.workers(ScriptedAnnotator.builder()
                .answer("The plot was thin", classChoice("positive"), classChoice("negative"), classChoice("negative"))
                .build());
        JobResources job = kit.resources("Out-Layout", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .numberOfHumanWorkersPerDataObject(3).build());
        String root = "output/" + job.name() + "/";

        kit.publish(job.inputTopic(), "{\"source\":\"The plot was thin\"}");
        kit.publish(job.inputTopic(), "{\"source\":\"Unscripted\"}");
        List<String> published = kit.receive(job.outputQueue(), 2).stream()
                .map(body -> Json.write(PARSER.parse(body).json())).toList();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kit.keys(job.bucket(), root + "annotations/worker-response/iteration-1/")).hasSize(2);
            assertThat(consolidations(job, root)).hasSize(2);
            assertThat(kit.keys(job.bucket(), root + "manifests/intermediate/1/output.manifest")).hasSize(1);
            assertThat(kit.read(job.bucket(), root + "manifests/intermediate/1/output.manifest").lines()).hasSize(2);
        });
        Set<String> objectIds = new HashSet<>();
        for (String key : kit.keys(job.bucket(), root + "annotations/worker-response/iteration-1/")) {
            assertThat(key).matches(root.replace(".", "\\.") + "annotations/worker-response/iteration-1/\\d+/"
                    + "\\d{4}-\\d{2}-\\d{2}_\\d{2}:\\d{2}:\\d{2}\\.json");
            objectIds.add(key.split("/")[5]);
            JsonNode answers = Json.read(kit.read(job.bucket(), key)).get("answers");
            assertThat(answers).hasSize(3);
            assertThat(answers.findValuesAsText("workerId")).doesNotHaveDuplicates();
            assertThat(answers.findValuesAsText("submissionTime"))
                    .allSatisfy(time -> assertThat(time).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
        }
        List<JsonNode> consolidations = consolidations(job, root);
        assertThat(consolidations).extracting(c -> c.get("datasetObjectId").textValue())
                .containsExactlyInAnyOrderElementsOf(objectIds);
        assertThat(consolidations).allSatisfy(c -> assertThat(c.get("consolidatedAnnotation").get("content")
                .fieldNames()).toIterable().containsExactlyInAnyOrder("sentiment", "sentiment-metadata"));
        assertThat(kit.keys(job.bucket(), root + "manifests/output/")).as("no final manifest while running").isEmpty();
        assertThat(kit.describe(job.name()).labelingJobOutput()).isNull();

        kit.sageMaker.stopLabelingJob(b -> b.labelingJobName(job.name()));
        kit.awaitStatus(job.name(), LabelingJobStatus.STOPPED);

        List<String> finalManifest = kit.read(job.bucket(), root + "manifests/output/output.manifest").lines().toList();
        assertThat(finalManifest).containsExactlyInAnyOrderElementsOf(published);
        assertThat(kit.read(job.bucket(), root + "manifests/intermediate/1/output.manifest").lines())
                .containsExactlyElementsOf(finalManifest);
        assertThat(kit.describe(job.name()).labelingJobOutput().outputDatasetS3Uri())
                .isEqualTo("s3://" + job.bucket() + "/" + root + "manifests/output/output.manifest");
    }

    private static List<JsonNode> consolidations(JobResources job, String root) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        for (String key : kit.keys(job.bucket(),
                root + "annotations/consolidated-annotation/consolidation-response/iteration-1/")) {
            Json.read(kit.read(job.bucket(), key)).forEach(entries::add);
        }
        return entries;
    }
}
