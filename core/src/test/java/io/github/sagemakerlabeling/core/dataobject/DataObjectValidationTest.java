package io.github.sagemakerlabeling.core.dataobject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Ground Truth rule except the size limits, which {@link DataObjectLimitsTest} covers at their boundaries. */
class DataObjectValidationTest {

    private final DataObjectCodec codec = new DataObjectCodec();

    @Test
    void aValidObjectHasNoViolations() {
        assertThat(codec.validate(DataObject.text("t").withAttribute("a", 1))).isEmpty();
    }

    @Test
    void rejectsBothSourceAndSourceRef() {
        DataObject object = DataObject.fromMap(Map.of("source", "t", "source-ref", "s3://bucket/key"));

        assertThat(codec.validate(object)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("source-ref");
            assertThat(v.value()).isEqualTo("s3://bucket/key");
            assertThat(v.rule()).contains("exactly one of 'source'").contains("both");
        });
    }

    @Test
    void rejectsNeitherSourceNorSourceRef() {
        DataObject object = DataObject.fromMap(Map.of("label", "cat"));

        assertThat(codec.validate(object)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("source");
            assertThat(v.value()).isNull();
            assertThat(v.rule()).contains("exactly one of 'source'").contains("neither");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://bucket/key     | must be an S3 URI of the form s3://bucket/key
            s3://bucket            | object key must not be empty
            s3://bucket/           | object key must not be empty
            s3://ab/key            | must be 3 to 63 characters long
            s3://my_bucket/key     | may contain only lowercase letters, digits, dots and hyphens
            s3://bucket./key       | must begin and end with a lowercase letter or digit
            s3://a..b/key          | must not contain two adjacent dots
            s3://10.0.0.1/key      | must not be formatted as an IP address
            """)
    void rejectsAnInvalidSourceRef(String uri, String rule) {
        DataObject object = DataObject.fromMap(Map.of("source-ref", uri));

        assertThat(codec.validate(object)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("source-ref");
            assertThat(v.value()).isEqualTo(uri);
            assertThat(v.rule()).contains(rule);
        });
    }

    @Test
    void rejectsAttributeNamesStartingWithDollar() {
        DataObject object = DataObject.text("t").withAttribute("$label", 1).withAttribute("price$", 2);

        assertThat(codec.validate(object)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("attribute name");
            assertThat(v.value()).isEqualTo("$label");
            assertThat(v.rule()).contains("must not start with '$'");
        });
    }

    @Test
    void rejectsAnEmptyAttributeName() {
        assertThat(codec.validate(DataObject.text("t").withAttribute("", 1)))
                .extracting(Violation::field, Violation::value, Violation::rule)
                .containsExactly(tuple("attribute name", "", "must not be empty"));
    }

    @Test
    void allowsADollarOnlyOnTheDedupIdAttribute() {
        DataObject object = DataObject.text("t").withDedupKey("$species-object-id").withDedupId("abc");

        assertThat(codec.validate(object)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"byo-key", "source-ref", "$label-object-id", "a--b", "A1", "x", "$"})
    void acceptsDedupKeysMatchingTheDocumentedPattern(String key) {
        DataObject object = DataObject.s3("s3://bucket/key").withDedupKey(key);

        assertThat(codec.validate(object)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "byo_key", "byo.key", "-key", "key-", "my key", "a$b", "$$", "ключ"})
    void rejectsDedupKeysNotMatchingTheDocumentedPattern(String key) {
        DataObject object = DataObject.text("t").withDedupKey(key);

        assertThat(codec.validate(object)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("dataset-objectid-attribute-name");
            assertThat(v.value()).isEqualTo(key);
            assertThat(v.rule()).contains("[$a-zA-Z0-9](-*[a-zA-Z0-9])*");
        });
    }

    @Test
    void rejectsADedupKeyNamingItself() {
        DataObject object = DataObject.text("t").withDedupKey("dataset-objectid-attribute-name");

        assertThat(codec.validate(object)).singleElement()
                .satisfies(v -> assertThat(v.rule()).contains("not itself"));
    }

    @Test
    void rejectsADedupKeyNamingASourceTheObjectLacks() {
        DataObject object = DataObject.text("t").withDedupKey("source-ref");

        assertThat(codec.validate(object)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("dataset-objectid-attribute-name");
            assertThat(v.value()).isEqualTo("source-ref");
            assertThat(v.rule()).contains("has no 'source-ref'");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"UniqueId", "s3://bucket/prefix/object1", "https://example.com/a", "id with spaces"})
    void acceptsAnyDedupIdStringDespiteTheDocumentedUriPattern(String id) {
        assertThat(codec.validate(DataObject.text("t").withDedupId(id))).isEmpty();
    }

    @Test
    void rejectsAnEmptyDedupId() {
        assertThat(codec.validate(DataObject.text("t").withDedupId("")))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("labeling-object-id", "the deduplication id must be 1 to 1,024 characters, is 0"));
    }

    @Test
    void aSourceUsedAsTheDedupIdMustFitTheIdLimit() {
        String uri = "s3://bucket/" + "k".repeat(1_013);
        DataObject object = DataObject.s3(uri).withDedupKey("source-ref");

        assertThat(uri).hasSize(1_025);
        assertThat(codec.validate(object)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("source-ref");
            assertThat(v.rule()).contains("deduplication id must be 1 to 1,024 characters, is 1,025");
        });
        assertThat(codec.validate(DataObject.s3(uri.substring(0, 1_024)).withDedupKey("source-ref"))).isEmpty();
    }

    @Test
    void reportsAllViolationsAtOnce() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", "t");
        fields.put("source-ref", "http://Bucket/key");
        fields.put("$private", 1);
        fields.put("", "empty name");
        fields.put("dataset-objectid-attribute-name", "bad_key");
        DataObject object = DataObject.fromMap(fields);

        List<Violation> violations = codec.validate(object);

        assertThat(violations).extracting(Violation::field).containsExactly(
                "source-ref", "source-ref", "attribute name", "attribute name", "dataset-objectid-attribute-name");
        assertThatThrownBy(() -> codec.encode(object))
                .isInstanceOfSatisfying(LabelingValidationException.class,
                        e -> assertThat(e.violations()).isEqualTo(violations))
                .hasMessageContaining("Data object is invalid (5 violations)")
                .hasMessageContaining("source-ref = 'http://Bucket/key': must be an S3 URI of the form s3://bucket/key")
                .hasMessageContaining("attribute name = '$private': must not start with '$'")
                .hasMessageContaining("dataset-objectid-attribute-name = 'bad_key': the deduplication key must match");
    }
}
