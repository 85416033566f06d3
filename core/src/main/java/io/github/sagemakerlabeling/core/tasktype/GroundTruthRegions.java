package io.github.sagemakerlabeling.core.tasktype;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The AWS regions where Ground Truth hosts its built-in task types, and the fixed AWS accounts behind them: one
 * account per region owns the {@code PRE-}/{@code ACS-} Lambdas, and {@link #HUMAN_TASK_UI_ACCOUNT} owns the worker
 * UIs and the public (Amazon Mechanical Turk) workforce in every region.
 *
 * <p>The accounts differ per region and are easy to mix up; eu-central-1, for example, is {@code 203001061592}.
 */
public final class GroundTruthRegions {

    /** The AWS account of the {@code human-task-ui/*} ARNs and of the public workforce work team. */
    public static final String HUMAN_TASK_UI_ACCOUNT = "394669845002";

    private static final Map<String, String> LAMBDA_ACCOUNT_BY_REGION = Map.ofEntries(
            Map.entry("us-east-1", "432418664414"),
            Map.entry("us-east-2", "266458841044"),
            Map.entry("us-west-2", "081040173940"),
            Map.entry("ca-central-1", "918755190332"),
            Map.entry("eu-west-1", "568282634449"),
            Map.entry("eu-west-2", "487402164563"),
            Map.entry("eu-central-1", "203001061592"),
            Map.entry("ap-northeast-1", "477331159723"),
            Map.entry("ap-northeast-2", "845288260483"),
            Map.entry("ap-south-1", "565803892007"),
            Map.entry("ap-southeast-1", "377565633583"),
            Map.entry("ap-southeast-2", "454466003867"));

    private static final Set<String> SUPPORTED_REGIONS = Collections.unmodifiableSortedSet(
            new TreeSet<>(LAMBDA_ACCOUNT_BY_REGION.keySet()));

    private static final Pattern PUBLIC_WORKFORCE_ARN =
            Pattern.compile("arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:workteam/public-crowd/.+");

    private GroundTruthRegions() {
    }

    /** The regions with built-in task types, in alphabetical order. */
    public static Set<String> supportedRegions() {
        return SUPPORTED_REGIONS;
    }

    /** Whether the built-in task types are available in the region (exact, lower-case region code). */
    public static boolean isSupported(String region) {
        return region != null && LAMBDA_ACCOUNT_BY_REGION.containsKey(region);
    }

    /**
     * The AWS account that hosts the region's {@code PRE-}/{@code ACS-} Lambdas.
     *
     * @throws LabelingValidationException for an unsupported region (field {@code region}); the rule lists the
     *                                     supported regions
     */
    public static String lambdaAccount(String region) {
        requireSupported(region);
        return LAMBDA_ACCOUNT_BY_REGION.get(region);
    }

    /**
     * The work team ARN of the public Amazon Mechanical Turk workforce in the region,
     * {@code arn:aws:sagemaker:<region>:394669845002:workteam/public-crowd/default}.
     *
     * @throws LabelingValidationException for an unsupported region
     */
    public static String publicWorkforceArn(String region) {
        requireSupported(region);
        return "arn:aws:sagemaker:" + region + ":" + HUMAN_TASK_UI_ACCOUNT + ":workteam/public-crowd/default";
    }

    /**
     * Whether the work team ARN names the public (Amazon Mechanical Turk) workforce, i.e. a
     * {@code workteam/public-crowd/...} ARN, as opposed to a private or vendor work team.
     */
    public static boolean isPublicWorkforce(String workteamArn) {
        return workteamArn != null && PUBLIC_WORKFORCE_ARN.matcher(workteamArn).matches();
    }

    /** The violation reported for a region outside {@link #supportedRegions()}. */
    static Violation unsupported(String region) {
        return new Violation("region", region,
                "Ground Truth built-in task types are available only in " + String.join(", ", SUPPORTED_REGIONS));
    }

    private static void requireSupported(String region) {
        if (!isSupported(region)) {
            throw new LabelingValidationException("AWS region", unsupported(region));
        }
    }
}
