package io.github.sagemakerlabeling.camel.job;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.service.ChainLink;
import io.github.sagemakerlabeling.core.service.ReviewChain;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * What the {@code chainFrom} option fills in for a review job chained on an earlier streaming job: the review task
 * type, the earlier job's output topic as input topic, a label attribute of its own, the label category
 * configuration naming the reviewed attribute ({@code auditLabelAttributeName}) and a worker template that shows the
 * earlier labels. Options the user set win over these defaults.
 */
public final class ChainPreset {

    private static final String TEMPLATES = "/io/github/sagemakerlabeling/camel/job/templates/review/";
    private static final String PLACEHOLDER = "PREVIOUS_LABEL_ATTRIBUTE";

    private final ChainLink link;
    private final TaskType taskType;

    private ChainPreset(ChainLink link, TaskType taskType) {
        this.link = link;
        this.taskType = taskType;
    }

    /**
     * The preset of an endpoint's job: describes the job named by {@code chainFrom}; {@code null} when the option is
     * not set.
     *
     * @throws io.github.sagemakerlabeling.core.service.LabelingJobException when that job is missing, is not a
     *                                                                        streaming job or has no output topic
     */
    public static ChainPreset resolve(String jobName, SageMakerLabelingConfiguration options, SageMakerClient sageMaker,
                                      S3Client s3) {
        String previous = options.getChainFrom();
        if (previous == null) {
            return null;
        }
        if (previous.equals(jobName)) {
            throw new LabelingValidationException("The labeling job options of endpoint sagemaker-labeling:" + jobName,
                    new Violation("chainFrom", previous, "must name another job: a job cannot review its own labels"));
        }
        return of(new ReviewChain(sageMaker, s3).link(previous), Optional.ofNullable(options.getTaskType()));
    }

    /**
     * The preset for a job chained by {@code link}.
     *
     * @param taskType the taskType option: empty, {@code adjustment}, {@code verification} or a review type's name
     * @throws io.github.sagemakerlabeling.core.validation.LabelingValidationException when that task type does not
     *                                                                                 review the earlier job's labels
     */
    public static ChainPreset of(ChainLink link, Optional<String> taskType) {
        return new ChainPreset(link, link.reviewType(taskType));
    }

    /** The job whose labels are reviewed. */
    public ChainLink link() {
        return link;
    }

    /** The review task type. */
    public TaskType taskType() {
        return taskType;
    }

    /** The earlier job's output topic, this job's input topic. */
    String inputTopicArn() {
        return link.inputTopicArn();
    }

    /**
     * The label attribute when none is given: the job's name (so each job of a chain adds its own attribute), with
     * {@code -ref} where the task type needs it.
     */
    String labelAttributeName(String jobName) {
        return taskType.labelAttributeMustEndWithRef() ? jobName + "-ref" : jobName;
    }

    /** The label categories: the given labels, else the earlier job's (adjustment) or the verdicts (verification). */
    LabelCategoryConfig labelCategoryConfig(List<String> labels) {
        return link.labelCategoryConfig(taskType, labels);
    }

    /** The review template of the task type, naming the earlier job's label attribute; empty when none ships. */
    Optional<JobArtifact> uiTemplate() {
        String resource = TEMPLATES + taskType.catalogName() + ".liquid.html";
        try (InputStream in = ChainPreset.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(PLACEHOLDER, link.previousLabelAttribute());
            return Optional.of(JobArtifact.text("ui-template-" + taskType.catalogName(), ".liquid.html", "text/html",
                    template));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
