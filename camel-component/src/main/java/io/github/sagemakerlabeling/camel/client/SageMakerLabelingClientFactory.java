package io.github.sagemakerlabeling.camel.client;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the AWS clients an endpoint needs when none is given as a bean. Plug in your own (component option
 * {@code clientFactory}, or a single bean of this type in the registry) to control HTTP clients, proxies or metrics.
 * Endpoints close the clients a factory built when they stop.
 */
public interface SageMakerLabelingClientFactory {

    SageMakerClient sageMaker(SageMakerLabelingConfiguration configuration);

    SnsClient sns(SageMakerLabelingConfiguration configuration);

    SqsClient sqs(SageMakerLabelingConfiguration configuration);

    S3Client s3(SageMakerLabelingConfiguration configuration);

    /**
     * Called when an endpoint starts, before it builds any client: fails with a clear exception when the options'
     * credential source can give no credentials, so a misconfigured route fails at start, not at its first message.
     * The default does nothing.
     */
    default void checkCredentials(SageMakerLabelingConfiguration configuration) {
    }
}
