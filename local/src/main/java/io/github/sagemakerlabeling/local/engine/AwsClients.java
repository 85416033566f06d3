package io.github.sagemakerlabeling.local.engine;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The clients the engine works through, pointed at the local SNS, SQS and S3: it uses the services over their wire
 * protocols, exactly as Ground Truth uses the customer's topics, queue and buckets.
 */
public record AwsClients(SqsClient sqs, SnsClient sns, S3Client s3) {
}
