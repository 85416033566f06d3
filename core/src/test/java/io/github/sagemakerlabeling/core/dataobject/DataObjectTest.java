package io.github.sagemakerlabeling.core.dataobject;

import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.DEFAULT_DEDUP_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataObjectTest {

    @Test
    void textObjectHasOnlyASource() {
        DataObject object = DataObject.text("Lorem ipsum dolor sit amet");

        assertThat(object.source()).contains("Lorem ipsum dolor sit amet");
        assertThat(object.sourceRef()).isEmpty();
        assertThat(object.attributes()).isEmpty();
        assertThat(object.dedupKey()).isEqualTo(DEFAULT_DEDUP_KEY);
        assertThat(object.dedupId()).isEmpty();
    }

    @Test
    void s3ObjectAcceptsAStringOrAnS3Uri() {
        DataObject fromString = DataObject.s3("s3://awsexamplebucket/example-image.jpg");
        DataObject fromUri = DataObject.s3(new S3Uri("awsexamplebucket", "example-image.jpg"));

        assertThat(fromString.sourceRef()).contains("s3://awsexamplebucket/example-image.jpg");
        assertThat(fromString.source()).isEmpty();
        assertThat(fromUri).isEqualTo(fromString);
    }

    @Test
    void s3RejectsAnInvalidUriImmediately() {
        assertThatThrownBy(() -> DataObject.s3("https://bucket/key"))
                .isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining("source-ref = 'https://bucket/key'")
                .hasMessageContaining("s3://bucket/key");
    }

    @Test
    void withAttributeReturnsANewObjectAndKeepsInsertionOrder() {
        DataObject original = DataObject.text("t");
        DataObject changed = original.withAttribute("b", 1).withAttribute("a", "x");

        assertThat(original.attributes()).isEmpty();
        assertThat(changed.attributes()).containsExactly(
                Map.entry("b", IntNode.valueOf(1)), Map.entry("a", TextNode.valueOf("x")));
    }

    @Test
    void withAttributeConvertsTheSupportedValueTypes() throws Exception {
        ObjectNode node = Json.mapper().createObjectNode().put("k", "v");
        DataObject object = DataObject.text("t")
                .withAttribute("string", "s")
                .withAttribute("integer", 42L)
                .withAttribute("decimal", 0.1)
                .withAttribute("boolean", true)
                .withAttribute("map", Map.of("x", List.of(1, 2)))
                .withAttribute("list", List.of("a", Map.of("b", false)))
                .withAttribute("node", node)
                .withAttribute("null", null);

        assertThat(Json.write(object.attributes())).isEqualTo("{\"string\":\"s\",\"integer\":42,\"decimal\":0.1,"
                + "\"boolean\":true,\"map\":{\"x\":[1,2]},\"list\":[\"a\",{\"b\":false}],\"node\":{\"k\":\"v\"},"
                + "\"null\":null}");
        assertThat(object.attributes().get("decimal").decimalValue()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void isImmutableAgainstChangesToInputsAndOutputs() {
        Map<String, Object> nested = new LinkedHashMap<>(Map.of("x", 1));
        List<Object> list = new ArrayList<>(List.of(1));
        ObjectNode node = Json.mapper().createObjectNode().put("k", "v");
        DataObject object = DataObject.text("t")
                .withAttribute("map", nested).withAttribute("list", list).withAttribute("node", node);

        nested.put("y", 2);
        list.add(2);
        node.put("k", "changed");
        ((ObjectNode) object.attributes().get("map")).put("z", 3);

        assertThat(Json.write(object.attributes())).isEqualTo("{\"map\":{\"x\":1},\"list\":[1],\"node\":{\"k\":\"v\"}}");
        assertThatThrownBy(() -> object.attributes().put("extra", TextNode.valueOf("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"source", "source-ref", "dataset-objectid-attribute-name", DEFAULT_DEDUP_KEY})
    void withAttributeRefusesTheReservedNames(String name) {
        assertThatThrownBy(() -> DataObject.text("t").withAttribute(name, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @Test
    void withAttributeRefusesTheCurrentByoDedupKey() {
        DataObject object = DataObject.text("t").withDedupKey("byo-key");

        assertThatThrownBy(() -> object.withAttribute("byo-key", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(object.withAttribute(DEFAULT_DEDUP_KEY, "now an ordinary attribute").attributes())
                .containsKey(DEFAULT_DEDUP_KEY);
    }

    @Test
    void withAttributeRefusesValuesWithoutAJsonForm() {
        assertThatThrownBy(() -> DataObject.text("t").withAttribute("score", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("score");
        assertThatThrownBy(() -> DataObject.text("t").withAttribute("scores", List.of(1.0, Float.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scores");
    }

    @Test
    void withDedupIdSetsTheIdUnderTheCurrentKey() {
        DataObject object = DataObject.text("t").withDedupKey("byo-key").withDedupId("my-id");

        assertThat(object.dedupKey()).isEqualTo("byo-key");
        assertThat(object.dedupId()).contains("my-id");
    }

    @Test
    void withDedupIdMovesTheKeyAwayFromSourceRef() {
        DataObject object = DataObject.s3("s3://bucket/a.jpg").withDedupKey("source-ref").withDedupId("my-id");

        assertThat(object.dedupKey()).isEqualTo(DEFAULT_DEDUP_KEY);
        assertThat(object.dedupId()).contains("my-id");
    }

    @Test
    void withDedupKeyNamingSourceOrSourceRefUsesThatValueAsTheId() {
        assertThat(DataObject.s3("s3://bucket/a.jpg").withDedupKey("source-ref").dedupId())
                .contains("s3://bucket/a.jpg");
        assertThat(DataObject.text("some text").withDedupKey("source").dedupId()).contains("some text");
        assertThat(DataObject.text("some text").withDedupId("explicit").withDedupKey("source").dedupId())
                .contains("some text");
        assertThat(DataObject.s3("s3://bucket/a.jpg").withDedupId("explicit").withDedupKey("source-ref"))
                .isEqualTo(DataObject.s3("s3://bucket/a.jpg").withDedupKey("source-ref"));
    }

    @Test
    void withDedupKeyNamingAnAttributeMovesItIntoTheId() {
        DataObject object = DataObject.text("t").withAttribute("ticket", "T-1").withAttribute("other", 1)
                .withDedupKey("ticket");

        assertThat(object.dedupId()).contains("T-1");
        assertThat(object.attributes()).containsOnlyKeys("other");
        assertThatThrownBy(() -> DataObject.text("t").withAttribute("n", 1).withDedupKey("n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON string");
    }

    @Test
    void withDedupKeyNamingANewAttributeKeepsAnExplicitId() {
        DataObject object = DataObject.text("t").withDedupId("id-1").withDedupKey("byo-key");

        assertThat(object.dedupKey()).isEqualTo("byo-key");
        assertThat(object.dedupId()).contains("id-1");
    }

    @Test
    void readsTheByoKeyExample() {
        DataObject object = DataObject.fromManifestLine(Fixtures.read("byo-key.json"));

        assertThat(object.sourceRef()).contains("s3://bucket/prefix/object1");
        assertThat(object.dedupKey()).isEqualTo("byo-key");
        assertThat(object.dedupId()).contains("UniqueId");
        assertThat(object.attributes()).isEmpty();
    }

    @Test
    void readsTheExistingKeyExample() {
        DataObject object = DataObject.fromManifestLine(Fixtures.read("existing-key.json"));

        assertThat(object.dedupKey()).isEqualTo("source-ref");
        assertThat(object.dedupId()).contains("s3://bucket/prefix/object1");
        assertThat(object.attributes()).isEmpty();
    }

    @Test
    void readsAPreviousJobsOutputForChaining() {
        DataObject object = DataObject.fromManifestLine(Fixtures.read("output-no-key.json"));

        assertThat(object.sourceRef()).contains("s3://bucket/prefix/object1");
        assertThat(object.dedupKey()).isEqualTo("$label-attribute-name-object-id");
        assertThat(object.dedupId()).contains("<service-generated-key>");
        assertThat(object.attributes()).containsOnlyKeys("label-attribute-name", "label-attribute-name-metadata");
    }

    @Test
    void dropsGroundTruthsS3SequencerFromAChainedLine() {
        DataObject object = DataObject.fromManifestLine("{\"source-ref\":\"s3://bucket/a.jpg\","
                + "\"dataset-objectid-attribute-name\":\"$species-object-id\",\"$species-object-id\":\"abc\","
                + "\"$sequencer\":\"0055AED6DCD90281E5\",\"species\":1}");

        assertThat(object.attributes()).containsOnlyKeys("species");
        assertThat(object.dedupId()).contains("abc");
    }

    @Test
    void readsALineWithAKeyButNoIdAsHashToBeComputed() {
        DataObject object = DataObject.fromManifestLine(
                "{\"source\":\"t\",\"dataset-objectid-attribute-name\":\"byo-key\"}");

        assertThat(object.dedupKey()).isEqualTo("byo-key");
        assertThat(object.dedupId()).isEmpty();
    }

    @Test
    void fromMapReadsLikeALine() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source-ref", "s3://bucket/prefix/object1");
        map.put("dataset-objectid-attribute-name", "byo-key");
        map.put("byo-key", "UniqueId");

        assertThat(DataObject.fromMap(map)).isEqualTo(DataObject.fromManifestLine(Fixtures.read("byo-key.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[{\"source\":\"t\"}]", "\"source\"", "{\"source\":\"t\"} trailing", ""})
    void rejectsTextThatIsNotOneJsonObject(String line) {
        assertThatThrownBy(() -> DataObject.fromManifestLine(line))
                .isInstanceOfSatisfying(LabelingValidationException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> assertThat(v.field()).isEqualTo("manifest line")));
    }

    @Test
    void rejectsEveryFieldWithTheWrongJsonTypeAtOnce() {
        String line = "{\"source\":1,\"source-ref\":{},\"dataset-objectid-attribute-name\":\"id\",\"id\":7}";

        assertThatThrownBy(() -> DataObject.fromManifestLine(line))
                .isInstanceOfSatisfying(LabelingValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(
                                tuple("source", "must be a JSON string"),
                                tuple("source-ref", "must be a JSON string"),
                                tuple("id", "must be a JSON string")));
        assertThatThrownBy(() -> DataObject.fromManifestLine("{\"source\":\"t\",\"dataset-objectid-attribute-name\":3}"))
                .isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining("dataset-objectid-attribute-name");
    }

    @Test
    void equalityCoversEveryField() {
        DataObject base = DataObject.text("t").withAttribute("a", 1);

        assertThat(base).isEqualTo(DataObject.text("t").withAttribute("a", 1))
                .hasSameHashCodeAs(DataObject.text("t").withAttribute("a", 1));
        assertThat(base).isNotEqualTo(DataObject.text("u").withAttribute("a", 1))
                .isNotEqualTo(DataObject.text("t").withAttribute("a", 2))
                .isNotEqualTo(base.withDedupId("x"))
                .isNotEqualTo(base.withDedupKey("other"))
                .isNotEqualTo(DataObject.s3("s3://bucket/t").withAttribute("a", 1));
    }

    @Test
    void toStringAbbreviatesLongText() {
        String text = DataObject.text("x".repeat(100_000)).withAttribute("a", 1).toString();

        assertThat(text).hasSizeLessThan(300).contains("100000 characters").contains("[a]").contains("content hash");
    }

    @Test
    void attributesAreJsonNodes() {
        JsonNode value = DataObject.text("t").withAttribute("a", Map.of("b", "c")).attributes().get("a");

        assertThat(value.get("b").textValue()).isEqualTo("c");
    }
}
