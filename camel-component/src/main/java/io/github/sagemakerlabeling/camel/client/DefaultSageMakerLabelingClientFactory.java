package io.github.sagemakerlabeling.camel.client;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds clients from the endpoint's options: region, one of the credential sources (static keys, session
 * credentials, a profile, or the SDK's default chain) and, with {@code overrideEndpoint}, each service's endpoint.
 */
public class DefaultSageMakerLabelingClientFactory implements SageMakerLabelingClientFactory {

    @Override
    public SageMakerClient sageMaker(SageMakerLabelingConfiguration configuration) {
        return configure(SageMakerClient.builder(), configuration, configuration.getSageMakerEndpointOverride()).build();
    }

    @Override
    public SnsClient sns(SageMakerLabelingConfiguration configuration) {
        return configure(SnsClient.builder(), configuration, configuration.getSnsEndpointOverride()).build();
    }

    @Override
    public SqsClient sqs(SageMakerLabelingConfiguration configuration) {
        return configure(SqsClient.builder(), configuration, configuration.getSqsEndpointOverride()).build();
    }

    /** With an endpoint override the client addresses buckets by path: local stand-ins have no per-bucket host names. */
    @Override
    public S3Client s3(SageMakerLabelingConfiguration configuration) {
        return configure(S3Client.builder(), configuration, configuration.getS3EndpointOverride())
                .forcePathStyle(configuration.isOverrideEndpoint())
                .build();
    }

    /**
     * With {@code useDefaultCredentialsProvider}, resolves the SDK's default credential chain once, as the
     * camel-aws2 components do, so a missing credential fails the start with the chain's own explanation.
     */
    @Override
    public void checkCredentials(SageMakerLabelingConfiguration configuration) {
        if (!configuration.isUseDefaultCredentialsProvider()) {
            return;
        }
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
            chain.resolveCredentials();
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("useDefaultCredentialsProvider is true, but the AWS SDK's default "
                    + "credential chain found no credentials: " + e.getMessage(), e);
        }
    }

    private static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, SageMakerLabelingConfiguration config,
                                                                     String serviceEndpoint) {
        if (config.getRegion() != null) {
            builder.region(Region.of(config.getRegion()));
        }
        builder.credentialsProvider(credentials(config));
        if (config.isOverrideEndpoint()) {
            String endpoint = serviceEndpoint != null ? serviceEndpoint : config.getUriEndpointOverride();
            if (endpoint == null) {
                throw new IllegalArgumentException("overrideEndpoint is true but neither uriEndpointOverride nor the "
                        + "service's own endpoint override is set");
            }
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    private static AwsCredentialsProvider credentials(SageMakerLabelingConfiguration config) {
        if (config.isUseDefaultCredentialsProvider()) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (config.isUseProfileCredentialsProvider()) {
            return config.getProfileCredentialsName() == null ? ProfileCredentialsProvider.create()
                    : ProfileCredentialsProvider.create(config.getProfileCredentialsName());
        }
        if (config.getAccessKey() != null && config.getSecretKey() != null) {
            return StaticCredentialsProvider.create(config.isUseSessionCredentials()
                    ? AwsSessionCredentials.create(config.getAccessKey(), config.getSecretKey(), config.getSessionToken())
                    : AwsBasicCredentials.create(config.getAccessKey(), config.getSecretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
