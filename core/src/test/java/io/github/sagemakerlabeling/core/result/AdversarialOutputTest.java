package io.github.sagemakerlabeling.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Valid but hostile JSON never escapes the parser as anything but a {@link MalformedOutputException} carrying the text
 * as received: a consumer turns that exception into one message's failure, while any other exception would fail the
 * whole receive.
 */
class AdversarialOutputTest {

    private static final String METADATA = "\"mood-metadata\":{\"class-name\":\"positive\",\"confidence\":0.8,"
            + "\"type\":\"groundtruth/text-classification\",\"job-name\":\"j\",\"human-annotated\":\"yes\","
            + "\"creation-date\":\"2020-10-18T22:18:13.527256\"}";

    private final OutputLineParser parser = new OutputLineParser();

    static Stream<Arguments> hostile() {
        return Stream.of(
                arguments("huge exponent as the label", "{\"source\":\"x\",\"mood\":1e999999999," + METADATA + "}"),
                arguments("huge exponent as the confidence", "{\"source\":\"x\",\"mood\":\"1\","
                        + METADATA.replace("0.8", "1e100000") + "}"),
                arguments("huge negative exponent as the label", "{\"source\":\"x\",\"mood\":1e-999999999,"
                        + METADATA + "}"),
                arguments("huge exponent in the metadata shape", "{\"source\":\"x\",\"mood\":\"1\","
                        + "\"mood-metadata\":1e999999999}"),
                arguments("deep nesting past the parser's limit", "{\"source\":\"x\",\"mood\":" + "[".repeat(5_000)
                        + "]".repeat(5_000) + "," + METADATA + "}"),
                arguments("deep nesting within the parser's limit", "{\"source\":\"x\",\"mood\":" + "[".repeat(900)
                        + "]".repeat(900) + "," + METADATA + "}"),
                arguments("lone high surrogate as the label", "{\"source\":\"x\",\"mood\":\"\\ud800\"," + METADATA
                        + "}"),
                arguments("lone low surrogate as the class name", "{\"source\":\"x\",\"mood\":\"1\","
                        + METADATA.replace("positive", "\\udc00") + "}"),
                arguments("a 256 KiB line", "{\"source\":\"" + "x".repeat(256 * 1024) + "\",\"mood\":[1e99999,"
                        + "\"" + "y".repeat(1024) + "\"]," + METADATA + "}"),
                arguments("duplicate keys", "{\"source\":\"x\",\"mood\":\"1\",\"mood\":1e999999," + METADATA + ","
                        + METADATA + "}"),
                arguments("huge exponent inside an SNS envelope", Fixtures.envelope("{\"source\":\"x\","
                        + "\"mood\":1e999999999," + METADATA + "}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileLinesParseOrFailAsMalformedWithTheirText(String description, String text) {
        Throwable thrown = catchThrowable(() -> parser.parse(text));
        Throwable thrownForAttribute = catchThrowable(() -> parser.parse(text, "mood"));

        for (Throwable failure : new Throwable[] {thrown, thrownForAttribute}) {
            if (failure != null) {
                assertThat(failure).isInstanceOf(MalformedOutputException.class);
                assertThat(((MalformedOutputException) failure).rawText()).isEqualTo(text);
                assertThat(failure.getMessage()).hasSizeLessThan(2_000);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aConfidenceBeyondDoubleRangeIsMalformed() {
        String text = "{\"source\":\"x\",\"mood\":\"1\"," + METADATA.replace("0.8", "1e100000") + "}";

        assertThat(catchThrowable(() -> parser.parse(text))).isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("mood-metadata.confidence must be a number within double range, got 1E+100000");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aLabelOfTheWrongShapeIsNamedInTheError(String description, String text) {
        if (description.contains("as the label")) {
            assertThat(catchThrowable(() -> parser.parse(text, "mood"))).isInstanceOf(MalformedOutputException.class)
                    .hasMessageContaining("mood must be");
        }
    }
}
