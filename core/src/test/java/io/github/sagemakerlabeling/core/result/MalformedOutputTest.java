package io.github.sagemakerlabeling.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text that is not a readable output line fails with the text as received. */
class MalformedOutputTest {

    private final OutputLineParser parser = new OutputLineParser();

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("not JSON", "source-ref: s3://bucket/a.png", "the input is not JSON"),
                arguments("JSON array", "[{\"sport\": 0, \"sport-metadata\": {}}]", "the input must be a JSON object"),
                arguments("JSON string", "\"sport\"", "the input must be a JSON object"),
                arguments("empty text", "", "the input is empty"),
                arguments("trailing text", "{\"sport\": 0, \"sport-metadata\": {}} {}", "the input is not JSON"),
                arguments("missing metadata", "{\"source-ref\": \"s3://b/a.png\", \"sport\": 0}",
                        "the line holds no label attribute"),
                arguments("metadata without label", "{\"source-ref\": \"s3://b/a.png\", \"sport-metadata\": {}}",
                        "the line holds no label attribute"),
                arguments("metadata not an object",
                        "{\"source-ref\": \"s3://b/a.png\", \"sport\": 0, \"sport-metadata\": \"football\"}",
                        "sport-metadata must be an object, got \"football\""),
                arguments("envelope Message not JSON",
                        Fixtures.envelope("sport=0; sport-metadata=football"), "the SNS Message is not JSON"),
                arguments("envelope Message not a string",
                        "{\"Type\": \"Notification\", \"MessageId\": \"m-1\", \"Message\": {\"sport\": 0}}",
                        "Message must be a string"),
                arguments("envelope Message a JSON array", Fixtures.envelope("[1, 2]"),
                        "the SNS Message must be a JSON object"),
                arguments("envelope Message without label", Fixtures.envelope("{\"source-ref\": \"s3://b/a.png\"}"),
                        "the line holds no label attribute"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedTextFailsWithTheTextAsReceived(String description, String text, String reason) {
        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((MalformedOutputException) e).rawText()).isEqualTo(text));
    }

    @Test
    void explicitSelectionAlsoReportsTheTextAsReceived() {
        String text = Fixtures.envelope("{\"source-ref\": \"s3://b/a.png\", \"sport\": 0, \"sport-metadata\": []}");

        assertThatThrownBy(() -> parser.parse(text, "sport"))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("sport-metadata must be an object, got []")
                .satisfies(e -> assertThat(((MalformedOutputException) e).rawText()).isEqualTo(text));
    }

    @Test
    void theMessageAbbreviatesLongInput() {
        String text = "x".repeat(5_000);

        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("(5000 characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_000))
                .satisfies(e -> assertThat(((MalformedOutputException) e).rawText()).isEqualTo(text));
    }
}
