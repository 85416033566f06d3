package io.github.sagemakerlabeling.local.engine;

import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.result.BoundingBoxes;
import io.github.sagemakerlabeling.core.result.NamedEntities;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.JobResources;
import io.github.sagemakerlabeling.local.workers.RandomAnnotator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The S3 files of issue #12 item 4 in AWS's layout and shapes (worker responses with the crowd element's
 * {@code answerContent}, consolidation requests and responses, {@code annotations/intermediate/}), and the geometry of
 * item 5: boxes drawn on the real image's size, entity spans on whole words.
 */
class WorkerResponseFilesTest {

    private static final String TIME_FILE = "\\d{4}-\\d{2}-\\d{2}_\\d{2}:\\d{2}:\\d{2}\\.json";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static GroundTruthTestKit kit;

    @BeforeAll
    static void startStack() {
        kit = GroundTruthTestKit.start();
        kit.local.engineSettings(GroundTruthTestKit.fastSettings().withAnnotator(new RandomAnnotator(5, 0.2)));
    }

    @AfterAll
    static void stopStack() {
        kit.close();
    }

    @Test
    void workerResponsesCarryTheClassifierElementsAnswerAndTheWorkersTimes() throws Exception {
        JobResources job = kit.resources("Files-Text", "positive", "negative");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .numberOfHumanWorkersPerDataObject(2).build());
        String root = "output/" + job.name() + "/annotations/";

        kit.publish(job.inputTopic(), "{\"source\":\"A fine day\"}");
        kit.receive(job.outputQueue(), 1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kit.keys(job.bucket(), root + "worker-response/iteration-1/0/")).hasSize(1);
            assertThat(kit.keys(job.bucket(), root + "consolidated-annotation/consolidation-request/iteration-1/"))
                    .hasSize(1);
            assertThat(kit.keys(job.bucket(), root + "consolidated-annotation/consolidation-response/iteration-1/"))
                    .hasSize(1);
            assertThat(kit.keys(job.bucket(), root + "intermediate/1/output.manifest")).hasSize(1);
        });
        String responseKey = kit.keys(job.bucket(), root + "worker-response/iteration-1/0/").get(0);
        assertThat(responseKey).matches(".*/iteration-1/0/" + TIME_FILE);
        JsonNode answers = Json.read(kit.read(job.bucket(), responseKey)).get("answers");
        assertThat(answers).hasSize(2);
        for (JsonNode answer : answers) {
            assertThat(answer.fieldNames()).toIterable().containsExactlyInAnyOrder("answerContent",
                    "acceptanceTime", "submissionTime", "timeSpentInSeconds", "workerId", "workerMetadata");
            assertThat(answer.get("answerContent").fieldNames()).toIterable().containsExactly("crowd-classifier");
            assertThat(answer.at("/answerContent/crowd-classifier/label").textValue()).isIn("positive", "negative");
            assertThat(answer.get("acceptanceTime").textValue()).matches(TIMESTAMP);
            assertThat(answer.get("submissionTime").textValue()).matches(TIMESTAMP);
            assertThat(answer.get("timeSpentInSeconds").isNumber()).isTrue();
            assertThat(answer.at("/workerMetadata/identityData/sub").textValue())
                    .isEqualTo(answer.get("workerId").textValue());
        }
        assertThat(answers.findValuesAsText("workerId")).doesNotHaveDuplicates();

        String requestKey = kit.keys(job.bucket(), root + "consolidated-annotation/consolidation-request/iteration-1/")
                .get(0);
        assertThat(requestKey).matches(".*/iteration-1/" + TIME_FILE);
        JsonNode request = Json.read(kit.read(job.bucket(), requestKey)).get(0);
        assertThat(request.get("datasetObjectId").textValue()).isEqualTo("0");
        assertThat(request.at("/dataObject/content").textValue()).isEqualTo("A fine day");
        assertThat(request.get("annotations")).hasSize(2);
        assertThat(Json.read(request.at("/annotations/0/annotationData/content").textValue()))
                .isEqualTo(answers.get(0).get("answerContent"));
        assertThat(kit.keys(job.bucket(), root + "consolidated-annotation/consolidation-response/iteration-1/").get(0))
                .as("named by the second, no suffix, as AWS's notebooks parse it").matches(".*/iteration-1/" + TIME_FILE);
    }

    @Test
    void boxesAreDrawnInsideTheRealImageAndReportItsSize() throws Exception {
        JobResources job = kit.resources("Files-Boxes", "bird", "cat");
        kit.s3.putObject(b -> b.bucket(job.bucket()).key("images/wide.png"), RequestBody.fromBytes(png(1234, 345)));
        kit.s3.putObject(b -> b.bucket(job.bucket()).key("images/tall.jpg"), RequestBody.fromBytes(jpeg(201, 777)));
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.BOUNDING_BOX, "boxes")
                .numberOfHumanWorkersPerDataObject(3).build());

        kit.publish(job.inputTopic(), "{\"source-ref\":\"s3://" + job.bucket() + "/images/wide.png\"}");
        kit.publish(job.inputTopic(), "{\"source-ref\":\"s3://" + job.bucket() + "/images/tall.jpg\"}");

        for (String body : kit.receive(job.outputQueue(), 2)) {
            var result = new OutputLineParser().parse(body);
            BoundingBoxes boxes = result.annotation(BoundingBoxes.class);
            boolean wide = result.sourceRef().orElseThrow().endsWith("wide.png");
            int width = wide ? 1234 : 201;
            int height = wide ? 345 : 777;
            assertThat(boxes.imageSize().get(0).width()).isEqualTo(width);
            assertThat(boxes.imageSize().get(0).height()).isEqualTo(height);
            assertThat(boxes.boxes()).isNotEmpty().allSatisfy(box -> {
                assertThat(box.left()).isBetween(0, width - 1);
                assertThat(box.top()).isBetween(0, height - 1);
                assertThat(box.left() + box.width()).isLessThanOrEqualTo(width);
                assertThat(box.top() + box.height()).isLessThanOrEqualTo(height);
            });
        }
        String root = "output/" + job.name() + "/annotations/worker-response/iteration-1/";
        await().atMost(PATIENCE).until(() -> kit.keys(job.bucket(), root).size() == 2);
        for (String key : kit.keys(job.bucket(), root)) {
            for (JsonNode answer : Json.read(kit.read(job.bucket(), key)).get("answers")) {
                JsonNode box = answer.at("/answerContent/boundingBox");
                assertThat(box.get("boundingBoxes")).isNotEmpty();
                assertThat(List.of(box.at("/inputImageProperties/width").intValue(),
                        box.at("/inputImageProperties/height").intValue())).isIn(List.of(1234, 345), List.of(201, 777));
            }
        }
    }

    @Test
    void simulatedEntitySpansCoverWholeWords() {
        JobResources job = kit.resources("Files-Entities", "Person", "Place");
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.NAMED_ENTITY_RECOGNITION, "entities")
                .uiTemplateS3Uri(null).build());
        List<String> texts = List.of("Ada Lovelace met Charles Babbage in London.", "Grace, Hopper; at Yale!",
                "\uD83D\uDE00 Émile visits Zürich");
        texts.forEach(text -> kit.publish(job.inputTopic(), Json.write(Json.mapper().createObjectNode().put("source", text))));

        for (String body : kit.receive(job.outputQueue(), texts.size())) {
            var result = new OutputLineParser().parse(body);
            String text = result.source().orElseThrow();
            NamedEntities entities = result.annotation(NamedEntities.class);
            assertThat(entities.entities()).isNotEmpty().allSatisfy(entity -> {
                String covered = entity.coveredText(text);
                assertThat(covered).matches("[\\p{L}\\p{N}'].*[\\p{L}\\p{N}']|[\\p{L}\\p{N}']");
                int[] points = text.codePoints().toArray();
                assertThat(entity.startOffset() == 0 || !Character.isLetterOrDigit(points[entity.startOffset() - 1]))
                        .as("starts at a word start: " + covered).isTrue();
                assertThat(entity.endOffset() == points.length || !Character.isLetterOrDigit(points[entity.endOffset()]))
                        .as("ends at a word end: " + covered).isTrue();
            });
        }
    }

    static byte[] png(int width, int height) throws IOException {
        return image(width, height, "png");
    }

    static byte[] jpeg(int width, int height) throws IOException {
        return image(width, height, "jpg");
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
