package io.github.sagemakerlabeling.local.sagemaker.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed model excerpt is what {@code src/build/sagemaker-model-excerpt.py} derives from the botocore installed
 * on this machine (its shapes and operations; the botocore version may differ), and every pattern in it is a Java
 * regular expression. Needs {@code python3} with botocore, as the build machines have.
 */
class SageMakerModelExcerptTest {

    private static final Path SCRIPT = Path.of("src/build/sagemaker-model-excerpt.py");

    @Test
    void theCommittedExcerptIsTheOneDerivedFromTheInstalledBotocoreModel() throws Exception {
        assumeTrue(Files.isRegularFile(SCRIPT), "runs from the local module's directory");
        Process python = new ProcessBuilder("python3", SCRIPT.toString(), "--stdout").redirectErrorStream(true).start();
        String derived = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(python.exitValue() == 0, () -> "python3 with botocore is not available: " + derived);

        JsonNode fromBotocore = Json.read(derived);
        JsonNode committed = committed();
        assertThat(committed.path("origin").path("license").asText()).isEqualTo("Apache-2.0");
        assertThat(committed.path("origin").path("source").asText()).startsWith("botocore ");
        ((ObjectNode) fromBotocore).remove("origin");
        ((ObjectNode) committed).remove("origin");
        assertThat(committed).as("regenerate with: python3 local/src/build/sagemaker-model-excerpt.py")
                .isEqualTo(fromBotocore);
    }

    @Test
    void theExcerptHasEveryServedOperationAndItsPatternsCompile() throws IOException {
        JsonNode excerpt = committed();
        assertThat(excerpt.path("operations").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "CreateLabelingJob", "DescribeLabelingJob", "ListLabelingJobs", "ListLabelingJobsForWorkteam",
                "StopLabelingJob");
        excerpt.path("shapes").forEach(shape -> {
            if (shape.has("pattern")) {
                Pattern.compile(shape.get("pattern").asText());
            }
        });
        assertThat(excerpt.path("shapes").path("LabelingJobName").path("pattern").asText())
                .isEqualTo("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    }

    private static JsonNode committed() throws IOException {
        try (InputStream in = ServiceModel.class.getResourceAsStream("sagemaker-model-excerpt.json")) {
            return Json.mapper().readTree(in);
        }
    }
}
