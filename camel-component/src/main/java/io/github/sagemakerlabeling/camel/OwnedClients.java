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
 * An endpoint's AWS clients: the configured (or autowired) ones, else ones the factory builds the first time the
 * endpoint needs them, so an endpoint holds only the clients it uses (a producer of text objects never builds an S3
 * or SQS client; a consumer of an existing queue never a SageMaker one). Only the clients built here are closed on
 * stop; the caller's own beans stay open.
 */
final class OwnedClients {

    private final List<SdkClient> built = new ArrayList<>();
    private SageMakerLabelingConfiguration configuration;
    private SageMakerLabelingClientFactory factory;
    private SageMakerClient sageMaker;
    private SnsClient sns;
    private SqsClient sqs;
    private S3Client s3;

    /** Takes the options and the factory; checks the factory's credentials now, unless every client is given. */
    synchronized void start(SageMakerLabelingConfiguration configuration, SageMakerLabelingClientFactory factory) {
        this.configuration = configuration;
        this.factory = factory;
        if (configuration.getSageMakerClient() == null || configuration.getSnsClient() == null
                || configuration.getSqsClient() == null || configuration.getS3Client() == null) {
            factory.checkCredentials(configuration);
        }
    }

    synchronized void stop() {
        built.forEach(SdkClient::close);
        built.clear();
        sageMaker = null;
        sns = null;
        sqs = null;
        s3 = null;
        factory = null;
    }

    synchronized SageMakerClient sageMaker() {
        if (sageMaker == null) {
            sageMaker = given(configuration.getSageMakerClient(), SageMakerLabelingClientFactory::sageMaker);
        }
        return sageMaker;
    }

    synchronized SnsClient sns() {
        if (sns == null) {
            sns = given(configuration.getSnsClient(), SageMakerLabelingClientFactory::sns);
        }
        return sns;
    }

    synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = given(configuration.getSqsClient(), SageMakerLabelingClientFactory::sqs);
        }
        return sqs;
    }

    synchronized S3Client s3() {
        if (s3 == null) {
            s3 = given(configuration.getS3Client(), SageMakerLabelingClientFactory::s3);
        }
        return s3;
    }

    private <C extends SdkClient> C given(C configured, Builder<C> builder) {
        if (configured != null) {
            return configured;
        }
        if (factory == null) {
            // Stopped: a late caller (a health probe, a poll finishing) must not build a client nobody closes.
            throw new IllegalStateException("The sagemaker-labeling endpoint is not started");
        }
        C client = builder.build(factory, configuration);
        built.add(client);
        return client;
    }

    @FunctionalInterface
    private interface Builder<C> {
        C build(SageMakerLabelingClientFactory factory, SageMakerLabelingConfiguration configuration);
    }
}
