package io.github.sagemakerlabeling.local.edge;

import com.sun.net.httpserver.Headers;
import io.github.sagemakerlabeling.local.http.FormDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which service a request is for, from the request alone, in this order: the service of the SigV4 credential scope
 * ({@code Authorization} header, or {@code X-Amz-Credential} of a presigned URL); the {@code X-Amz-Target} prefix
 * ({@code SageMaker.}, {@code AmazonSQS.}); the query-protocol {@code Action} (SQS's actions, else SNS); else S3,
 * addressed path style.
 */
final class EdgeRoute {

    /** The services by the name their SigV4 credential scope uses. */
    private static final Set<String> SERVICES = Set.of("sagemaker", "sns", "sqs", "s3");
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/,\\s]+/([^/,\\s]+)/aws4_request");
    private static final Set<String> SQS_ACTIONS = Set.of("AddPermission", "CancelMessageMoveTask",
            "ChangeMessageVisibility", "ChangeMessageVisibilityBatch", "CreateQueue", "DeleteMessage",
            "DeleteMessageBatch", "DeleteQueue", "GetQueueAttributes", "GetQueueUrl", "ListDeadLetterSourceQueues",
            "ListMessageMoveTasks", "ListQueueTags", "ListQueues", "PurgeQueue", "ReceiveMessage", "RemovePermission",
            "SendMessage", "SendMessageBatch", "SetQueueAttributes", "StartMessageMoveTask", "TagQueue", "UntagQueue");

    private EdgeRoute() {
    }

    /**
     * The service's name: {@code sagemaker}, {@code sns}, {@code sqs} or {@code s3}.
     *
     * @throws io.github.sagemakerlabeling.local.http.MalformedRequestException if the query string or form that
     *     must be read is not well formed
     */
    static String service(Headers headers, String rawQuery, byte[] body) {
        String scoped = scopeService(headers.getFirst("Authorization"));
        if (scoped == null && rawQuery != null && rawQuery.contains("X-Amz-Credential=")) {
            scoped = scopeService("Credential=" + FormDecoder.parameters(rawQuery, null).get("X-Amz-Credential"));
        }
        if (scoped != null) {
            return scoped;
        }
        String target = headers.getFirst("X-Amz-Target");
        if (target != null) {
            return target.startsWith("AmazonSQS.") ? "sqs" : "sagemaker";
        }
        String contentType = headers.getFirst("Content-Type");
        boolean form = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        Map<String, String> params = FormDecoder.parameters(rawQuery,
                form ? new String(body, StandardCharsets.UTF_8) : null);
        String action = params.get("Action");
        if (action != null) {
            return SQS_ACTIONS.contains(action) ? "sqs" : "sns";
        }
        return "s3";
    }

    private static String scopeService(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher matcher = SCOPE.matcher(authorization);
        if (!matcher.find()) {
            return null;
        }
        String service = matcher.group(1).toLowerCase(Locale.ROOT);
        return SERVICES.contains(service) ? service : null;
    }
}
