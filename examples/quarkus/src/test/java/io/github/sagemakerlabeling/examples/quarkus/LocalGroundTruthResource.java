package io.github.sagemakerlabeling.examples.quarkus;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts Local Ground Truth before the app and hands the app everything that points the component at it: the
 * region, dummy credentials, the four endpoints, and the job's ARNs and output path in the stack's account (its
 * output bucket is created here). The simulated workers label a text {@code positive} when it mentions something
 * delicious or great, else {@code negative}.
 */
public class LocalGroundTruthResource implements QuarkusTestResourceLifecycleManager {

    private static final String OUTPUT_BUCKET = "reviews";
    private static final String PREFIX = "camel.component.sagemaker-labeling.";

    private LocalGroundTruth groundTruth;

    @Override
    public Map<String, String> start() {
        groundTruth = LocalGroundTruth.builder()
                .workers(RuleBasedAnnotator.builder()
                        .when("delicious", "positive")
                        .when("great", "positive")
                        .otherwise("negative")
                        .build())
                .start();
        try (S3Client s3 = groundTruth.s3Client()) {
            s3.createBucket(bucket -> bucket.bucket(OUTPUT_BUCKET));
        } catch (RuntimeException e) {
            groundTruth.close();
            throw e;
        }
        String account = groundTruth.accountId();
        return Map.ofEntries(
                Map.entry(PREFIX + "workteamArn", "arn:aws:sagemaker:" + groundTruth.region() + ":" + account
                        + ":workteam/private-crowd/reviewers"),
                Map.entry(PREFIX + "roleArn", "arn:aws:iam::" + account + ":role/GroundTruth"),
                Map.entry(PREFIX + "s3OutputPath", "s3://" + OUTPUT_BUCKET + "/output"),
                Map.entry(PREFIX + "region", groundTruth.region()),
                Map.entry(PREFIX + "useDefaultCredentialsProvider", "false"),
                Map.entry(PREFIX + "accessKey", groundTruth.accessKeyId()),
                Map.entry(PREFIX + "secretKey", groundTruth.secretAccessKey()),
                Map.entry(PREFIX + "overrideEndpoint", "true"),
                Map.entry(PREFIX + "sageMakerEndpointOverride", groundTruth.sageMakerEndpoint().toString()),
                Map.entry(PREFIX + "snsEndpointOverride", groundTruth.snsEndpoint().toString()),
                Map.entry(PREFIX + "sqsEndpointOverride", groundTruth.sqsEndpoint().toString()),
                Map.entry(PREFIX + "s3EndpointOverride", groundTruth.s3Endpoint().toString()));
    }

    @Override
    public void stop() {
        if (groundTruth != null) {
            groundTruth.close();
        }
    }
}
