package io.github.sagemakerlabeling.camel.job;

import static io.github.sagemakerlabeling.camel.job.JobViolations.INPUT_TOPIC;
import static io.github.sagemakerlabeling.camel.job.JobViolations.OUTPUT_TOPIC;
import static io.github.sagemakerlabeling.camel.job.JobViolations.PRICE;
import static io.github.sagemakerlabeling.camel.job.JobViolations.UI_CONFIG;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.camel.SageMakerLabelingOperations;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.spec.TaskPrice;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.math.BigDecimal;
import java.util.Map;
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
    private static final String DEFAULT_TOPIC_PREFIX = "GroundTruth-";

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
     * Whether the options ask for the job to be ensured: {@code ensureJob}, else whether a task type (or
     * {@code chainFrom}) is set on an endpoint that feeds or reads the job (a consumer, or a producer sending data
     * objects). Endpoints of the job management operations never create a job unasked, even when component-wide
     * defaults describe one.
     */
    public static boolean isWanted(SageMakerLabelingConfiguration options) {
        if (options.getEnsureJob() != null) {
            return options.getEnsureJob();
        }
        return (options.getTaskType() != null || options.getChainFrom() != null)
                && (options.getOperation() == SageMakerLabelingOperations.sendDataObject
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
        return of(jobName, options, region, context, null);
    }

    /**
     * Like {@link #of(String, SageMakerLabelingConfiguration, String, CamelContext)} for a review job chained on an
     * earlier job ({@code chainFrom}): the preset fills what the options leave unset.
     *
     * @param chain the review preset, {@code null} for a job that is not chained
     */
    public static EndpointJobSpec of(String jobName, SageMakerLabelingConfiguration options, String region,
                                     CamelContext context, ChainPreset chain) {
        return new Reader(jobName, options, region, new JobResources(context), chain).read();
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
        private final ChainPreset chain;
        private final JobViolations violations = new JobViolations();
        private final LabelingJobSpec.Builder spec = LabelingJobSpec.builder();
        private TaskType taskType;

        Reader(String jobName, SageMakerLabelingConfiguration options, String region, JobResources resources,
               ChainPreset chain) {
            this.jobName = jobName;
            this.options = options;
            this.region = region;
            this.resources = resources;
            this.chain = chain;
        }

        EndpointJobSpec read() {
            readTaskType();
            String input = chain != null ? chainedInput()
                    : topic("inputTopic", options.getInputTopic(), "-input", INPUT_TOPIC);
            String output = topic("outputTopic", options.getOutputTopic(), "-output", OUTPUT_TOPIC);
            if (input == null && options.getInputTopic() == null && chain == null) {
                violations.explain(INPUT_TOPIC, new Violation("inputTopic", null, "is required: the SNS topic the"
                        + " streaming job takes data objects from, as name or ARN (or set autoCreateTopics=true)"));
            }
            spec.region(region)
                    .labelingJobName(jobName)
                    .labelAttributeName(labelAttributeName())
                    .inputSnsTopicArn(input == null ? null : unresolvedArn(input))
                    .outputSnsTopicArn(output == null ? null : unresolvedArn(output))
                    .s3OutputPath(options.getS3OutputPath())
                    .kmsKeyId(options.getKmsKeyId())
                    .publicWorkforceTaskPrice(taskPrice())
                    .roleArn(options.getRoleArn())
                    .workteamArn(options.getWorkteamArn())
                    .taskTitle(options.getTaskTitle() != null ? options.getTaskTitle() : displayName())
                    .taskDescription(options.getTaskDescription() != null ? options.getTaskDescription()
                            : "Label each data object: " + displayName())
                    .taskKeywords(CommaSeparated.list(options.getTaskKeywords()))
                    .contentClassifiers(CommaSeparated.list(options.getContentClassifiers()))
                    .numberOfHumanWorkersPerDataObject(options.getNumberOfHumanWorkersPerDataObject())
                    .taskTimeLimitInSeconds(options.getTaskTimeLimitInSeconds())
                    .taskAvailabilityLifetimeInSeconds(options.getTaskAvailabilityLifetimeInSeconds())
                    .maxConcurrentTaskCount(options.getMaxConcurrentTaskCount())
                    .tags(options.getTags() == null ? Map.of() : options.getTags().toMap(violations));
            Map<String, JobArtifact> uploads = new JobArtifactOptions(options, taskType, resources, violations, spec,
                    chain).read();
            LabelingJobSpec draft = spec.build();
            violations.addSpecErrors(draft.validate().errors());
            violations.throwIfAny("The labeling job options of endpoint sagemaker-labeling:" + jobName);
            return new EndpointJobSpec(draft, input, output, options.isAutoCreateTopics(), uploads);
        }

        private void readTaskType() {
            if (chain != null) {
                taskType = chain.taskType();
                spec.taskType(taskType);
                return;
            }
            if (options.getTaskType() == null) {
                violations.explain(UI_CONFIG, new Violation("taskType", null, "is required to create or attach to"
                        + " the job (ensureJob is set): name one of the built-in task types"));
                return;
            }
            try {
                taskType = TaskType.fromName(options.getTaskType());
                spec.taskType(taskType);
            } catch (LabelingValidationException e) {
                e.violations().forEach(violations::add);
                // Which worker UI the job needs depends on the task type: nothing more to say about it.
                violations.alreadyReported(UI_CONFIG);
            }
        }

        private String displayName() {
            return taskType == null ? "labeling task" : taskType.displayName();
        }

        private String labelAttributeName() {
            if (chain != null) {
                String name = options.getLabelAttributeName() != null ? options.getLabelAttributeName()
                        : chain.labelAttributeName(jobName);
                if (name.equals(chain.link().previousLabelAttribute())) {
                    violations.explain("LabelAttributeName", new Violation("labelAttributeName", name, "must differ"
                            + " from the label attribute of job " + chain.link().previousJobName() + " (chainFrom),"
                            + " whose labels this job reviews"));
                }
                return name;
            }
            if (options.getLabelAttributeName() != null) {
                return options.getLabelAttributeName();
            }
            return taskType != null && taskType.labelAttributeMustEndWithRef() ? "label-ref" : "label";
        }

        /** A chained job's input topic: the earlier job's output topic, which no inputTopic option may contradict. */
        private String chainedInput() {
            String given = options.getInputTopic();
            if (given != null && !given.equals(chain.inputTopicArn())) {
                violations.explain(INPUT_TOPIC, new Violation("inputTopic", given, "must not be set together with"
                        + " chainFrom: the input topic of a chained job is the output topic of job "
                        + chain.link().previousJobName() + " (" + chain.inputTopicArn() + ")"));
            }
            return chain.inputTopicArn();
        }

        /** The topic option's value, or its default name with autoCreateTopics; checked when it is a name. */
        private String topic(String option, String value, String defaultSuffix, String specField) {
            // The GroundTruth- prefix puts the topics within what the AmazonSageMakerGroundTruthExecution managed
            // policy lets the job's role subscribe and publish to.
            String topic = value == null && options.isAutoCreateTopics() ? DEFAULT_TOPIC_PREFIX + jobName + defaultSuffix
                    : value;
            if (topic != null && !JobTopics.isArn(topic) && !JobTopics.TOPIC_NAME.matcher(topic).matches()) {
                violations.explain(specField, new Violation(option, topic, "must be an SNS topic ARN, or a topic"
                        + " name of 1 to 256 letters, digits, hyphens and underscores"));
                return null;
            }
            return topic;
        }

        /** The publicWorkforceTaskPrice option, US dollars such as 0.036, as dollars, cents and tenths of a cent. */
        private TaskPrice taskPrice() {
            String price = options.getPublicWorkforceTaskPrice();
            if (price == null) {
                return null;
            }
            try {
                BigDecimal usd = new BigDecimal(price.trim());
                if (usd.signum() >= 0 && usd.scale() <= 3) {
                    int tenthsOfACent = usd.movePointRight(3).intValueExact();
                    return new TaskPrice(tenthsOfACent / 1000, tenthsOfACent / 10 % 100, tenthsOfACent % 10);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
            violations.explain(PRICE, new Violation("publicWorkforceTaskPrice", price,
                    "must be a US dollar amount with at most three decimals, such as 0.036"));
            return null;
        }

        private String unresolvedArn(String topic) {
            return JobTopics.isArn(topic) ? topic : "arn:aws:sns:" + region + ":" + UNRESOLVED_ACCOUNT + ":" + topic;
        }
    }
}
