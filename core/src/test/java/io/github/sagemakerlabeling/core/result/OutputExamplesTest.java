package io.github.sagemakerlabeling.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.result.BoundingBoxes.Box;
import io.github.sagemakerlabeling.core.result.BoundingBoxes.ImageSize;
import io.github.sagemakerlabeling.core.result.NamedEntities.Entity;
import io.github.sagemakerlabeling.core.result.NamedEntities.EntityLabel;
import io.github.sagemakerlabeling.core.result.SemanticSegmentation.ColorMapEntry;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Every per-task output example of the dossier (§3.3), parsed with its values checked. */
class OutputExamplesTest {

    private final OutputLineParser parser = new OutputLineParser();

    @Test
    void imageClassificationWithNumericIndex() {
        String text = Fixtures.read("image-classification-number.json");

        LabelingResult result = parser.parse(text);

        assertThat(result.sourceRef()).contains("s3://AWSDOC-EXAMPLE-BUCKET/image_example.png");
        assertThat(result.source()).isEmpty();
        assertThat(result.labelAttributeName()).isEqualTo("sport");
        assertThat(result.type()).isEqualTo("groundtruth/image-classification");
        assertThat(result.jobName()).isEqualTo("identify-sport");
        assertThat(result.rawJobName()).isEqualTo("identify-sport");
        assertThat(result.humanAnnotated()).isTrue();
        assertThat(result.creationDate()).contains(LocalDateTime.parse("2018-10-18T22:18:13.527256"));
        assertThat(result.confidence()).hasValue(0.0);
        assertThat(result.adjustmentStatus()).isEmpty();
        assertThat(result.objectId()).isEmpty();
        assertThat(result.annotation()).isEqualTo(new ClassLabel(0, "football", 0.0));
        assertThat(result.attributes()).containsOnlyKeys("source-ref");
        assertThat(result.label().intValue()).isEqualTo(0);
        assertThat(result.metadata().get("class-name").textValue()).isEqualTo("football");
        assertThat(result.rawText()).isEqualTo(text);
        assertThat(result.snsMessageId()).isEmpty();
    }

    @Test
    void imageClassificationWithStringIndex() {
        LabelingResult result = parser.parse(Fixtures.read("image-classification-string.json"));

        assertThat(result.sourceRef()).contains("s3://AWSDOC-EXAMPLE-BUCKET/example_image.jpg");
        assertThat(result.labelAttributeName()).isEqualTo("species");
        assertThat(result.jobName()).isEqualTo("identify-animal-species");
        assertThat(result.annotation()).isEqualTo(new ClassLabel(0, "dog", 0.0));
    }

    @Test
    void textClassification() {
        LabelingResult result = parser.parse(Fixtures.read("text-classification.json"));

        assertThat(result.source()).contains("The food was delicious");
        assertThat(result.sourceRef()).isEmpty();
        assertThat(result.labelAttributeName()).isEqualTo("mood");
        assertThat(result.type()).isEqualTo("groundtruth/text-classification");
        assertThat(result.jobName()).isEqualTo("label-sentiment");
        assertThat(result.creationDate()).contains(LocalDateTime.parse("2020-10-18T22:18:13.527256"));
        assertThat(result.confidence()).hasValue(0.8);
        assertThat(result.annotation()).isEqualTo(new ClassLabel(1, "positive", 0.8));
    }

    @Test
    void imageClassificationMultiLabel() {
        LabelingResult result = parser.parse(Fixtures.read("image-classification-multilabel.json"));

        assertThat(result.labelAttributeName()).isEqualTo("image-label-attribute-name");
        assertThat(result.type()).isEqualTo("groundtruth/image-classification-multilabel");
        assertThat(result.jobName()).isEqualTo("image-label-attribute-name");
        assertThat(result.rawJobName()).isEqualTo("labeling-job/image-label-attribute-name");
        assertThat(result.creationDate()).contains(LocalDateTime.parse("2020-02-27T21:36:25.000201"));
        assertThat(result.confidence()).isEmpty();
        MultiLabel label = result.annotation(MultiLabel.class);
        assertThat(label.classIndexes()).containsExactly(1, 0, 8);
        assertThat(label.classMap()).containsExactly(
                Map.entry(1, "bicycle"), Map.entry(0, "person"), Map.entry(8, "clothing"));
        assertThat(label.confidenceMap()).containsExactly(Map.entry(1, 0.95), Map.entry(0, 0.77), Map.entry(8, 0.2));
        assertThat(label.classNames()).containsExactly("bicycle", "person", "clothing");
    }

    @Test
    void textClassificationMultiLabel() {
        LabelingResult result = parser.parse(Fixtures.read("text-classification-multilabel.json"));

        assertThat(result.sourceRef()).contains("AWSDOC-EXAMPLE-BUCKET/text_file.txt");
        assertThat(result.labelAttributeName()).isEqualTo("text-label-attribute-name");
        assertThat(result.jobName()).isEqualTo("text-label-attribute-name");
        assertThat(result.creationDate()).contains(LocalDateTime.parse("2020-02-20T21:36:25.000201"));
        MultiLabel label = result.annotation(MultiLabel.class);
        assertThat(label.classNames()).containsExactly("approving", "sad", "critical");
        assertThat(label.confidenceMap()).containsExactly(Map.entry(1, 0.95), Map.entry(0, 0.77), Map.entry(4, 0.2));
    }

    @Test
    void boundingBoxes() {
        LabelingResult result = parser.parse(Fixtures.read("bounding-box.json"));

        assertThat(result.sourceRef()).contains("s3://AWSDOC-EXAMPLE-BUCKET/example_image.png");
        assertThat(result.labelAttributeName()).isEqualTo("bounding-box-attribute-name");
        assertThat(result.type()).isEqualTo("groundtruth/object-detection");
        assertThat(result.jobName()).isEqualTo("identify-dogs-and-toys");
        assertThat(result.confidence()).isEmpty();
        assertThat(result.annotation()).isEqualTo(new BoundingBoxes(
                List.of(new ImageSize(500, 400, 3)),
                List.of(new Box(0, "dog", 111, 134, 61, 128, OptionalDouble.of(0.8)),
                        new Box(5, "bone", 161, 250, 30, 30, OptionalDouble.of(0.9)),
                        new Box(5, "bone", 20, 20, 30, 30, OptionalDouble.of(0.9))),
                Map.of(0, "dog", 5, "bone")));
    }

    @Test
    void semanticSegmentation() {
        LabelingResult result = parser.parse(Fixtures.read("semantic-segmentation.json"));

        assertThat(result.sourceRef()).contains("s3://AWSDOC-EXAMPLE-BUCKET/example_city_image.png");
        assertThat(result.labelAttributeName()).isEqualTo("city-streets-ref");
        assertThat(result.jobName()).isEqualTo("label-city-streets");
        SemanticSegmentation label = result.annotation(SemanticSegmentation.class);
        assertThat(label.labelMapRef()).isEqualTo("S3 bucket location");
        assertThat(label.colorMap()).containsExactly(
                Map.entry(0, new ColorMapEntry("BACKGROUND", 0.9, "#ffffff")),
                Map.entry(1, new ColorMapEntry("buildings", 0.9, "#2acf59")),
                Map.entry(2, new ColorMapEntry("road", 0.9, "#f28333")));
    }

    @Test
    void namedEntities() {
        LabelingResult result = parser.parse(Fixtures.read("named-entity-recognition.json"));

        assertThat(result.source()).hasValueSatisfying(source -> assertThat(source).startsWith("Amazon SageMaker is"));
        assertThat(result.labelAttributeName()).isEqualTo("ner-labeling-job-attribute-name");
        assertThat(result.type()).isEqualTo("groundtruth/text-span");
        assertThat(result.jobName()).isEqualTo("example-ner-labeling-job");
        assertThat(result.rawJobName()).isEqualTo("labeling-job/example-ner-labeling-job");
        assertThat(result.creationDate()).contains(LocalDateTime.parse("2020-10-29T00:40:39.398470"));
        NamedEntities label = result.annotation(NamedEntities.class);
        assertThat(label.labels()).containsExactly(
                new EntityLabel("Date", Optional.of("dt")), new EntityLabel("Thing", Optional.of("tng")));
        assertThat(label.entities()).containsExactly(
                new Entity("Thing", 22, 53, OptionalDouble.of(0)), new Entity("Date", 75, 88, OptionalDouble.of(0)));
        String source = result.source().orElseThrow();
        assertThat(label.entities()).extracting(entity -> entity.coveredText(source))
                .containsExactly("cloud machine-learning platform", "November 2017");
    }

    @Test
    void labelVerificationAddedNextToTheOriginalLabel() {
        LabelingResult result = parser.parse(Fixtures.chainedVerificationLine());

        assertThat(result.labelAttributeName()).isEqualTo("verify-bounding-box-attribute-name");
        assertThat(result.type()).isEqualTo("groundtruth/label-verification");
        assertThat(result.jobName()).isEqualTo("verify-bounding-boxes");
        assertThat(result.creationDate()).contains(LocalDateTime.parse("2018-11-20T22:18:13.527256"));
        assertThat(result.confidence()).hasValue(0.93);
        assertThat(result.annotation()).isEqualTo(new LabelVerification(1, "bad", 0.93, List.of(
                "The bounding box on the bird is too wide on the right side.",
                "The bird on the upper right is not labeled.")));
    }

    @Test
    void videoFrameObjectDetection() {
        LabelingResult result = parser.parse(Fixtures.read("video-object-detection.json"));

        assertThat(result.sourceRef()).contains("s3://DOC-EXAMPLE-BUCKET/example-path/input-manifest.json");
        assertThat(result.labelAttributeName()).isEqualTo("CarObjectDetection-ref");
        assertThat(result.type()).isEqualTo("groundtruth/video-object-detection");
        assertThat(result.jobName()).isEqualTo("labeling-job-name");
        assertThat(result.rawJobName()).isEqualTo("labeling-job/labeling-job-name");
        assertThat(result.creationDate()).contains(LocalDateTime.parse("2021-09-29T05:50:35.566"));
        assertThat(result.annotation()).isEqualTo(new FrameLabels(
                "s3://AWSDOC-EXAMPLE-BUCKET/output/labeling-job-name/annotations/consolidated-annotation/output/0/"
                        + "SeqLabel.json",
                Map.of(0, "car", 1, "bus")));
    }

    @Test
    void customWorkflowWithUnderscoreFields() {
        LabelingResult result = parser.parse(Fixtures.read("custom.json"));

        assertThat(result.source()).contains("This train is really late.");
        assertThat(result.labelAttributeName()).isEqualTo("labelAttributeName");
        assertThat(result.type()).isEqualTo("groundTruth/custom");
        assertThat(result.jobName()).isEqualTo("test-labeling-job");
        assertThat(result.rawJobName()).isEqualTo("test-labeling-job");
        assertThat(result.humanAnnotated()).isTrue();
        assertThat(result.creationDate()).contains(LocalDateTime.parse("2021-03-08T23:06:49.111"));
        CustomAnnotation label = result.annotation(CustomAnnotation.class);
        assertThat(label.content().isObject()).isTrue();
        assertThat(label.content().isEmpty()).isTrue();
        assertThat(label.workerResponseRef()).contains(
                "s3://amzn-s3-demo-bucket/test-labeling-job/annotations/worker-response/iteration-1/0/"
                        + "2021-03-08_23:06:49.json");
    }
}
