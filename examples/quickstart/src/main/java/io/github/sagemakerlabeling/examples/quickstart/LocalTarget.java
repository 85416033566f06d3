package io.github.sagemakerlabeling.examples.quickstart;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Local Ground Truth in this process: SageMaker's labeling API, SNS, SQS and S3 on 127.0.0.1, with a {@link KeywordCrowd}
 * of simulated workers, a work team and role that exist only here, and a bucket for the job's output.
 */
final class LocalTarget implements LabelingTarget {

    private static final String BUCKET = "quickstart-labeling";

    private final LocalGroundTruth groundTruth;

    private LocalTarget(LocalGroundTruth groundTruth) {
        this.groundTruth = groundTruth;
    }

    static LocalTarget start(QuickstartSettings settings) {
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        for (String label : settings.labels()) {
            keywords.put(label, settings.localKeywords(label));
        }
        KeywordCrowd crowd = new KeywordCrowd(keywords, settings.localOtherwise(), settings.localDisagreement(),
                settings.localSeed());
        LocalGroundTruth groundTruth = LocalGroundTruth.builder().workers(crowd).start();
        try {
            groundTruth.s3Client().createBucket(bucket -> bucket.bucket(BUCKET));
            return new LocalTarget(groundTruth);
        } catch (RuntimeException e) {
            groundTruth.close();
            throw e;
        }
    }

    @Override
    public Properties componentProperties() {
        String account = groundTruth.accountId();
        Properties properties = new Properties();
        properties.put(COMPONENT + "workteamArn",
                "arn:aws:sagemaker:" + groundTruth.region() + ":" + account + ":workteam/private-crowd/quickstart");
        properties.put(COMPONENT + "roleArn", "arn:aws:iam::" + account + ":role/GroundTruthQuickstart");
        properties.put(COMPONENT + "s3OutputPath", "s3://" + BUCKET + "/output");
        properties.put(COMPONENT + "region", groundTruth.region());
        properties.put(COMPONENT + "accessKey", groundTruth.accessKeyId());
        properties.put(COMPONENT + "secretKey", groundTruth.secretAccessKey());
        properties.put(COMPONENT + "overrideEndpoint", "true");
        properties.put(COMPONENT + "sageMakerEndpointOverride", groundTruth.sageMakerEndpoint().toString());
        properties.put(COMPONENT + "snsEndpointOverride", groundTruth.snsEndpoint().toString());
        properties.put(COMPONENT + "sqsEndpointOverride", groundTruth.sqsEndpoint().toString());
        properties.put(COMPONENT + "s3EndpointOverride", groundTruth.s3Endpoint().toString());
        return properties;
    }

    @Override
    public String description() {
        return "Local Ground Truth (in this process, SageMaker API on " + groundTruth.sageMakerEndpoint()
                + "; simulated workers)";
    }

    @Override
    public void close() {
        groundTruth.close();
    }
}
