package io.github.sagemakerlabeling.core.service;

import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;

/**
 * Chains a review job on an earlier streaming labeling job, as Ground Truth's chained streaming jobs do: the review
 * job's input topic is the earlier job's output topic, so every output line of the earlier job (its input line plus
 * its label attribute) becomes an input line of the review job. The earlier job's output topic keeps every other
 * subscriber, so its own consumers still get its results.
 */
public final class ReviewChain {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewChain.class);

    private final LabelingJobs jobs;
    private final S3Client s3;

    /**
     * @param sageMaker describes the earlier job
     * @param s3        reads the earlier job's label category configuration
     */
    public ReviewChain(SageMakerClient sageMaker, S3Client s3) {
        this.jobs = new LabelingJobs(sageMaker, Duration.ofSeconds(1));
        this.s3 = s3;
    }

    /**
     * What a review job chained on {@code previousJobName} takes from it.
     *
     * @throws LabelingJobException when no job has that name, or it is not a streaming job with an output topic, or
     *                              it does not run a built-in task type
     */
    public ChainLink link(String previousJobName) {
        DescribeLabelingJobResponse previous = jobs.find(previousJobName).orElseThrow(() -> new LabelingJobException(
                "chainFrom '" + previousJobName + "': no labeling job has that name in this account and region;"
                        + " create it first (its route must start before the chained one)"));
        if (previous.inputConfig() == null || previous.inputConfig().dataSource() == null
                || previous.inputConfig().dataSource().snsDataSource() == null) {
            throw new LabelingJobException("chainFrom '" + previousJobName + "': the job is not a streaming job (it"
                    + " has no SNS input topic), so it publishes no output a chained job could take in");
        }
        String outputTopic = previous.outputConfig() == null ? null : previous.outputConfig().snsTopicArn();
        if (outputTopic == null || outputTopic.isEmpty()) {
            throw new LabelingJobException("chainFrom '" + previousJobName + "': the job has no output topic"
                    + " (OutputConfig.SnsTopicArn), so its labels reach no chained job; recreate it with an"
                    + " outputTopic");
        }
        TaskType type = TaskType.fromLambdaArn(previous.humanTaskConfig().preHumanTaskLambdaArn())
                .or(() -> TaskType.fromLambdaArn(previous.humanTaskConfig().annotationConsolidationConfig()
                        .annotationConsolidationLambdaArn()))
                .orElseThrow(() -> new LabelingJobException("chainFrom '" + previousJobName + "': the job runs a"
                        + " custom task type; review presets exist for built-in task types only, so give this job's"
                        + " taskType, labels, uiTemplate and inputTopic (" + outputTopic + ") yourself"));
        return new ChainLink(previousJobName, type, previous.labelAttributeName(), outputTopic,
                labels(previousJobName, previous.labelCategoryConfigS3Uri()));
    }

    private List<LabelCategory> labels(String job, String configUri) {
        if (configUri == null) {
            return List.of();
        }
        try {
            S3Uri uri = S3Uri.parse(configUri);
            String json = s3.getObjectAsBytes(b -> b.bucket(uri.bucket()).key(uri.key())).asUtf8String();
            return LabelCategoryConfig.fromJson(json).labels();
        } catch (RuntimeException e) {
            // The review job can still be created with labels given by the user; the spec check says so otherwise.
            LOG.warn("chainFrom '{}': its label category configuration {} could not be read: {}", job, configUri,
                    e.toString());
            return List.of();
        }
    }
}
