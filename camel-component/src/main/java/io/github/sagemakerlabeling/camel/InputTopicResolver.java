package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.camel.job.JobTopics;
import io.github.sagemakerlabeling.core.service.LabelingJobException;
import java.time.Duration;
import java.util.EnumSet;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/**
 * Finds the ARN of the topic data objects are published to. When the endpoint ensured the job, or no
 * {@code inputTopic} option is set, it is the job's own input topic, and the job must run: nothing is published while
 * it is {@code Initializing}, as Ground Truth asks, so this waits for {@code InProgress} (up to
 * {@code jobStatusTimeout}). Otherwise it is the {@code inputTopic} option (an ARN, or a topic name looked up among
 * the account's topics).
 */
final class InputTopicResolver {

    private final SageMakerLabelingEndpoint endpoint;

    InputTopicResolver(SageMakerLabelingEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    String resolve(Duration statusTimeout) {
        String option = endpoint.getConfiguration().getInputTopic();
        if (option != null && endpoint.getEnsuredJob() == null) {
            return new JobTopics(endpoint.sns(), false).arn("inputTopic", option);
        }
        String job = endpoint.currentJobName();
        DescribeLabelingJobResponse running;
        try {
            running = endpoint.labelingJobs().awaitStatus(job, EnumSet.of(LabelingJobStatus.IN_PROGRESS),
                    statusTimeout);
        } catch (LabelingJobException e) {
            throw new LabelingJobException(e.getMessage() + ". Nothing was published: data objects are sent only once"
                    + " the job is InProgress, and the producer waits for that up to jobStatusTimeout", e);
        }
        if (running.inputConfig().dataSource().snsDataSource() == null) {
            throw new LabelingJobException("Labeling job '" + job + "' is not a streaming job: it has no SNS input topic");
        }
        return running.inputConfig().dataSource().snsDataSource().snsTopicArn();
    }
}
