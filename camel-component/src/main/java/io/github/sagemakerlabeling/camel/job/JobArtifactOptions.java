package io.github.sagemakerlabeling.camel.job;

import static io.github.sagemakerlabeling.camel.job.JobViolations.LABEL_CONFIG_URI;
import static io.github.sagemakerlabeling.camel.job.JobViolations.UI_CONFIG;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The options that name the job's files, its label categories ({@code labels}, {@code labelCategoryConfig}) and
 * worker template ({@code uiTemplate}, else the task type's default): URIs go into the spec as they are, content to
 * upload gets its content-addressed URI under {@code artifactS3Prefix} and is kept for the upload.
 */
final class JobArtifactOptions {

    private static final String JSON = "application/json";

    private final SageMakerLabelingConfiguration options;
    private final TaskType taskType;
    private final JobResources resources;
    private final JobViolations violations;
    private final LabelingJobSpec.Builder spec;
    private final ChainPreset chain;
    private final Map<String, JobArtifact> uploads = new LinkedHashMap<>();
    private final String prefix;

    /**
     * @param taskType the job's task type; {@code null} when it is missing or unknown
     * @param spec     receives the label categories and the URIs
     * @param chain    the review preset of a chained job, else {@code null}
     */
    JobArtifactOptions(SageMakerLabelingConfiguration options, TaskType taskType, JobResources resources,
                       JobViolations violations, LabelingJobSpec.Builder spec, ChainPreset chain) {
        this.options = options;
        this.taskType = taskType;
        this.resources = resources;
        this.violations = violations;
        this.spec = spec;
        this.chain = chain;
        this.prefix = prefix();
    }

    /** Reads both files' options into the spec; returns what must be uploaded, by URI. */
    Map<String, JobArtifact> read() {
        readLabelCategories();
        readUiTemplate();
        return uploads;
    }

    /**
     * Where artifacts go: artifactS3Prefix, else {@code artifacts} under an s3:// s3OutputPath; {@code null} when
     * neither is usable. Only the option the user set is checked here: an invalid s3OutputPath is the spec's to
     * report.
     */
    private String prefix() {
        String prefix = options.getArtifactS3Prefix();
        if (prefix != null) {
            List<Violation> broken = S3Uri.locationViolations("artifactS3Prefix", prefix);
            broken.forEach(violations::add);
            return broken.isEmpty() ? prefix : null;
        }
        String output = options.getS3OutputPath();
        return output != null && S3Uri.locationViolations("s3OutputPath", output).isEmpty()
                ? output.replaceAll("/+$", "") + "/artifacts" : null;
    }

    private void readLabelCategories() {
        String labels = options.getLabels();
        String file = options.getLabelCategoryConfig();
        if (labels != null && file != null) {
            violations.explain(LABEL_CONFIG_URI, new Violation("labels", labels, "must not be set together with"
                    + " labelCategoryConfig (" + file + "): give the labels one way"));
        } else if (chain != null && file == null) {
            uploadLabels(chain.labelCategoryConfig(labels == null ? List.of() : CommaSeparated.list(labels)));
        } else if (labels != null) {
            uploadLabels(LabelCategoryConfig.of(CommaSeparated.list(labels)));
        } else if (file != null && !JobResources.isResource(file)) {
            spec.labelCategoryConfigS3Uri(file);
        } else if (file != null) {
            readLabelCategoryFile(file);
        } else if (taskType != null) {
            violations.explain(LABEL_CONFIG_URI, new Violation("labels", null, "the labels workers choose from are"
                    + " required: set labels (a comma-separated list) or labelCategoryConfig (an s3:// URI, or a"
                    + " classpath: or file: resource to upload)"));
        }
    }

    private void uploadLabels(LabelCategoryConfig config) {
        spec.labelCategoryConfig(config);
        upload(LABEL_CONFIG_URI, JobArtifact.text("label-categories", ".json", JSON, config.toJson()),
                spec::labelCategoryConfigS3Uri);
    }

    private void readLabelCategoryFile(String file) {
        byte[] content = read("labelCategoryConfig", file, LABEL_CONFIG_URI);
        if (content == null) {
            return;
        }
        try {
            spec.labelCategoryConfig(LabelCategoryConfig.fromJson(new String(content, StandardCharsets.UTF_8)));
        } catch (LabelingValidationException e) {
            e.violations().forEach(v -> violations.add(new Violation("labelCategoryConfig(" + file + ")."
                    + v.field(), v.value(), v.rule())));
        }
        upload(LABEL_CONFIG_URI, new JobArtifact("label-categories", ".json", JSON, content),
                spec::labelCategoryConfigS3Uri);
    }

    private void readUiTemplate() {
        String template = options.getUiTemplate();
        if (template != null && template.startsWith("arn:")) {
            spec.humanTaskUiArn(template);
        } else if (template != null && !JobResources.isResource(template)) {
            spec.uiTemplateS3Uri(template);
        } else if (template != null) {
            byte[] content = read("uiTemplate", template, UI_CONFIG);
            if (content != null) {
                upload(UI_CONFIG, new JobArtifact("ui-template", ".liquid.html", "text/html", content),
                        spec::uiTemplateS3Uri);
            }
        } else if (taskType != null && taskType.humanTaskUiName().isEmpty()) {
            (chain != null ? chain.uiTemplate() : DefaultUiTemplates.forType(taskType)).ifPresentOrElse(
                    artifact -> upload(UI_CONFIG, artifact, spec::uiTemplateS3Uri),
                    () -> violations.explain(UI_CONFIG, new Violation("uiTemplate", null, taskType.displayName()
                            + " jobs need a worker task template that fits the job they review: give one (an"
                            + " s3:// URI, or a classpath: or file: resource to upload)")));
        }
    }

    private byte[] read(String option, String uri, String specField) {
        try {
            return resources.read(uri);
        } catch (IOException | RuntimeException e) {
            violations.explain(specField, new Violation(option, uri, "names no readable file (" + e.getMessage()
                    + "): use classpath:, file: or an s3:// URI"));
            return null;
        }
    }

    private void upload(String specField, JobArtifact artifact, Consumer<String> uriField) {
        if (prefix == null) {
            String output = options.getS3OutputPath();
            if (options.getArtifactS3Prefix() != null || output != null && !output.startsWith("https://")) {
                // An invalid artifactS3Prefix is reported already, an invalid s3OutputPath by the spec.
                violations.alreadyReported(specField);
                return;
            }
            violations.explain(specField, new Violation("artifactS3Prefix", null, "is required to upload the job's "
                    + artifact.name() + ": set it, or s3OutputPath to an s3:// location"));
            return;
        }
        String uri = artifact.uriUnder(prefix);
        uploads.put(uri, artifact);
        uriField.accept(uri);
    }
}
