package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.camel.client.SageMakerLabelingClientFactory;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An endpoint's AWS clients: the configured (or autowired) ones, else ones the factory builds. Only the clients built
 * here are closed on stop; the caller's own beans stay open.
 */
final class OwnedClients {

    private final List<SdkClient> built = new ArrayList<>();
    private SageMakerClient sageMaker;
    private SnsClient sns;
    private SqsClient sqs;
    private S3Client s3;

    void start(SageMakerLabelingConfiguration configuration, SageMakerLabelingClientFactory factory) {
        sageMaker = configuration.getSageMakerClient() != null ? configuration.getSageMakerClient()
                : track(factory.sageMaker(configuration));
        sns = configuration.getSnsClient() != null ? configuration.getSnsClient() : track(factory.sns(configuration));
        sqs = configuration.getSqsClient() != null ? configuration.getSqsClient() : track(factory.sqs(configuration));
        s3 = configuration.getS3Client() != null ? configuration.getS3Client() : track(factory.s3(configuration));
    }

    void stop() {
        built.forEach(SdkClient::close);
        built.clear();
    }

    SageMakerClient sageMaker() {
        return sageMaker;
    }

    SnsClient sns() {
        return sns;
    }

    SqsClient sqs() {
        return sqs;
    }

    S3Client s3() {
        return s3;
    }

    private <C extends SdkClient> C track(C client) {
        built.add(client);
        return client;
    }
}
