package io.github.sagemakerlabeling.examples.quickstart;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Local Ground Truth in this process: SageMaker's labeling API, SNS, SQS and S3 on 127.0.0.1, with a {@link KeywordCrowd}
 * of simulated workers or people in the worker portal ({@code quickstart.workforce}), a work team and role that exist
 * only here, and a bucket for the job's output.
 */
final class LocalTarget implements LabelingTarget {

    private static final String BUCKET = "quickstart-labeling";

    private final LocalGroundTruth groundTruth;
    private final WorkforceMode workforce;
    private final int peoplePerText;

    private LocalTarget(LocalGroundTruth groundTruth, WorkforceMode workforce, int peoplePerText) {
        this.groundTruth = groundTruth;
        this.workforce = workforce;
        this.peoplePerText = peoplePerText;
    }

    static LocalTarget start(QuickstartSettings settings) {
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        for (String label : settings.labels()) {
            keywords.put(label, settings.localKeywords(label));
        }
        KeywordCrowd crowd = new KeywordCrowd(keywords, settings.localOtherwise(), settings.localDisagreement(),
                settings.localSeed());
        WorkforceMode workforce = settings.workforce();
        int peoplePerText = workforce == WorkforceMode.SIMULATED ? 0 : settings.peopleWorkersPerObject();
        LocalGroundTruth groundTruth = LocalGroundTruth.builder().workers(crowd)
                .workforces(WorkforcePlan.of(workforce).simulatedAfter(settings.peopleSimulatedAfter()))
                .portalPort(settings.portalPort()).start();
        try {
            groundTruth.s3Client().createBucket(bucket -> bucket.bucket(BUCKET));
            return new LocalTarget(groundTruth, workforce, peoplePerText);
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
        if (workforce != WorkforceMode.SIMULATED) {
            properties.put(COMPONENT + "numberOfHumanWorkersPerDataObject", Integer.toString(peoplePerText));
        }
        return properties;
    }

    @Override
    public String description() {
        String workers = switch (workforce) {
            case SIMULATED -> "simulated workers";
            case PEOPLE -> "people label in the worker portal " + groundTruth.portalEndpoint();
            case BOTH -> "people label in the worker portal " + groundTruth.portalEndpoint()
                    + ", simulated workers finish what they leave";
        };
        return "Local Ground Truth (in this process, SageMaker API on " + groundTruth.sageMakerEndpoint() + "; "
                + workers + ")";
    }

    @Override
    public List<String> instructions() {
        if (workforce == WorkforceMode.SIMULATED) {
            return List.of();
        }
        String rule = "=".repeat(72);
        return List.of(rule,
                "  Label the texts in your browser: " + groundTruth.portalEndpoint(),
                "  Sign in with any name, choose the job and label each text ("
                        + (peoplePerText == 1 ? "one person a text" : peoplePerText + " different people a text") + ").",
                "  The app ends when every text is labeled; the job's dashboard: "
                        + groundTruth.portalEndpoint().resolve("/dashboard"),
                rule);
    }

    @Override
    public void close() {
        groundTruth.close();
    }
}
