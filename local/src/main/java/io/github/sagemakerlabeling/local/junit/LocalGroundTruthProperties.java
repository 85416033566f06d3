package io.github.sagemakerlabeling.local.junit;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running Local Ground Truth described as plain {@code name=value} properties: what a Camel route, a Spring
 * {@code Environment} or any property-driven configuration needs to point its AWS clients at the stack.
 *
 * <p>{@link LocalGroundTruthExtension} sets them as system properties while its tests run, so a route can say
 *
 * <pre>{@code
 * from("direct:in")
 *     .to("aws2-sns://GroundTruth-in?overrideEndpoint=true&uriEndpointOverride={{local-ground-truth.sns}}"
 *             + "&region={{local-ground-truth.region}}"
 *             + "&accessKey={{local-ground-truth.access-key}}&secretKey={{local-ground-truth.secret-key}}");
 * }</pre>
 *
 * <p>The endpoint names match the lines the launcher prints ({@code sns=http://127.0.0.1:...}).
 */
public final class LocalGroundTruthProperties {

    /** The prefix of every property. */
    public static final String PREFIX = "local-ground-truth.";
    /** The SageMaker endpoint, e.g. {@code http://127.0.0.1:40123}. */
    public static final String SAGEMAKER = PREFIX + "sagemaker";
    /** The SNS endpoint. */
    public static final String SNS = PREFIX + "sns";
    /** The SQS endpoint. */
    public static final String SQS = PREFIX + "sqs";
    /** The S3 endpoint (clients must use path-style addressing). */
    public static final String S3 = PREFIX + "s3";
    /** The region the stack plays, e.g. {@code us-east-1}. */
    public static final String REGION = PREFIX + "region";
    /** The account id in the stack's ARNs and queue URLs. */
    public static final String ACCOUNT_ID = PREFIX + "account-id";
    /** An access key id for clients; nothing checks it. */
    public static final String ACCESS_KEY = PREFIX + "access-key";
    /** A secret access key for clients; nothing checks it. */
    public static final String SECRET_KEY = PREFIX + "secret-key";

    private LocalGroundTruthProperties() {
    }

    /** The properties of a running stack, in a stable order: endpoints first, then region, account and keys. */
    public static Map<String, String> of(LocalGroundTruth groundTruth) {
        Map<String, String> properties = new LinkedHashMap<>();
        groundTruth.endpoints().forEach((service, endpoint) -> properties.put(PREFIX + service, endpoint.toString()));
        properties.put(REGION, groundTruth.region());
        properties.put(ACCOUNT_ID, groundTruth.accountId());
        properties.put(ACCESS_KEY, groundTruth.accessKeyId());
        properties.put(SECRET_KEY, groundTruth.secretAccessKey());
        return Collections.unmodifiableMap(properties);
    }
}
