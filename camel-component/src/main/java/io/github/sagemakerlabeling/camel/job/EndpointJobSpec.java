package io.github.sagemakerlabeling.camel.job;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.camel.SageMakerLabelingOperations;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The streaming labeling job an endpoint's options describe. {@link #of} checks everything that can be known locally,
 * before any AWS call: the options themselves, the files they name, and every rule of the resulting
 * {@link LabelingJobSpec}. {@link #resolve} then does what needs AWS: finds or creates the topics and uploads the
 * label category configuration and worker task template under content-addressed names, so the same options always
 * describe the same job.
 */
public final class EndpointJobSpec {

    /** The account in the stand-in ARNs of topics given by name while they are not resolved yet. */
    private static final String UNRESOLVED_ACCOUNT = "000000000000";
    private static final String LABEL_CONFIG_URI = "LabelCategoryConfigS3Uri";
    private static final String UI_CONFIG = "HumanTaskConfig.UiConfig";
    private static final String INPUT_TOPIC = "InputConfig.DataSource.SnsDataSource.SnsTopicArn";
    private static final String OUTPUT_TOPIC = "OutputConfig.SnsTopicArn";

    /** The option that sets each spec field, for violations users can act on. */
    private static final Map<String, String> SPEC_FIELD_OPTIONS = Map.ofEntries(
            Map.entry("LabelAttributeName", "labelAttributeName"),
            Map.entry(INPUT_TOPIC, "inputTopic"),
            Map.entry(OUTPUT_TOPIC, "outputTopic"),
            Map.entry("InputConfig.DataAttributes.ContentClassifiers", "contentClassifiers"),
            Map.entry("OutputConfig.S3OutputPath", "s3OutputPath"),
            Map.entry("OutputConfig.KmsKeyId", "kmsKeyId"),
            Map.entry("RoleArn", "roleArn"),
            Map.entry(LABEL_CONFIG_URI, "labelCategoryConfig"),
            Map.entry("HumanTaskConfig.WorkteamArn", "workteamArn"),
            Map.entry("HumanTaskConfig.UiConfig.UiTemplateS3Uri", "uiTemplate"),
            Map.entry("HumanTaskConfig.UiConfig.HumanTaskUiArn", "uiTemplate"),
            Map.entry("HumanTaskConfig.TaskKeywords", "taskKeywords"),
            Map.entry("HumanTaskConfig.TaskTitle", "taskTitle"),
            Map.entry("HumanTaskConfig.TaskDescription", "taskDescription"),
            Map.entry("HumanTaskConfig.NumberOfHumanWorkersPerDataObject", "numberOfHumanWorkersPerDataObject"),
            Map.entry("HumanTaskConfig.TaskTimeLimitInSeconds", "taskTimeLimitInSeconds"),
            Map.entry("HumanTaskConfig.TaskAvailabilityLifetimeInSeconds", "taskAvailabilityLifetimeInSeconds"),
            Map.entry("HumanTaskConfig.MaxConcurrentTaskCount", "maxConcurrentTaskCount"),
            Map.entry("Tags", "tags"));

    private final LabelingJobSpec draft;
    private final String inputTopic;
    private final String outputTopic;
    private final boolean createTopics;
    private final Map<String, JobArtifact> uploads;

    private EndpointJobSpec(LabelingJobSpec draft, String inputTopic, String outputTopic, boolean createTopics,
                            Map<String, JobArtifact> uploads) {
        this.draft = draft;
        this.inputTopic = inputTopic;
        this.outputTopic = outputTopic;
        this.createTopics = createTopics;
        this.uploads = uploads;
    }

    /**
     * Whether the options ask for the job to be ensured: {@code ensureJob}, else whether a task type is set on an
     * endpoint that feeds or reads the job (a consumer, or a producer sending data objects). Endpoints of the job
     * management operations never create a job unasked, even when component-wide defaults describe one.
     */
    public static boolean isWanted(SageMakerLabelingConfiguration options) {
        if (options.getEnsureJob() != null) {
            return options.getEnsureJob();
        }
        return options.getTaskType() != null && (options.getOperation() == SageMakerLabelingOperations.sendDataObject
                || options.getOperation() == SageMakerLabelingOperations.sendDataObjects);
    }

    /**
     * The job the options describe, checked.
     *
     * @param jobName the endpoint's job name
     * @param options the endpoint's options
     * @param region  the job's region
     * @param context reads the files the options name
     * @throws LabelingValidationException listing every broken rule, each with the option or field, its value and
     *                                     the rule
     */
    public static EndpointJobSpec of(String jobName, SageMakerLabelingConfiguration options, String region,
                                     CamelContext context) {
        return new Reader(jobName, options, region, new JobResources(context)).read();
    }

    /**
     * The spec to ensure: topics given by name looked up (or created with {@code autoCreateTopics}), artifacts put
     * into S3 unless already there.
     */
    public LabelingJobSpec resolve(SnsClient sns, S3Client s3) {
        JobTopics topics = new JobTopics(sns, createTopics);
        LabelingJobSpec.Builder spec = draft.toBuilder().inputSnsTopicArn(topics.arn("inputTopic", inputTopic));
        if (outputTopic != null) {
            spec.outputSnsTopicArn(topics.arn("outputTopic", outputTopic));
        }
        ArtifactStore store = new ArtifactStore(s3);
        uploads.forEach(store::put);
        return spec.build();
    }

    /** Reads the options into a draft spec, collecting every violation on the way. */
    private static final class Reader {

        private final String jobName;
        private final SageMakerLabelingConfiguration options;
        private final String region;
        private final JobResources resources;
        private final List<Violation> violations = new ArrayList<>();
        /** Spec fields whose violation an option violation already explains better. */
        private final List<String> explained = new ArrayList<>();
        private final Map<String, JobArtifact> uploads = new LinkedHashMap<>();
        private final LabelingJobSpec.Builder spec = LabelingJobSpec.builder();
        private TaskType taskType;
        private String artifactPrefix;

        Reader(String jobName, SageMakerLabelingConfiguration options, String region, JobResources resources) {
            this.jobName = jobName;
            this.options = options;
            this.region = region;
            this.resources = resources;
        }

        EndpointJobSpec read() {
            readTaskType();
            artifactPrefix = artifactPrefix();
            String input = topic("inputTopic", options.getInputTopic(), "-input", INPUT_TOPIC);
            String output = topic("outputTopic", options.getOutputTopic(), "-output", OUTPUT_TOPIC);
            if (input == null && options.getInputTopic() == null) {
                explain(INPUT_TOPIC, new Violation("inputTopic", null, "is required: the SNS topic the streaming job"
                        + " takes data objects from, as name or ARN (or set autoCreateTopics=true)"));
            }
            spec.region(region)
                    .labelingJobName(jobName)
                    .labelAttributeName(labelAttributeName())
                    .inputSnsTopicArn(input == null ? null : unresolvedArn(input))
                    .outputSnsTopicArn(output == null ? null : unresolvedArn(output))
                    .s3OutputPath(options.getS3OutputPath())
                    .kmsKeyId(options.getKmsKeyId())
                    .roleArn(options.getRoleArn())
                    .workteamArn(options.getWorkteamArn())
                    .taskTitle(options.getTaskTitle() != null ? options.getTaskTitle() : displayName())
                    .taskDescription(options.getTaskDescription() != null ? options.getTaskDescription()
                            : "Label each data object: " + displayName())
                    .taskKeywords(list(options.getTaskKeywords()))
                    .contentClassifiers(list(options.getContentClassifiers()))
                    .numberOfHumanWorkersPerDataObject(options.getNumberOfHumanWorkersPerDataObject())
                    .taskTimeLimitInSeconds(options.getTaskTimeLimitInSeconds())
                    .taskAvailabilityLifetimeInSeconds(options.getTaskAvailabilityLifetimeInSeconds())
                    .maxConcurrentTaskCount(options.getMaxConcurrentTaskCount())
                    .tags(tags());
            readLabelCategories();
            readUiTemplate();
            LabelingJobSpec draft = spec.build();
            draft.validate().errors().stream().filter(v -> !explained.contains(v.field()))
                    .map(Reader::namingTheOption).forEach(violations::add);
            if (!violations.isEmpty()) {
                throw new LabelingValidationException("The labeling job options of endpoint sagemaker-labeling:"
                        + jobName, violations);
            }
            return new EndpointJobSpec(draft, input, output, options.isAutoCreateTopics(), uploads);
        }

        /** A spec violation, its field prefixed with the option that sets it: {@code roleArn (RoleArn)}. */
        private static Violation namingTheOption(Violation violation) {
            String field = violation.field();
            return SPEC_FIELD_OPTIONS.entrySet().stream()
                    .filter(option -> field.equals(option.getKey()) || field.startsWith(option.getKey() + "["))
                    .findFirst()
                    .map(option -> new Violation(option.getValue() + " (" + field + ")", violation.value(),
                            violation.rule()))
                    .orElse(violation);
        }

        private void readTaskType() {
            if (options.getTaskType() == null) {
                explained.add(UI_CONFIG);
                violations.add(new Violation("taskType", null, "is required to create or attach to the job"
                        + " (ensureJob is set): name one of the built-in task types"));
                return;
            }
            try {
                taskType = TaskType.fromName(options.getTaskType());
                spec.taskType(taskType);
            } catch (LabelingValidationException e) {
                violations.addAll(e.violations());
                // Which worker UI the job needs depends on the task type: nothing more to say about it.
                explained.add(UI_CONFIG);
            }
        }

        private String displayName() {
            return taskType == null ? "labeling task" : taskType.displayName();
        }

        private String labelAttributeName() {
            if (options.getLabelAttributeName() != null) {
                return options.getLabelAttributeName();
            }
            return taskType != null && taskType.labelAttributeMustEndWithRef() ? "label-ref" : "label";
        }

        /** The topic option's value, or its default name with autoCreateTopics; checked when it is a name. */
        private String topic(String option, String value, String defaultSuffix, String specField) {
            String topic = value == null && options.isAutoCreateTopics() ? jobName + defaultSuffix : value;
            if (topic != null && !JobTopics.isArn(topic) && !JobTopics.TOPIC_NAME.matcher(topic).matches()) {
                explain(specField, new Violation(option, topic, "must be an SNS topic ARN, or a topic name of 1 to"
                        + " 256 letters, digits, hyphens and underscores"));
                return null;
            }
            return topic;
        }

        private String unresolvedArn(String topic) {
            return JobTopics.isArn(topic) ? topic : "arn:aws:sns:" + region + ":" + UNRESOLVED_ACCOUNT + ":" + topic;
        }

        private String artifactPrefix() {
            String prefix = options.getArtifactS3Prefix() != null ? options.getArtifactS3Prefix()
                    : options.getS3OutputPath() == null ? null
                    : options.getS3OutputPath().replaceAll("/+$", "") + "/artifacts";
            if (prefix != null && !prefix.matches("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?")) {
                violations.add(new Violation("artifactS3Prefix", prefix, "must be an s3://bucket/prefix location"));
                return null;
            }
            return prefix;
        }

        private void readLabelCategories() {
            String labels = options.getLabels();
            String file = options.getLabelCategoryConfig();
            if (labels != null && file != null) {
                explain(LABEL_CONFIG_URI, new Violation("labels", labels, "must not be set together with"
                        + " labelCategoryConfig (" + file + "): give the labels one way"));
            } else if (labels != null) {
                LabelCategoryConfig config = LabelCategoryConfig.of(list(labels));
                spec.labelCategoryConfig(config);
                upload(LABEL_CONFIG_URI, JobArtifact.text("label-categories", ".json", "application/json",
                        config.toJson()), spec::labelCategoryConfigS3Uri);
            } else if (file != null && !JobResources.isResource(file)) {
                spec.labelCategoryConfigS3Uri(file);
            } else if (file != null) {
                readLabelCategoryFile(file);
            } else if (taskType != null) {
                explain(LABEL_CONFIG_URI, new Violation("labels", null, "the labels workers choose from are required:"
                        + " set labels (a comma-separated list) or labelCategoryConfig (an s3:// URI, or a"
                        + " classpath: or file: resource to upload)"));
            }
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
            upload(LABEL_CONFIG_URI, new JobArtifact("label-categories", ".json", "application/json", content),
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
                DefaultUiTemplates.forType(taskType).ifPresentOrElse(
                        artifact -> upload(UI_CONFIG, artifact, spec::uiTemplateS3Uri),
                        () -> explain(UI_CONFIG, new Violation("uiTemplate", null, taskType.displayName()
                                + " jobs need a worker task template that fits the job they review: give one (an"
                                + " s3:// URI, or a classpath: or file: resource to upload)")));
            }
        }

        private byte[] read(String option, String uri, String specField) {
            try {
                return resources.read(uri);
            } catch (IOException | RuntimeException e) {
                explain(specField, new Violation(option, uri, "names no readable file (" + e.getMessage()
                        + "): use classpath:, file: or an s3:// URI"));
                return null;
            }
        }

        private void upload(String specField, JobArtifact artifact, Consumer<String> uriField) {
            if (artifactPrefix == null) {
                if (options.getS3OutputPath() != null || options.getArtifactS3Prefix() != null) {
                    explained.add(specField);
                    return;
                }
                explain(specField, new Violation("artifactS3Prefix", null, "is required to upload the job's "
                        + artifact.name() + ": set it or s3OutputPath"));
                return;
            }
            String uri = artifact.uriUnder(artifactPrefix);
            uploads.put(uri, artifact);
            uriField.accept(uri);
        }

        private void explain(String specField, Violation violation) {
            explained.add(specField);
            violations.add(violation);
        }

        private Map<String, String> tags() {
            return options.getTags() == null ? Map.of() : options.getTags().toMap(violations);
        }

        /** A comma-separated option as a list; {@code null} when the option is not set. */
        private static List<String> list(String value) {
            if (value == null) {
                return null;
            }
            return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
        }
    }
}
