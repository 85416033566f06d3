package io.github.sagemakerlabeling.core.dataobject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S3UriTest {

    @Test
    void parsesBucketAndKey() {
        S3Uri uri = S3Uri.parse("s3://awsexamplebucket/prefix/example-image.jpg");

        assertThat(uri.bucket()).isEqualTo("awsexamplebucket");
        assertThat(uri.key()).isEqualTo("prefix/example-image.jpg");
        assertThat(uri).hasToString("s3://awsexamplebucket/prefix/example-image.jpg");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "s3://abc/k",
            "s3://a23456789012345678901234567890123456789012345678901234567890123/k",
            "s3://my.bucket-1/a key with spaces?and#marks",
            "s3://bucket/%20encoded%2Fstays",
            "s3://bucket/naïve/ключ.png",
            "s3://bucket//double/slash",
    })
    void acceptsValidUrisAndKeepsThemVerbatim(String text) {
        assertThat(S3Uri.parse(text)).hasToString(text);
    }

    @Test
    void acceptsAKeyOfExactly1024Utf8Bytes() {
        String key = "é".repeat(512);

        assertThat(S3Uri.parse("s3://bucket/" + key).key()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://bucket/key                                                       | must be an S3 URI of the form s3://bucket/key
            S3://bucket/key                                                         | must be an S3 URI of the form s3://bucket/key
            s3:/bucket/key                                                          | must be an S3 URI of the form s3://bucket/key
            bucket/key                                                              | must be an S3 URI of the form s3://bucket/key
            ' s3://bucket/key'                                                      | must be an S3 URI of the form s3://bucket/key
            s3://bucket                                                             | object key must not be empty
            s3://bucket/                                                            | object key must not be empty
            s3:///key                                                               | must be 3 to 63 characters long, is 0
            s3://ab/key                                                             | must be 3 to 63 characters long, is 2
            s3://a234567890123456789012345678901234567890123456789012345678901234/k | must be 3 to 63 characters long, is 64
            s3://My-Bucket/key                                                      | may contain only lowercase letters, digits, dots and hyphens
            s3://my_bucket/key                                                      | may contain only lowercase letters, digits, dots and hyphens
            s3://-bucket/key                                                        | must begin and end with a lowercase letter or digit
            s3://bucket-/key                                                        | must begin and end with a lowercase letter or digit
            s3://.bucket/key                                                        | must begin and end with a lowercase letter or digit
            s3://my..bucket/key                                                     | must not contain two adjacent dots
            s3://192.168.5.4/key                                                    | must not be formatted as an IP address
            """)
    void rejectsInvalidUrisNamingTheRule(String text, String rule) {
        assertThatThrownBy(() -> S3Uri.parse(text))
                .isInstanceOfSatisfying(LabelingValidationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> {
                            assertThat(v.field()).isEqualTo("S3 URI");
                            assertThat(v.value()).isEqualTo(text);
                            assertThat(v.rule()).contains(rule);
                        }));
    }

    @Test
    void rejectsAKeyOver1024Utf8Bytes() {
        assertThatThrownBy(() -> S3Uri.parse("s3://bucket/" + "é".repeat(512) + "x"))
                .isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining("object key must be at most 1,024 bytes in UTF-8, is 1,025");
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        assertThatThrownBy(() -> S3Uri.parse("s3://A_/"))
                .isInstanceOfSatisfying(LabelingValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule)
                        .hasSize(4)
                        .anySatisfy(rule -> assertThat(rule).contains("3 to 63 characters"))
                        .anySatisfy(rule -> assertThat(rule).contains("only lowercase letters"))
                        .anySatisfy(rule -> assertThat(rule).contains("begin and end"))
                        .anySatisfy(rule -> assertThat(rule).contains("key must not be empty")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://bucket", "s3://my.bucket-1/"})
    void aLocationNeedsNoKey(String location) {
        assertThat(S3Uri.locationViolations("path", location)).isEmpty();
        assertThat(S3Uri.violations("path", location)).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bucket/output | must be an s3://bucket/prefix location",
            "s3://Bucket_1/output | may contain only lowercase letters, digits, dots and hyphens",
            "s3://ab | must be 3 to 63 characters long, is 2",
    })
    void aLocationFollowsTheBucketRules(String location, String rule) {
        assertThat(S3Uri.locationViolations("path", location))
                .allSatisfy(v -> {
                    assertThat(v.field()).isEqualTo("path");
                    assertThat(v.value()).isEqualTo(location);
                })
                .extracting(Violation::rule).anySatisfy(broken -> assertThat(broken).contains(rule));
    }

    @Test
    void constructorAppliesTheSameRulesPerComponent() {
        assertThatThrownBy(() -> new S3Uri("AB", ""))
                .isInstanceOfSatisfying(LabelingValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .contains("bucket", "key"));
        assertThat(new S3Uri("bucket", "a/b")).isEqualTo(S3Uri.parse("s3://bucket/a/b"));
    }
}
