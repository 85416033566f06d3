package io.github.sagemakerlabeling.examples.quickstart;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Real AWS: the job goes to the configured private work team, with the SDK's default credentials (environment,
 * profile, instance role) and region unless one is set.
 */
final class AwsTarget implements LabelingTarget {

    private final String workteamArn;
    private final String roleArn;
    private final String s3OutputPath;
    private final String region;

    private AwsTarget(String workteamArn, String roleArn, String s3OutputPath, String region) {
        this.workteamArn = workteamArn;
        this.roleArn = roleArn;
        this.s3OutputPath = s3OutputPath;
        this.region = region;
    }

    /** @throws IllegalArgumentException naming every AWS setting that is missing */
    static AwsTarget of(QuickstartSettings settings) {
        List<String> missing = new ArrayList<>();
        if (settings.awsRoleArn().isEmpty()) {
            missing.add("the IAM role (QUICKSTART_ROLE_ARN or -Dquickstart.aws.roleArn)");
        }
        if (settings.awsS3OutputPath().isEmpty()) {
            missing.add("the S3 output path (QUICKSTART_S3_OUTPUT_PATH or -Dquickstart.aws.s3OutputPath)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("A work team is configured, so the quickstart runs on AWS, but "
                    + String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is") + " missing");
        }
        return new AwsTarget(settings.awsWorkteamArn().orElseThrow(), settings.awsRoleArn().orElseThrow(),
                settings.awsS3OutputPath().orElseThrow(), settings.awsRegion().orElse(null));
    }

    @Override
    public Properties componentProperties() {
        Properties properties = new Properties();
        properties.put(COMPONENT + "workteamArn", workteamArn);
        properties.put(COMPONENT + "roleArn", roleArn);
        properties.put(COMPONENT + "s3OutputPath", s3OutputPath);
        properties.put(COMPONENT + "useDefaultCredentialsProvider", "true");
        if (region != null) {
            properties.put(COMPONENT + "region", region);
        }
        return properties;
    }

    @Override
    public String description() {
        return "AWS (" + (region == null ? "the default region" : region) + ", work team " + workteamArn + ")";
    }

    @Override
    public void close() {
        // nothing runs here
    }
}
