package io.github.sagemakerlabeling.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The metadata elements all task types share (dossier §3.2). */
class LabelMetadataTest {

    private final OutputLineParser parser = new OutputLineParser();

    private static String lineWithMetadata(String metadataFields) {
        return """
                {"source": "The food was delicious", "mood": "1",
                 "mood-metadata": {"class-name": "positive", "confidence": 0.8,
                   "type": "groundtruth/text-classification", %s}}""".formatted(metadataFields);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "job-name": "label-sentiment"               | label-sentiment | label-sentiment
            "job-name": "labeling-job/label-sentiment"  | label-sentiment | labeling-job/label-sentiment
            "job_name": "label-sentiment"               | label-sentiment | label-sentiment
            "job_name": "labeling-job/label-sentiment"  | label-sentiment | labeling-job/label-sentiment
            "job-name": "arn:aws:sagemaker:us-east-1:123456789012:labeling-job/label-sentiment" | label-sentiment \
                | arn:aws:sagemaker:us-east-1:123456789012:labeling-job/label-sentiment
            """)
    void jobNameInBothForms(String field, String jobName, String rawJobName) {
        LabelingResult result = parser.parse(lineWithMetadata(field));

        assertThat(result.jobName()).isEqualTo(jobName);
        assertThat(result.rawJobName()).isEqualTo(rawJobName);
    }

    @Test
    void hyphenatedJobNameWinsOverUnderscoreOne() {
        LabelingResult result =
                parser.parse(lineWithMetadata("\"job_name\": \"other\", \"job-name\": \"label-sentiment\""));

        assertThat(result.jobName()).isEqualTo("label-sentiment");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "human-annotated": "yes" | true
            "human-annotated": "YES" | true
            "human-annotated": "no"  | false
            "human-annotated": true  | true
            "human-annotated": false | false
            "other": 1               | false
            """)
    void humanAnnotated(String field, boolean expected) {
        assertThat(parser.parse(lineWithMetadata(field)).humanAnnotated()).isEqualTo(expected);
    }

    @Test
    void humanAnnotatedOtherThanYesOrNoIsMalformed() {
        assertThatThrownBy(() -> parser.parse(lineWithMetadata("\"human-annotated\": \"maybe\"")))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("mood-metadata.human-annotated must be \"yes\" or \"no\", got \"maybe\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2018-10-18T22:18:13.527256     | 2018-10-18T22:18:13.527256
            2018-10-18T22:18:13            | 2018-10-18T22:18:13
            2018-10-18T22:18:13.5          | 2018-10-18T22:18:13.5
            2018-10-18T22:18:13.527        | 2018-10-18T22:18:13.527
            2018-10-18T22:18:13.123456789  | 2018-10-18T22:18:13.123456789
            2020-05-15T08:01:16+0000       | 2020-05-15T08:01:16
            2020-05-15T08:01:16.25Z        | 2020-05-15T08:01:16.25
            2020-05-15T10:01:16+02:00      | 2020-05-15T08:01:16
            2020-05-15T03:01:16-0500       | 2020-05-15T08:01:16
            """)
    void creationDateIsLenientAboutFractionDigitsAndOffsets(String written, String expected) {
        LabelingResult result = parser.parse(lineWithMetadata("\"creation-date\": \"" + written + "\""));

        assertThat(result.creationDate()).contains(LocalDateTime.parse(expected));
    }

    @Test
    void creationDateWithUnderscore() {
        LabelingResult result = parser.parse(lineWithMetadata("\"creation_date\": \"2021-03-08T23:06:49.111000\""));

        assertThat(result.creationDate()).contains(LocalDateTime.parse("2021-03-08T23:06:49.111"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"18/10/2018 22:18", "2018-10-18", "2018-02-30T22:18:13", "2018-10-18T22:18:13.1234567890"})
    void anUnreadableCreationDateIsMalformed(String written) {
        assertThatThrownBy(() -> parser.parse(lineWithMetadata("\"creation-date\": \"" + written + "\"")))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("mood-metadata.creation-date must be a date-time");
    }

    @Test
    void adjustmentStatus() {
        assertThat(parser.parse(lineWithMetadata("\"adjustment-status\": \"adjusted\"")).adjustmentStatus())
                .contains("adjusted");
    }

    @Test
    void aConfidenceThatIsNotANumberIsMalformed() {
        String line = """
                {"source": "t", "mood": 1, "mood-metadata": {"type": "x/y", "confidence": "high"}}""";

        assertThatThrownBy(() -> parser.parse(line))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("mood-metadata.confidence must be a number, got \"high\"");
    }

    @Test
    void typeIsMatchedIgnoringCase() {
        String line = """
                {"source": "t", "mood": 1, "mood-metadata": {"type": "GroundTruth/Text-Classification",
                 "class-name": "positive", "confidence": 0.5}}""";

        LabelingResult result = parser.parse(line);

        assertThat(result.type()).isEqualTo("GroundTruth/Text-Classification");
        assertThat(result.annotation()).isEqualTo(new ClassLabel(1, "positive", 0.5));
    }

    @Test
    void nullElementsCountAsAbsent() {
        String line = """
                {"source": null, "mood": 1, "mood-metadata": {"type": "x/y", "job-name": null, "confidence": null,
                 "creation-date": null, "human-annotated": null, "adjustment-status": null}}""";

        LabelingResult result = parser.parse(line);

        assertThat(result.source()).isEmpty();
        assertThat(result.jobName()).isEmpty();
        assertThat(result.confidence()).isEmpty();
        assertThat(result.creationDate()).isEmpty();
        assertThat(result.humanAnnotated()).isFalse();
        assertThat(result.adjustmentStatus()).isEmpty();
    }

    @Test
    void aSourceThatIsNotTextIsMalformed() {
        String line = """
                {"source": 12, "mood": 1, "mood-metadata": {"type": "x/y"}}""";

        assertThatThrownBy(() -> parser.parse(line))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("source must be a string, got 12");
    }
}
