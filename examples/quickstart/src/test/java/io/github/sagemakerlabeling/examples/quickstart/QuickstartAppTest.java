package io.github.sagemakerlabeling.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart as the README runs it, on Local Ground Truth in the test's JVM, with the bundled data set. */
class QuickstartAppTest {

    @TempDir
    Path output;

    @Test
    void labelsEveryBundledTextWritesTheResultsAndStopsTheJob() throws Exception {
        QuickstartSettings settings = settings(Map.of("quickstart.output", output.toString()));
        Set<String> texts = DataSet.texts(settings.dataDirectory());
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        int exitCode = new QuickstartApp(settings, new PrintStream(console, true, StandardCharsets.UTF_8), false).run();

        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as("exit code; printed:%n%s", printed).isZero();
        assertThat(texts).hasSizeGreaterThanOrEqualTo(200);
        List<LabelingResult> results = Files.readAllLines(output.resolve("labeled.jsonl")).stream()
                .map(new OutputLineParser()::parse).toList();
        assertThat(results).extracting(result -> result.source().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(texts);
        assertThat(results).extracting(result -> result.metadata().path("class-name").asText())
                .containsOnly("positive", "negative", "neutral");
        // Three workers who sometimes disagree: consolidation is visible in the confidence.
        assertThat(results.stream().map(result -> result.confidence().orElseThrow()).collect(Collectors.toSet()))
                .hasSizeGreaterThan(1).contains(1.0);
        assertThat(printed).contains("sent " + texts.size() + " / labeled " + texts.size() + " / total " + texts.size())
                .contains("Labeled " + texts.size() + " of " + texts.size() + " texts in job quickstart-reviews"
                        + " (now Stopped)")
                .contains("LabelCounters: TotalLabeled=" + texts.size() + " ")
                .contains("mean confidence ")
                .contains(output.resolve("labeled.jsonl").toString());
    }

    @Test
    void aWorkTeamMeansAwsAndMissingAwsSettingsAreNamedBeforeAnythingStarts() {
        QuickstartSettings settings = settings(Map.of("quickstart.aws.workteamArn",
                "arn:aws:sagemaker:eu-west-1:123456789012:workteam/private-crowd/reviewers"));

        assertThatThrownBy(() -> LabelingTarget.choose(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUICKSTART_ROLE_ARN").hasMessageContaining("QUICKSTART_S3_OUTPUT_PATH");
    }

    @Test
    void theAwsTargetUsesTheDefaultCredentialsAndTheConfiguredJobResources() {
        QuickstartSettings settings = QuickstartSettings.load(new Properties(), Map.of(
                "QUICKSTART_WORKTEAM_ARN", "arn:aws:sagemaker:eu-west-1:123456789012:workteam/private-crowd/reviewers",
                "QUICKSTART_ROLE_ARN", "arn:aws:iam::123456789012:role/GroundTruth",
                "QUICKSTART_S3_OUTPUT_PATH", "s3://my-labels/quickstart", "AWS_REGION", "eu-west-1"));

        try (LabelingTarget target = LabelingTarget.choose(settings)) {
            assertThat(target).isInstanceOf(AwsTarget.class);
            assertThat(target.componentProperties()).containsEntry(LabelingTarget.COMPONENT + "region", "eu-west-1")
                    .containsEntry(LabelingTarget.COMPONENT + "useDefaultCredentialsProvider", "true")
                    .containsEntry(LabelingTarget.COMPONENT + "roleArn", "arn:aws:iam::123456789012:role/GroundTruth")
                    .containsEntry(LabelingTarget.COMPONENT + "s3OutputPath", "s3://my-labels/quickstart")
                    .doesNotContainKey(LabelingTarget.COMPONENT + "overrideEndpoint");
        }
    }

    @Test
    void theKeywordCrowdGivesTheKeywordsLabelAndOtherwiseTheDefault() {
        KeywordCrowd crowd = new KeywordCrowd(Map.of("negative", List.of("broke", "stopped working")), "neutral",
                0.15, 7);

        assertThat(crowd.labelOf("The kettle STOPPED WORKING today")).isEqualTo("negative");
        assertThat(crowd.labelOf("The kettle is blue")).isEqualTo("neutral");
    }

    /** The app's settings with the data set of this module and the given overrides. */
    private static QuickstartSettings settings(Map<String, String> overrides) {
        Properties properties = new Properties();
        properties.put("quickstart.home", Path.of("").toAbsolutePath().toString());
        properties.putAll(overrides);
        return QuickstartSettings.load(properties, Map.of());
    }
}
