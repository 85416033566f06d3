package io.github.sagemakerlabeling.core.dataobject;

import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.DEFAULT_DEDUP_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DataObjectCodecTest {

    private final DataObjectCodec codec = new DataObjectCodec();

    @Test
    void encodesATextObjectWithItsContentHashAsTheDedupId() throws Exception {
        EncodedDataObject encoded = codec.encode(DataObject.text("Lorem ipsum dolor sit amet"));

        String expectedId = sha256Hex("{\"source\":\"Lorem ipsum dolor sit amet\"}");
        assertThat(encoded.manifestLine()).isEqualTo("{\"source\":\"Lorem ipsum dolor sit amet\","
                + "\"dataset-objectid-attribute-name\":\"labeling-object-id\",\"labeling-object-id\":\""
                + expectedId + "\"}");
        assertThat(encoded.dedupKey()).isEqualTo(DEFAULT_DEDUP_KEY);
        assertThat(encoded.dedupId()).isEqualTo(expectedId).hasSize(64);
        assertThat(encoded.utf8Bytes()).isEqualTo(encoded.manifestLine().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void encodesTheDocumentedTextAndSourceRefExamples() {
        for (String fixture : List.of("text.json", "source-ref.json")) {
            DataObject object = codec.decode(Fixtures.read(fixture));
            EncodedDataObject encoded = codec.encode(object);

            String withoutDedup = Fixtures.compact(fixture);
            assertThat(encoded.manifestLine()).isEqualTo(withoutDedup.substring(0, withoutDedup.length() - 1)
                    + ",\"dataset-objectid-attribute-name\":\"labeling-object-id\",\"labeling-object-id\":\""
                    + codec.contentHashId(object) + "\"}");
        }
    }

    @Test
    void encodesAnS3ObjectWithAttributesInOrder() {
        DataObject object = DataObject.s3("s3://awsexamplebucket/example-image.jpg")
                .withAttribute("camera", "front")
                .withAttribute("frame", 12)
                .withAttribute("meta", Map.of("ok", true))
                .withDedupId("frame-12");

        assertThat(codec.encode(object).manifestLine()).isEqualTo("{\"source-ref\":"
                + "\"s3://awsexamplebucket/example-image.jpg\",\"camera\":\"front\",\"frame\":12,\"meta\":{\"ok\":true},"
                + "\"dataset-objectid-attribute-name\":\"labeling-object-id\",\"labeling-object-id\":\"frame-12\"}");
    }

    @Test
    void keepsTheByoKeyOfTheDocumentedExample() {
        EncodedDataObject encoded = codec.encode(codec.decode(Fixtures.read("byo-key.json")));

        assertThat(encoded.manifestLine()).isEqualTo(Fixtures.compact("byo-key.json"));
        assertThat(encoded.dedupKey()).isEqualTo("byo-key");
        assertThat(encoded.dedupId()).isEqualTo("UniqueId");
    }

    @Test
    void keepsTheExistingKeyOfTheDocumentedExample() {
        EncodedDataObject encoded = codec.encode(codec.decode(Fixtures.read("existing-key.json")));

        assertThat(encoded.manifestLine()).isEqualTo(Fixtures.compact("existing-key.json"));
        assertThat(encoded.dedupKey()).isEqualTo("source-ref");
        assertThat(encoded.dedupId()).isEqualTo("s3://bucket/prefix/object1");
    }

    @Test
    void chainsAPreviousJobsOutputUnderItsOwnDedupId() throws Exception {
        EncodedDataObject encoded = codec.encode(codec.decode(Fixtures.read("output-no-key.json")));

        assertThat(encoded.dedupKey()).isEqualTo("$label-attribute-name-object-id");
        assertThat(encoded.dedupId()).isEqualTo("<service-generated-key>");
        assertThat(Json.read(encoded.manifestLine())).isEqualTo(Json.read(Fixtures.read("output-no-key.json")));
    }

    @Test
    void sameContentInAnotherKeyOrderOrLayoutHasTheSameId() {
        DataObject compact = codec.decode("{\"source\":\"t\",\"a\":1,\"b\":{\"x\":[1,{\"p\":1,\"q\":2}],\"y\":\"z\"}}");
        DataObject reordered = codec.decode("""
                {
                  "b": { "y": "z", "x": [1, { "q": 2, "p": 1 }] },
                  "a": 1,
                  "source": "t"
                }""");
        DataObject built = DataObject.text("t")
                .withAttribute("b", Map.of("y", "z", "x", List.of(1, Map.of("q", 2, "p", 1))))
                .withAttribute("a", 1);

        assertThat(codec.contentHashId(reordered)).isEqualTo(codec.contentHashId(compact));
        assertThat(codec.contentHashId(built)).isEqualTo(codec.contentHashId(compact));
        assertThat(codec.encode(built).dedupId()).isEqualTo(codec.encode(compact).dedupId());
    }

    @Test
    void numbersCountByValueNotByNotation() {
        DataObject a = codec.decode("{\"source\":\"t\",\"score\":1.5,\"n\":100}");
        DataObject b = codec.decode("{\"source\":\"t\",\"score\":1.50,\"n\":1E+2}");

        assertThat(codec.contentHashId(a)).isEqualTo(codec.contentHashId(b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentContent")
    void differentContentHasADifferentId(String description, DataObject a, DataObject b) {
        assertThat(codec.contentHashId(a)).isNotEqualTo(codec.contentHashId(b));
        assertThat(codec.encode(a).dedupId()).isNotEqualTo(codec.encode(b).dedupId());
    }

    static Stream<Arguments> differentContent() {
        DataObject base = DataObject.text("t").withAttribute("a", List.of(1, 2));
        return Stream.of(
                Arguments.of("other text", base, DataObject.text("u").withAttribute("a", List.of(1, 2))),
                Arguments.of("other source-ref", DataObject.s3("s3://bucket/a.jpg"), DataObject.s3("s3://bucket/b.jpg")),
                Arguments.of("extra attribute", base, base.withAttribute("b", "x")),
                Arguments.of("array order", base, DataObject.text("t").withAttribute("a", List.of(2, 1))),
                Arguments.of("number vs string", DataObject.text("t").withAttribute("a", 1.5),
                        DataObject.text("t").withAttribute("a", "1.5")),
                Arguments.of("source vs source-ref", DataObject.text("s3://bucket/key"), DataObject.s3("s3://bucket/key")),
                Arguments.of("value moved between attributes", DataObject.text("t").withAttribute("a", "x"),
                        DataObject.text("t").withAttribute("b", "x")),
                Arguments.of("nested value", DataObject.text("t").withAttribute("m", Map.of("k", true)),
                        DataObject.text("t").withAttribute("m", Map.of("k", false))),
                Arguments.of("null vs missing", base.withAttribute("n", null), base));
    }

    @Test
    void dedupKeyAndIdDoNotTakePartInTheContentHash() {
        DataObject plain = DataObject.s3("s3://bucket/prefix/object1");

        assertThat(codec.contentHashId(plain.withDedupId("x"))).isEqualTo(codec.contentHashId(plain));
        assertThat(codec.contentHashId(codec.decode(Fixtures.read("byo-key.json"))))
                .isEqualTo(codec.contentHashId(plain));
        assertThat(codec.contentHashId(codec.decode(Fixtures.read("existing-key.json"))))
                .isEqualTo(codec.contentHashId(plain));
    }

    @Test
    void reEncodingTheSameObjectGivesTheSameLine() {
        DataObject object = DataObject.text("t").withAttribute("a", Map.of("x", 1, "y", 2));

        assertThat(codec.encode(object)).isEqualTo(codec.encode(codec.decode(codec.encode(object).manifestLine())));
    }

    @Test
    void anExplicitIdWinsOverTheContentHash() {
        DataObject object = DataObject.text("t");
        EncodedDataObject encoded = codec.encode(object.withDedupId("order-4711"));

        assertThat(encoded.dedupId()).isEqualTo("order-4711").isNotEqualTo(codec.contentHashId(object));
        assertThat(encoded.manifestLine()).endsWith("\"labeling-object-id\":\"order-4711\"}");
    }

    @Test
    void aByoKeyWithoutAnIdCarriesTheContentHash() {
        DataObject object = DataObject.text("t").withDedupKey("byo-key");
        EncodedDataObject encoded = codec.encode(object);

        assertThat(encoded.dedupKey()).isEqualTo("byo-key");
        assertThat(encoded.dedupId()).isEqualTo(codec.contentHashId(object));
        assertThat(encoded.manifestLine()).endsWith("\"dataset-objectid-attribute-name\":\"byo-key\",\"byo-key\":\""
                + encoded.dedupId() + "\"}");
    }

    @Test
    void writesMultiByteTextAsUtf8AndCountsItsBytes() {
        EncodedDataObject encoded = codec.encode(DataObject.text("Grüße 😀").withDedupId("x"));

        assertThat(encoded.manifestLine()).contains("Grüße 😀");
        assertThat(encoded.utf8Bytes()).isEqualTo(encoded.manifestLine().length() + 2 + 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void decodeOfEncodeGivesTheObjectBackWithItsId(String description, DataObject object) {
        EncodedDataObject encoded = codec.encode(object);
        DataObject decoded = codec.decode(encoded.manifestLine());

        DataObject expected = object.dedupId().isPresent() ? object : object.withDedupId(encoded.dedupId());
        assertThat(decoded).isEqualTo(expected);
        assertThat(decoded.dedupId()).contains(encoded.dedupId());
        assertThat(codec.encode(decoded)).isEqualTo(encoded);
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(
                Arguments.of("text", DataObject.text("Lorem ipsum \"quoted\"\n\tÜñíçødé 😀")),
                Arguments.of("source-ref", DataObject.s3("s3://bucket/prefix/a b.jpg")),
                Arguments.of("attributes", DataObject.text("t").withAttribute("s", "x").withAttribute("d", 0.1)
                        .withAttribute("i", 7).withAttribute("b", false).withAttribute("n", null)
                        .withAttribute("m", Map.of("k", List.of(1, "two", Map.of())))),
                Arguments.of("explicit id", DataObject.text("t").withDedupId("my-id")),
                Arguments.of("byo key", DataObject.text("t").withDedupKey("byo-key").withDedupId("UniqueId")),
                Arguments.of("source-ref as key", DataObject.s3("s3://bucket/a.jpg").withDedupKey("source-ref")),
                Arguments.of("chained output", DataObject.fromManifestLine(Fixtures.read("output-no-key.json"))));
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbersTooWideForPlainNotation")
    void aNumberTooWideForPlainNotationIsAViolationNamingTheAttribute(String description, DataObject object,
                                                                      String field) {
        assertThatThrownBy(() -> codec.encode(object)).isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining(field).hasMessageContaining("decimal exponent");
        assertThat(codec.validate(object)).extracting(Violation::field).containsExactly(field);
    }

    static Stream<Arguments> numbersTooWideForPlainNotation() {
        return Stream.of(
                Arguments.of("from a manifest line", DataObject.fromManifestLine("{\"source\":\"x\",\"n\":1e100000}"),
                        "n"),
                Arguments.of("nested in a manifest line",
                        DataObject.fromManifestLine("{\"source\":\"x\",\"m\":{\"k\":[1,-2e-100000]}}"), "m.k[1]"),
                Arguments.of("given as a BigDecimal",
                        DataObject.text("x").withAttribute("n", new java.math.BigDecimal("1e100000")), "n"));
    }
}
