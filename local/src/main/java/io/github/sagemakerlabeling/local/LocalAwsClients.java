package io.github.sagemakerlabeling.local;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK v2 clients pointed at a local service: endpoint override, region and dummy static credentials (the local
 * services do not check signatures). The caller owns and closes the returned clients.
 */
public final class LocalAwsClients {

    /** Dummy credentials: requests are signed, but nothing local verifies the signature. */
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private LocalAwsClients() {
    }

    /**
     * Configures any SDK client builder (sync or async, any service) for a local endpoint.
     *
     * @param builder the client builder to configure
     * @param endpoint the local service's endpoint, see {@link LocalService#endpoint()}
     * @param region the region the client signs for, e.g. {@code us-east-1}
     * @return the same builder
     */
    public static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, URI endpoint, String region) {
        return builder.endpointOverride(Objects.requireNonNull(endpoint, "endpoint"))
                .region(Region.of(Objects.requireNonNull(region, "region")))
                .credentialsProvider(CREDENTIALS);
    }

    /** An SQS client for the given local endpoint and region. */
    public static SqsClient sqs(URI endpoint, String region) {
        return configure(SqsClient.builder(), endpoint, region).build();
    }

    /** An SNS client for the given local endpoint and region. */
    public static SnsClient sns(URI endpoint, String region) {
        return configure(SnsClient.builder(), endpoint, region).build();
    }

    /** An S3 client for the given local endpoint and region, using path-style addressing (required locally). */
    public static S3Client s3(URI endpoint, String region) {
        return configure(S3Client.builder(), endpoint, region).forcePathStyle(true).build();
    }
}
