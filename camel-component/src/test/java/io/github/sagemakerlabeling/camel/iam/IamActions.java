package io.github.sagemakerlabeling.camel.iam;

import java.util.Locale;
import java.util.Map;

/** The IAM action that allows an SDK operation: mostly {@code service:Operation}, with the exceptions below. */
final class IamActions {

    /** Operations authorized by another operation's action (AWS's Service Authorization Reference). */
    private static final Map<String, String> AUTHORIZED_BY = Map.ofEntries(
            Map.entry("sns:PublishBatch", "sns:Publish"),
            Map.entry("sqs:DeleteMessageBatch", "sqs:DeleteMessage"),
            Map.entry("sqs:ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility"),
            Map.entry("sqs:SendMessageBatch", "sqs:SendMessage"),
            Map.entry("s3:HeadObject", "s3:GetObject"),
            Map.entry("s3:CreateMultipartUpload", "s3:PutObject"),
            Map.entry("s3:UploadPart", "s3:PutObject"),
            Map.entry("s3:CompleteMultipartUpload", "s3:PutObject"),
            Map.entry("s3:ListObjectsV2", "s3:ListBucket"),
            Map.entry("s3:HeadBucket", "s3:ListBucket"));

    private IamActions() {
    }

    /** @param service the SDK's service name (SNS, SQS, S3, SageMaker) */
    static String of(String service, String operation) {
        String direct = service.toLowerCase(Locale.ROOT) + ":" + operation;
        return AUTHORIZED_BY.getOrDefault(direct, direct);
    }
}
