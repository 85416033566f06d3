package io.github.sagemakerlabeling.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which label attribute/metadata pair a line is read by, and which keys stay as other attributes. */
class LabelAttributeSelectionTest {

    private final OutputLineParser parser = new OutputLineParser();

    @Test
    void implicitSelectionTakesThePairAddedLast() {
        LabelingResult result = parser.parse(Fixtures.chainedVerificationLine());

        assertThat(result.labelAttributeName()).isEqualTo("verify-bounding-box-attribute-name");
        assertThat(result.annotation()).isInstanceOf(LabelVerification.class);
        assertThat(result.attributes()).containsOnlyKeys(
                "source-ref", "bounding-box-attribute-name", "bounding-box-attribute-name-metadata");
    }

    @Test
    void explicitSelectionReadsTheNamedPair() {
        LabelingResult result = parser.parse(Fixtures.chainedVerificationLine(), "bounding-box-attribute-name");

        assertThat(result.labelAttributeName()).isEqualTo("bounding-box-attribute-name");
        assertThat(result.type()).isEqualTo("groundtruth/object-detection");
        assertThat(result.jobName()).isEqualTo("identify-dogs-and-toys");
        assertThat(result.annotation(BoundingBoxes.class).boxes()).hasSize(3);
        assertThat(result.attributes()).containsOnlyKeys(
                "source-ref", "verify-bounding-box-attribute-name", "verify-bounding-box-attribute-name-metadata");
    }

    @Test
    void lastMeansDocumentOrderNotNameOrder() {
        String line = """
                {"source": "t",
                 "zebra": 0, "zebra-metadata": {"type": "x/first"},
                 "apple": 1, "apple-metadata": {"type": "x/second"}}""";

        assertThat(parser.parse(line).labelAttributeName()).isEqualTo("apple");
    }

    @Test
    void aPairCountsFromItsLaterKey() {
        String line = """
                {"source": "t",
                 "first-metadata": {"type": "x/first"}, "second": 1, "second-metadata": {"type": "x/second"},
                 "first": 0}""";

        assertThat(parser.parse(line).labelAttributeName()).isEqualTo("first");
    }

    @Test
    void sourceRefMetadataOfPointCloudInputIsNotALabel() {
        String line = """
                {"source-ref": "s3://bucket/frame1.bin",
                 "lidar-ss-ref": "s3://bucket/out/frame1.zlib",
                 "lidar-ss-ref-metadata": {"type": "groundtruth/point_cloud_single_frame_semantic_segmentation",
                   "color-map": {"0": {"class-name": "Car", "hex-color": "#2ca02c", "confidence": 0.0}}},
                 "source-ref-metadata": {"format": "binary/xyzi"}}""";

        LabelingResult result = parser.parse(line);

        assertThat(result.labelAttributeName()).isEqualTo("lidar-ss-ref");
        assertThat(result.attributes()).containsOnlyKeys("source-ref", "source-ref-metadata");
    }

    @Test
    void sourceWithSourceMetadataIsNotALabel() {
        String line = """
                {"source": "text", "source-metadata": {"type": "x"}}""";

        assertThatThrownBy(() -> parser.parse(line))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("no label attribute");
    }

    @Test
    void explicitSelectionOfAnAbsentAttributeIsMalformed() {
        String line = Fixtures.read("text-classification.json");

        assertThatThrownBy(() -> parser.parse(line, "sentiment"))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("label attribute 'sentiment' is not in the line")
                .extracting(e -> ((MalformedOutputException) e).rawText()).isEqualTo(line);
    }

    @Test
    void explicitSelectionOfAnAttributeWithoutMetadataIsMalformed() {
        String line = """
                {"source": "t", "mood": 1, "mood-metadata": {"type": "x"}, "extra": 2}""";

        assertThatThrownBy(() -> parser.parse(line, "extra"))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("'extra' has no 'extra-metadata'");
    }

    @Test
    void attributesKeepTheInputsOtherKeysInDocumentOrder() {
        String line = """
                {"source": "t", "customer": "acme", "batch": 7,
                 "mood": 1, "mood-metadata": {"type": "x/y"}, "trailing": true}""";

        LabelingResult result = parser.parse(line);

        assertThat(result.attributes()).containsOnlyKeys("source", "customer", "batch", "trailing");
        assertThat(result.attributes().keySet()).containsExactly("source", "customer", "batch", "trailing");
        assertThat(result.attributes().get("batch").intValue()).isEqualTo(7);
    }
}
