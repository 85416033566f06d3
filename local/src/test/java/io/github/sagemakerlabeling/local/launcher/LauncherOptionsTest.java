package io.github.sagemakerlabeling.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.workers.RandomAnnotator;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LauncherOptionsTest {

    @Test
    void defaultsAreFreePortsUsEast1TheDefaultAccountRealTimeAndTheSeededCrowd() {
        LauncherOptions options = LauncherOptions.parse();

        assertThat(options.ports()).containsOnlyKeys("sagemaker", "sns", "sqs", "s3", "edge", "portal")
                .containsValues(0);
        assertThat(options.workforces()).isEqualTo(WorkforcePlan.simulated());
        assertThat(options.region()).isEqualTo("us-east-1");
        assertThat(options.accountId()).isEqualTo("000000000000");
        assertThat(options.s3Dir()).isNull();
        assertThat(options.dataDir()).isNull();
        assertThat(options.speed()).isEqualTo(1.0);
        assertThat(options.annotator()).isInstanceOf(RandomAnnotator.class);
        assertThat(options.stopWithParent()).isFalse();
        assertThat(options.help()).isFalse();
    }

    @Test
    void everyOptionTakesItsValueAsTheNextArgumentOrAfterEquals(@TempDir Path dir) {
        LauncherOptions options = LauncherOptions.parse("--port-sagemaker", "4001", "--port-sns=4002",
                "--port-sqs", "4003", "--port-s3=4004", "--port-edge", "4005", "--region", "eu-west-1", "--account=123456789012",
                "--s3-dir", dir.resolve("s3").toString(), "--data-dir=" + dir.resolve("data"), "--speed=60", "--workers",
                "first-label", "--stop-with-parent");

        assertThat(options.ports()).containsEntry("sagemaker", 4001).containsEntry("sns", 4002)
                .containsEntry("sqs", 4003).containsEntry("s3", 4004).containsEntry("edge", 4005);
        assertThat(options.region()).isEqualTo("eu-west-1");
        assertThat(options.accountId()).isEqualTo("123456789012");
        assertThat(options.s3Dir()).isEqualTo(dir.resolve("s3"));
        assertThat(options.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(options.speed()).isEqualTo(60.0);
        assertThat(options.annotator()).isInstanceOf(RuleBasedAnnotator.class);
        assertThat(options.stopWithParent()).isTrue();
    }

    @Test
    void helpIsRecognizedAndTheUsageListsEveryOption() {
        assertThat(LauncherOptions.parse("--help").help()).isTrue();
        assertThat(LauncherOptions.USAGE).contains("--port-sagemaker", "--port-sns", "--port-sqs", "--port-s3",
                "--port-edge", "--port-portal", "--region", "--account", "--s3-dir", "--data-dir", "--speed", "--workers",
                "--stop-with-parent", "--help");
    }

    @Test
    void theWorkforceIsSetForEveryTeamOrOneTeamAndThePortalPortLikeTheOthers() {
        LauncherOptions options = LauncherOptions.parse("--workforce", "people", "--workforce=reviewers=both",
                "--port-portal", "4005");

        assertThat(options.workforces().modeOf("arn:aws:sagemaker:us-east-1:000000000000:workteam/private-crowd/team"))
                .isEqualTo(WorkforceMode.PEOPLE);
        assertThat(options.workforces().modeOf(
                "arn:aws:sagemaker:us-east-1:000000000000:workteam/private-crowd/reviewers")).isEqualTo(WorkforceMode.BOTH);
        assertThat(options.ports()).containsEntry("portal", 4005);
        assertThat(LauncherOptions.USAGE).contains("--workforce", "--port-portal");
        assertThatThrownBy(() -> LauncherOptions.parse("--workforce", "robots"))
                .isInstanceOf(LauncherOptionException.class)
                .hasMessage("--workforce must be simulated, people or both, or TEAM=one of them, was robots");
    }

    @Test
    void randomWorkersTakeSeedAndDisagreement() {
        assertThat(LauncherOptions.parse("--workers", "random").annotator()).isInstanceOf(RandomAnnotator.class);
        assertThat(LauncherOptions.parse("--workers", "random:seed=7,disagreement=0").annotator())
                .isInstanceOf(RandomAnnotator.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --port-sns abc            | --port-sns must be 0 (a free port) or 1..65535, was abc
            --port-s3 70000           | --port-s3 must be 0 (a free port) or 1..65535, was 70000
            --port-sqs=-1             | --port-sqs must be 0 (a free port) or 1..65535, was -1
            --region Mars             | --region must look like us-east-1, was Mars
            --account 42              | --account must be 12 digits, was 42
            --speed 0                 | --speed must be a number greater than 0, was 0
            --speed fast              | --speed must be a number greater than 0, was fast
            --workers lazy            | --workers must be first-label or random[:seed=N,disagreement=R] with R between 0 and 1, was lazy
            --workers random:seed=x   | --workers must be first-label or random[:seed=N,disagreement=R] with R between 0 and 1, was random:seed=x
            --workers random:disagreement=2 | --workers must be first-label or random[:seed=N,disagreement=R] with R between 0 and 1, was random:disagreement=2
            --region                  | --region needs a value (--help lists the options)
            --port-sns --port-sqs 1   | --port-sns needs a value (--help lists the options)
            --verbose                 | unknown option --verbose (--help lists the options)
            4566                      | unexpected argument 4566: options start with -- (--help lists them)
            --port-sns 4566 --port-sqs 4566 | --port-sqs must differ from --port-sns, both were 4566
            """)
    void aBadOptionIsNamedWithItsRule(String commandLine, String message) {
        assertThatThrownBy(() -> LauncherOptions.parse(commandLine.trim().split(" +")))
                .isInstanceOf(LauncherOptionException.class)
                .hasMessage(message);
    }

    @Test
    void anS3DirThatIsAFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> LauncherOptions.parse("--s3-dir", file.toString()))
                .isInstanceOf(LauncherOptionException.class)
                .hasMessage("--s3-dir must be a directory (created if missing), was " + file);
    }
}
