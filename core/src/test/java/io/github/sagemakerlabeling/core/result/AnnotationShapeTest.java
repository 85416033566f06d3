package io.github.sagemakerlabeling.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.result.BoundingBoxes.Box;
import io.github.sagemakerlabeling.core.result.NamedEntities.Entity;
import io.github.sagemakerlabeling.core.result.SemanticSegmentation.ColorMapEntry;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-type reading rules beyond the reference examples, and the shapes each type rejects. */
class AnnotationShapeTest {

    private final OutputLineParser parser = new OutputLineParser();

    private static String line(String label, String metadata) {
        return "{\"source-ref\": \"s3://bucket/a.png\", \"lbl\": " + label + ", \"lbl-metadata\": " + metadata + "}";
    }

    private void assertMalformed(String text, String reason) {
        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining(reason);
    }

    // single label

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            3      | 3
            "3"    | 3
            3.0    | 3
            "12"   | 12
            """)
    void classIndexAsNumberOrDigitString(String label, int expected) {
        String text = line(label, """
                {"type": "groundtruth/image-classification", "class-name": "c", "confidence": 0.1}""");

        assertThat(parser.parse(text).annotation(ClassLabel.class).classIndex()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "1.5", "\"-1\"", "[0]", "null", "\"\""})
    void classIndexOfAnotherShapeIsMalformed(String label) {
        assertMalformed(line(label, """
                {"type": "groundtruth/image-classification", "class-name": "c", "confidence": 0.1}"""),
                "lbl must be");
    }

    @Test
    void classNameIsRequired() {
        assertMalformed(line("0", """
                {"type": "groundtruth/image-classification", "confidence": 0.1}"""),
                "lbl-metadata.class-name is missing");
    }

    // multi-label

    @Test
    void multiLabelIndexMissingFromTheClassMapIsMalformed() {
        assertMalformed(line("[0, 3]", """
                {"type": "groundtruth/image-classification-multilabel", "class-map": {"0": "a"},
                 "confidence-map": {"0": 0.5}}"""),
                "lbl[1] selects class 3, which lbl-metadata.class-map does not name");
    }

    @Test
    void multiLabelValueMustBeAnArray() {
        assertMalformed(line("1", """
                {"type": "groundtruth/text-classification-multilabel", "class-map": {"1": "a"},
                 "confidence-map": {"1": 0.5}}"""),
                "lbl must be an array, got 1");
    }

    @Test
    void classMapKeysMustBeIndexes() {
        assertMalformed(line("[0]", """
                {"type": "groundtruth/image-classification-multilabel", "class-map": {"zero": "a"},
                 "confidence-map": {"0": 0.5}}"""),
                "lbl-metadata.class-map.zero must be a class index");
    }

    // bounding boxes

    private static String boxes(String objects) {
        return line("""
                {"image_size": [{"width": 10, "height": 10, "depth": 3}],
                 "annotations": [{"class_id": 0, "left": 1, "top": 2, "width": 3, "height": 4},
                                 {"class_id": "1", "left": 5, "top": 6, "width": 7, "height": 8.0}]}""",
                "{\"type\": \"groundtruth/object-detection\", \"class-map\": {\"0\": \"a\", \"1\": \"b\"}"
                        + objects + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ", \"objects\": []"})
    void boxesWithoutListedConfidencesHaveNone(String objects) {
        List<Box> boxes = parser.parse(boxes(objects)).annotation(BoundingBoxes.class).boxes();

        assertThat(boxes).containsExactly(
                new Box(0, "a", 1, 2, 3, 4, OptionalDouble.empty()),
                new Box(1, "b", 5, 6, 7, 8, OptionalDouble.empty()));
    }

    @Test
    void boxConfidencesMustBeOnePerBox() {
        assertMalformed(boxes(", \"objects\": [{\"confidence\": 0.8}]"),
                "lbl-metadata.objects has 1 entries for 2 labeled items");
    }

    @Test
    void boxClassMustBeInTheClassMap() {
        assertMalformed(line("""
                {"image_size": [], "annotations": [{"class_id": 9, "left": 1, "top": 2, "width": 3, "height": 4}]}""",
                """
                {"type": "groundtruth/object-detection", "class-map": {"0": "a"}}"""),
                "lbl.annotations[0].class_id is 9, which lbl-metadata.class-map does not name");
    }

    @Test
    void boxCoordinatesMustBeWholeNumbers() {
        assertMalformed(line("""
                {"image_size": [], "annotations": [{"class_id": 0, "left": 1.5, "top": 2, "width": 3, "height": 4}]}""",
                """
                {"type": "groundtruth/object-detection", "class-map": {"0": "a"}}"""),
                "lbl.annotations[0].left must be an integer, got 1.5");
    }

    @Test
    void boxLabelMustBeAnObject() {
        assertMalformed(line("[]", """
                {"type": "groundtruth/object-detection", "class-map": {}}"""), "lbl must be an object, got []");
    }

    // semantic segmentation

    @Test
    void pointCloudSegmentationReadsItsColorMap() {
        String text = line("\"s3://bucket/out/frame1.zlib\"", """
                {"type": "groundtruth/point_cloud_single_frame_semantic_segmentation",
                 "color-map": {"0": {"class-name": "Background", "hex-color": "#ffffff", "confidence": 0.00},
                               "1": {"class-name": "Car", "hex-color": "#2ca02c", "confidence": 0.00}}}""");

        assertThat(parser.parse(text).annotation()).isEqualTo(new SemanticSegmentation("s3://bucket/out/frame1.zlib",
                Map.of(0, new ColorMapEntry("Background", 0.0, "#ffffff"),
                        1, new ColorMapEntry("Car", 0.0, "#2ca02c"))));
    }

    @Test
    void imageColorMapIsPreferredWhenBothAreGiven() {
        String text = line("\"s3://bucket/mask.png\"", """
                {"type": "groundtruth/semantic-segmentation",
                 "color-map": {"0": {"class-name": "other", "hex-color": "#000000", "confidence": 0.1}},
                 "internal-color-map": {"0": {"class-name": "BACKGROUND", "hex-color": "#ffffff",
                   "confidence": 0.9}}}""");

        assertThat(parser.parse(text).annotation(SemanticSegmentation.class).colorMap())
                .containsExactly(Map.entry(0, new ColorMapEntry("BACKGROUND", 0.9, "#ffffff")));
    }

    @Test
    void segmentationWithoutAColorMapIsMalformed() {
        assertMalformed(line("\"s3://bucket/mask.png\"", """
                {"type": "groundtruth/semantic-segmentation"}"""), "lbl-metadata.internal-color-map is missing");
    }

    @Test
    void segmentationColorEntriesNeedAHexColor() {
        assertMalformed(line("\"s3://bucket/mask.png\"", """
                {"type": "groundtruth/semantic-segmentation",
                 "internal-color-map": {"0": {"class-name": "BACKGROUND", "confidence": 0.9}}}"""),
                "lbl-metadata.internal-color-map.0.hex-color is missing");
    }

    @Test
    void segmentationLabelMustBeAUri() {
        assertMalformed(line("{}", """
                {"type": "groundtruth/semantic-segmentation", "internal-color-map": {}}"""),
                "lbl must be a string, got {}");
    }

    // named entities

    private static String entities(String metadataEntities) {
        return line("""
                {"annotations": {"labels": [{"label": "Date"}],
                  "entities": [{"label": "Date", "startOffset": 0, "endOffset": 4}]}}""",
                "{\"type\": \"groundtruth/text-span\"" + metadataEntities + "}");
    }

    @Test
    void entityLabelsWithoutShortNamesAndEntitiesWithoutConfidence() {
        NamedEntities label = parser.parse(entities("")).annotation(NamedEntities.class);

        assertThat(label.labels()).containsExactly(new NamedEntities.EntityLabel("Date", java.util.Optional.empty()));
        assertThat(label.entities()).containsExactly(new Entity("Date", 0, 4, OptionalDouble.empty()));
    }

    @Test
    void entityConfidencesMustBeOnePerEntity() {
        assertMalformed(entities(", \"entities\": [{\"confidence\": 0}, {\"confidence\": 0}]"),
                "lbl-metadata.entities has 2 entries for 1 labeled items");
    }

    @Test
    void entityOffsetsCountCodePoints() {
        Entity entity = new Entity("Thing", 2, 4, OptionalDouble.empty());

        assertThat(entity.coveredText("\uD83D\uDE00 ab c")).isEqualTo("ab");
    }

    // label verification

    @Test
    void verificationWithoutCommentsHasNoFeedback() {
        String text = line("\"0\"", """
                {"type": "groundtruth/label-verification", "class-name": "good", "confidence": 0.5}""");

        assertThat(parser.parse(text).annotation()).isEqualTo(new LabelVerification(0, "good", 0.5, List.of()));
    }

    @Test
    void verificationFeedbackEntriesNeedAComment() {
        assertMalformed(line("\"0\"", """
                {"type": "groundtruth/label-verification", "class-name": "good", "confidence": 0.5,
                 "worker-feedback": [{"note": "x"}]}"""), "lbl-metadata.worker-feedback[0].comment is missing");
    }

    // frame sequences

    @ParameterizedTest
    @ValueSource(strings = {"groundtruth/video-object-tracking", "groundtruth/point_cloud_object_tracking"})
    void sequenceTypesGiveFrameLabels(String type) {
        String text = line("\"s3://bucket/out/0/SeqLabel.json\"",
                "{\"type\": \"" + type + "\", \"class-map\": {\"0\": \"Car\", \"1\": \"Person\"}}");

        assertThat(parser.parse(text).annotation())
                .isEqualTo(new FrameLabels("s3://bucket/out/0/SeqLabel.json", Map.of(0, "Car", 1, "Person")));
    }

    @Test
    void frameLabelsNeedAClassMap() {
        assertMalformed(line("\"s3://bucket/out/0/SeqLabel.json\"", """
                {"type": "groundtruth/video-object-detection"}"""), "lbl-metadata.class-map is missing");
    }

    // custom and unknown

    @Test
    void customLabelKeepsWhateverTheLambdaReturned() throws Exception {
        String text = line("{\"sentiment\": \"late\", \"score\": 3}", """
                {"type": "groundTruth/custom", "job_name": "j"}""");

        CustomAnnotation label = parser.parse(text).annotation(CustomAnnotation.class);

        assertThat(label.content()).isEqualTo(Json.read("{\"sentiment\": \"late\", \"score\": 3}"));
        assertThat(label.workerResponseRef()).isEmpty();
    }

    @Test
    void unknownTypeKeepsTheRawJson() throws Exception {
        String labelJson = """
                {"annotations": [{"object-name": "Car:1", "class-id": 0, "center-x": -2.6}]}""";
        String metadataJson = """
                {"objects": [], "class_map": {"0": "Car"}, "type": "groundtruth/point_cloud_object_detection",
                 "human-annotated": "yes", "creation-date": "2018-10-18T22:18:13.527256",
                 "job-name": "identify-3d-objects",
                 "adjustment-status": "adjusted"}""";
        String text = line(labelJson, metadataJson);

        LabelingResult result = parser.parse(text);

        assertThat(result.type()).isEqualTo("groundtruth/point_cloud_object_detection");
        assertThat(result.jobName()).isEqualTo("identify-3d-objects");
        assertThat(result.adjustmentStatus()).contains("adjusted");
        assertThat(result.annotation())
                .isEqualTo(new UnknownAnnotation(Json.read(labelJson), Json.read(metadataJson)));
        assertThat(result.json()).isEqualTo(Json.read(text));
    }
}
