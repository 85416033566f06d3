package io.github.sagemakerlabeling.core.spec;

import java.util.regex.Pattern;

/**
 * The member patterns of SageMaker's {@code CreateLabelingJob} model, as the service enforces them. Each is matched
 * against the whole value.
 */
public final class AwsPatterns {

    /** {@code LabelingJobName}: letters, digits and inner hyphens, 1 to 63 characters. */
    public static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    /** {@code LabelAttributeName}: letters, digits and inner hyphens, 1 to 127 characters. */
    public static final Pattern LABEL_ATTRIBUTE_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,126}");
    /** An SNS topic ARN; group 1 is the region, group 2 the account, group 3 the topic name. */
    public static final Pattern SNS_TOPIC_ARN =
            Pattern.compile("arn:aws[a-z\\-]*:sns:([a-z0-9\\-]*):([0-9]{12}):([a-zA-Z0-9_.-]+)");
    /**
     * An S3 or HTTPS URI as the model accepts it for manifests, output paths, templates and label configs. It accepts
     * any bucket: a spec's validation also applies S3's bucket naming rules to s3:// URIs, and requires a key where
     * the URI names a file (see {@link io.github.sagemakerlabeling.core.dataobject.S3Uri}).
     */
    public static final Pattern S3_OR_HTTPS_URI = Pattern.compile("(https|s3)://([^/]+)/?(.*)");
    /** An IAM role ARN. */
    public static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    /** A work team ARN; group 1 is the region, group 2 the account, group 3 what follows {@code workteam/}. */
    public static final Pattern WORKTEAM_ARN =
            Pattern.compile("arn:aws[a-z\\-]*:sagemaker:([a-z0-9\\-]*):([0-9]{12}):workteam/(.*)");
    /** A Lambda function ARN; group 1 is the region, group 2 the account, group 3 the function name. */
    public static final Pattern LAMBDA_ARN =
            Pattern.compile("arn:aws[a-z\\-]*:lambda:([a-z0-9\\-]*):([0-9]{12}):function:(.*)");
    /** A human task UI ARN; group 1 is the region, group 2 the account, group 3 the UI name. */
    public static final Pattern HUMAN_TASK_UI_ARN =
            Pattern.compile("arn:aws[a-z\\-]*:sagemaker:([a-z0-9\\-]+):([0-9]{12}):human-task-ui/(.*)");
    /** A labeling job ARN; group 1 is the region, group 2 the account, group 3 the job name. */
    public static final Pattern LABELING_JOB_ARN =
            Pattern.compile("arn:aws[a-z\\-]*:sagemaker:([a-z0-9\\-]*):([0-9]{12}):labeling-job/(.*)");
    /** A KMS key id, alias or ARN. */
    public static final Pattern KMS_KEY_ID = Pattern.compile("[a-zA-Z0-9:/_-]*");
    /** {@code TaskKeywords} entries: words of letters and digits separated by single spaces. */
    public static final Pattern TASK_KEYWORD = Pattern.compile("[A-Za-z0-9]+( [A-Za-z0-9]+)*");
    /** {@code TaskTitle}: printable Unicode plus tab, newline and carriage return. */
    public static final Pattern TASK_TITLE = Pattern.compile("[\\t\\n\\r -\\uD7FF\\uE000-\\uFFFD]*");
    /** Tag keys and values; a spec's validation also refuses keys starting with the reserved {@code aws:}. */
    public static final Pattern TAG = Pattern.compile("([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");

    private AwsPatterns() {
    }
}
