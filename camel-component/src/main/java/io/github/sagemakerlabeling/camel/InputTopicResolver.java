package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.core.service.LabelingJobException;
import java.time.Duration;
import java.util.EnumSet;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * Finds the ARN of the topic data objects are published to: the {@code inputTopic} option (an ARN, or a topic name
 * looked up among the account's topics), else the job's own input topic. Without the option the job must run:
 * nothing is published while it is {@code Initializing}, as Ground Truth asks, so this waits for {@code InProgress}.
 */
final class InputTopicResolver {

    private final SageMakerLabelingEndpoint endpoint;

    InputTopicResolver(SageMakerLabelingEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    String resolve(Duration statusTimeout) {
        String option = endpoint.getConfiguration().getInputTopic();
        if (option != null && option.startsWith("arn:")) {
            return option;
        }
        if (option != null) {
            return endpoint.sns().listTopicsPaginator().topics().stream().map(Topic::topicArn)
                    .filter(arn -> arn.endsWith(":" + option)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("inputTopic '" + option + "' is not a topic of this"
                            + " account and region: give its ARN, or create it first"));
        }
        String job = endpoint.getJobName();
        DescribeLabelingJobResponse running = endpoint.labelingJobs()
                .awaitStatus(job, EnumSet.of(LabelingJobStatus.IN_PROGRESS), statusTimeout);
        if (running.inputConfig().dataSource().snsDataSource() == null) {
            throw new LabelingJobException("Labeling job '" + job + "' is not a streaming job: it has no SNS input topic");
        }
        return running.inputConfig().dataSource().snsDataSource().snsTopicArn();
    }
}
