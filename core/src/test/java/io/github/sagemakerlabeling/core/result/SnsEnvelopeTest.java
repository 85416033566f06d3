package io.github.sagemakerlabeling.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Output lines arriving inside an SNS notification (dossier §3.6) read the same as raw lines. */
class SnsEnvelopeTest {

    private final OutputLineParser parser = new OutputLineParser();

    @Test
    void readsTheLineInsideTheReferenceEnvelope() throws Exception {
        String text = Fixtures.read("sns-envelope.json");

        LabelingResult result = parser.parse(text);

        assertThat(result.snsMessageId()).contains("22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
        assertThat(result.rawText()).isEqualTo(text);
        assertThat(result.json()).isEqualTo(Json.read(Json.read(text).get("Message").textValue()));
        assertThat(result.sourceRef()).contains("s3://bucket/img1.jpg");
        assertThat(result.labelAttributeName()).isEqualTo("label");
        assertThat(result.jobName()).isEqualTo("my-job");
        assertThat(result.rawJobName()).isEqualTo("labeling-job/my-job");
        assertThat(result.creationDate()).contains(LocalDateTime.of(2024, 1, 1, 0, 0));
        assertThat(result.annotation()).isEqualTo(new ClassLabel(0, "cat", 0.0));
        assertThat(result.attributes()).containsOnlyKeys("source-ref");
    }

    static Stream<String> lines() {
        return Stream.of(
                Fixtures.read("image-classification-number.json"),
                Fixtures.read("image-classification-string.json"),
                Fixtures.read("text-classification.json"),
                Fixtures.read("image-classification-multilabel.json"),
                Fixtures.read("text-classification-multilabel.json"),
                Fixtures.read("bounding-box.json"),
                Fixtures.read("semantic-segmentation.json"),
                Fixtures.read("named-entity-recognition.json"),
                Fixtures.chainedVerificationLine(),
                Fixtures.read("video-object-detection.json"),
                Fixtures.read("custom.json"),
                Fixtures.withByoKey(Fixtures.read("image-classification-number.json")),
                Fixtures.read("dedup-service-key.json"));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void aLineInAnEnvelopeGivesTheSameResultAsTheRawLine(String line) {
        String envelope = Fixtures.envelope(line);

        LabelingResult raw = parser.parse(line);
        LabelingResult wrapped = parser.parse(envelope);

        assertThat(Parsed.of(wrapped)).isEqualTo(Parsed.of(raw));
        assertThat(wrapped.rawText()).isEqualTo(envelope);
        assertThat(wrapped.snsMessageId()).contains(Fixtures.MESSAGE_ID);
        assertThat(raw.snsMessageId()).isEmpty();
    }

    /** Everything a result exposes except how it arrived ({@code rawText}, {@code snsMessageId}). */
    private record Parsed(Optional<String> source, Optional<String> sourceRef, String labelAttributeName,
                          Optional<ObjectId> objectId, String type, String jobName, String rawJobName,
                          boolean humanAnnotated, Optional<LocalDateTime> creationDate, OptionalDouble confidence,
                          Optional<String> adjustmentStatus, Annotation annotation, Map<String, JsonNode> attributes,
                          JsonNode label, JsonNode metadata, JsonNode json) {

        static Parsed of(LabelingResult r) {
            return new Parsed(r.source(), r.sourceRef(), r.labelAttributeName(), r.objectId(), r.type(), r.jobName(),
                    r.rawJobName(), r.humanAnnotated(), r.creationDate(), r.confidence(), r.adjustmentStatus(),
                    r.annotation(), r.attributes(), r.label(), r.metadata(), r.json());
        }
    }

    @Test
    void explicitSelectionWorksInsideAnEnvelope() {
        LabelingResult result = parser.parse(
                Fixtures.envelope(Fixtures.chainedVerificationLine()), "bounding-box-attribute-name");

        assertThat(result.annotation()).isInstanceOf(BoundingBoxes.class);
        assertThat(result.snsMessageId()).contains(Fixtures.MESSAGE_ID);
    }

    @Test
    void anInputAttributeNamedTypeDoesNotMakeALineAnEnvelope() {
        String line = """
                {"source": "a red car", "Type": "Car", "Message": "not a line",
                 "label": 1, "label-metadata": {"class-name": "car", "confidence": 0.5,
                 "type": "groundtruth/text-classification"}}""";

        LabelingResult result = parser.parse(line);

        assertThat(result.snsMessageId()).isEmpty();
        assertThat(result.annotation()).isEqualTo(new ClassLabel(1, "car", 0.5));
        assertThat(result.attributes()).containsKeys("Type", "Message");
    }

    @Test
    void aNotificationTypeWithoutMessageIsReadAsARawLine() {
        String line = """
                {"source": "t", "Type": "Notification",
                 "label": 1, "label-metadata": {"class-name": "car", "confidence": 0.5,
                 "type": "groundtruth/text-classification"}}""";

        LabelingResult result = parser.parse(line);

        assertThat(result.snsMessageId()).isEmpty();
        assertThat(result.labelAttributeName()).isEqualTo("label");
    }
}
