package io.github.sagemakerlabeling.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deduplication fields of a line (dossier §3.5). */
class ObjectIdTest {

    private final OutputLineParser parser = new OutputLineParser();

    @Test
    void ownKeyNamedByDatasetObjectIdAttributeName() {
        LabelingResult result = parser.parse(Fixtures.withByoKey(Fixtures.read("image-classification-number.json")));

        assertThat(result.objectId()).contains(new ObjectId("byo-key", "UniqueId", Optional.empty()));
        assertThat(result.attributes()).containsKeys("dataset-objectid-attribute-name", "byo-key", "source-ref");
        assertThat(result.annotation()).isEqualTo(new ClassLabel(0, "football", 0.0));
    }

    @Test
    void serviceGeneratedKey() {
        LabelingResult result = parser.parse(Fixtures.read("dedup-service-key.json"));

        assertThat(result.labelAttributeName()).isEqualTo("label-attribute-name");
        assertThat(result.objectId()).contains(
                new ObjectId("$label-attribute-name-object-id", "<service-generated-key>", Optional.empty()));
        assertThat(result.sourceRef()).contains("s3://bucket/prefix/object1");
    }

    @Test
    void emptyMetadataGivesAnUnknownAnnotationWithDefaults() {
        LabelingResult result = parser.parse(Fixtures.read("dedup-service-key.json"));

        assertThat(result.type()).isEmpty();
        assertThat(result.jobName()).isEmpty();
        assertThat(result.rawJobName()).isEmpty();
        assertThat(result.humanAnnotated()).isFalse();
        assertThat(result.creationDate()).isEmpty();
        assertThat(result.confidence()).isEmpty();
        UnknownAnnotation label = result.annotation(UnknownAnnotation.class);
        assertThat(label.label()).isEqualTo(IntNode.valueOf(0));
        assertThat(label.metadata().isEmpty()).isTrue();
    }

    @Test
    void sequencerOfAnS3FedObject() {
        String line = """
                {"source-ref": "s3://bucket/prefix/object1",
                 "dataset-objectid-attribute-name": "$sport-object-id",
                 "sport": 0, "sport-metadata": {"type": "groundtruth/image-classification", "class-name": "football",
                   "confidence": 0.0},
                 "$sport-object-id": "s3://bucket/prefix/object1-0062E6A9D1B6A51A2B",
                 "$sequencer": "0062E6A9D1B6A51A2B"}""";

        assertThat(parser.parse(line).objectId()).contains(new ObjectId(
                "$sport-object-id", "s3://bucket/prefix/object1-0062E6A9D1B6A51A2B",
                Optional.of("0062E6A9D1B6A51A2B")));
    }

    @Test
    void serviceKeyOfTheLabelAttributeIsFoundWithoutTheNamingField() {
        String line = """
                {"source": "t", "mood": 1, "mood-metadata": {"type": "x/y"},
                 "$mood-object-id": "5e5f3c1a-8a5d-4c1b-9f0e-1d2c3b4a5f60"}""";

        assertThat(parser.parse(line).objectId()).contains(
                new ObjectId("$mood-object-id", "5e5f3c1a-8a5d-4c1b-9f0e-1d2c3b4a5f60", Optional.empty()));
    }

    @Test
    void anExistingInputKeyCanBeTheKey() {
        String line = """
                {"source-ref": "s3://bucket/prefix/object1", "dataset-objectid-attribute-name": "source-ref",
                 "sport": 0, "sport-metadata": {"type": "x/y"}}""";

        assertThat(parser.parse(line).objectId())
                .contains(new ObjectId("source-ref", "s3://bucket/prefix/object1", Optional.empty()));
    }

    @Test
    void aNumericIdIsTakenAsText() {
        String line = """
                {"source": "t", "dataset-objectid-attribute-name": "row", "row": 42,
                 "mood": 1, "mood-metadata": {"type": "x/y"}}""";

        assertThat(parser.parse(line).objectId()).contains(new ObjectId("row", "42", Optional.empty()));
    }

    @Test
    void noDedupFieldsGiveNoObjectId() {
        assertThat(parser.parse(Fixtures.read("text-classification.json")).objectId()).isEmpty();
    }

    @Test
    void aNamedKeyTheLineLacksIsMalformed() {
        String line = """
                {"source": "t", "dataset-objectid-attribute-name": "byo-key", "mood": 1, "mood-metadata": {}}""";

        assertThatThrownBy(() -> parser.parse(line))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("names 'byo-key', which the line does not hold");
    }

    @Test
    void aStructuredIdIsMalformed() {
        String line = """
                {"source": "t", "dataset-objectid-attribute-name": "byo-key", "byo-key": {"a": 1},
                 "mood": 1, "mood-metadata": {}}""";

        assertThatThrownBy(() -> parser.parse(line))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("byo-key must be a string");
    }
}
