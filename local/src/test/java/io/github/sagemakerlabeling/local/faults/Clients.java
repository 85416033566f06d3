package io.github.sagemakerlabeling.local.faults;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients for the fault tests: with the SDK's default retries, or with none, so every fault shows. */
final class Clients {

    private Clients() {
    }

    static SnsClient snsWithoutRetries(LocalGroundTruth local) {
        return LocalAwsClients.configure(SnsClient.builder(), local.snsEndpoint(), local.region())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    static SqsClient sqsWithoutRetries(LocalGroundTruth local) {
        return LocalAwsClients.configure(SqsClient.builder(), local.sqsEndpoint(), local.region())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    static SageMakerClient sageMakerWithoutRetries(LocalGroundTruth local) {
        return LocalAwsClients.configure(SageMakerClient.builder(), local.sageMakerEndpoint(), local.region())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }
}
