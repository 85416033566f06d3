package io.github.sagemakerlabeling.quarkus.deployment;

import io.github.sagemakerlabeling.local.junit.LocalGroundTruthProperties;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Dev Services: in dev and test mode, an app that configures no AWS endpoint gets Local Ground Truth, started before
 * the app and stopped with it, and the configuration that points the component at it:
 * {@code quarkus.camel.sagemaker-labeling.endpoint.*}, {@code region}, {@code access-key}, {@code secret-key}, and,
 * when the app sets none of its own, a work team, a role and an output path in the stack's account. The stack's
 * {@code local-ground-truth.*} properties (as the JUnit extension sets them) are there for the app's other clients.
 */
class LocalGroundTruthDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(LocalGroundTruthDevServicesProcessor.class);

    static final String PREFIX = "quarkus.camel.sagemaker-labeling.";
    private static final String COMPONENT_PREFIX = "camel.component.sagemaker-labeling.";

    /** Configuration that names an endpoint: any of them means the app talks to something else. */
    private static final List<String> ENDPOINT_PROPERTIES = List.of(
            PREFIX + "endpoint.sagemaker", PREFIX + "endpoint.sns", PREFIX + "endpoint.sqs", PREFIX + "endpoint.s3",
            COMPONENT_PREFIX + "sageMakerEndpointOverride", COMPONENT_PREFIX + "sage-maker-endpoint-override",
            COMPONENT_PREFIX + "snsEndpointOverride", COMPONENT_PREFIX + "sns-endpoint-override",
            COMPONENT_PREFIX + "sqsEndpointOverride", COMPONENT_PREFIX + "sqs-endpoint-override",
            COMPONENT_PREFIX + "s3EndpointOverride", COMPONENT_PREFIX + "s3-endpoint-override",
            COMPONENT_PREFIX + "uriEndpointOverride", COMPONENT_PREFIX + "uri-endpoint-override");

    @BuildStep(onlyIf = {IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class})
    Optional<DevServicesResultBuildItem> localGroundTruth(LocalGroundTruthDevServicesConfig devServices) {
        Config config = ConfigProvider.getConfig();
        if (!devServices.enabled()) {
            LOG.debug("Dev Services for sagemaker-labeling are disabled");
            return Optional.empty();
        }
        Optional<String> endpoint = ENDPOINT_PROPERTIES.stream().filter(name -> isSet(config, name)).findFirst();
        if (endpoint.isPresent()) {
            LOG.debugf("Not starting Local Ground Truth: %s is configured", endpoint.get());
            return Optional.empty();
        }

        Optional<String> region = value(config, "region");
        Optional<String> s3OutputPath = value(config, "s3-output-path");
        String bucket = s3OutputPath.filter(path -> !path.isEmpty())
                .map(LocalGroundTruthDevServicesProcessor::bucketOf).orElse(devServices.bucket());

        Map<String, Function<LocalGroundTruthDevService, String>> provided = new LinkedHashMap<>();
        provided.put(PREFIX + "endpoint.sagemaker", stack -> stack.groundTruth().sageMakerEndpoint().toString());
        provided.put(PREFIX + "endpoint.sns", stack -> stack.groundTruth().snsEndpoint().toString());
        provided.put(PREFIX + "endpoint.sqs", stack -> stack.groundTruth().sqsEndpoint().toString());
        provided.put(PREFIX + "endpoint.s3", stack -> stack.groundTruth().s3Endpoint().toString());
        provided.put(PREFIX + "access-key", stack -> stack.groundTruth().accessKeyId());
        provided.put(PREFIX + "secret-key", stack -> stack.groundTruth().secretAccessKey());
        if (region.isEmpty()) {
            provided.put(PREFIX + "region", stack -> stack.groundTruth().region());
        }
        if (value(config, "workteam-arn").isEmpty()) {
            provided.put(PREFIX + "workteam-arn", stack -> "arn:aws:sagemaker:" + stack.groundTruth().region() + ":"
                    + stack.groundTruth().accountId() + ":workteam/private-crowd/dev-services");
        }
        if (value(config, "role-arn").isEmpty()) {
            provided.put(PREFIX + "role-arn",
                    stack -> "arn:aws:iam::" + stack.groundTruth().accountId() + ":role/GroundTruth");
        }
        if (s3OutputPath.isEmpty()) {
            provided.put(PREFIX + "s3-output-path", stack -> "s3://" + bucket + "/output");
        }
        for (String property : List.of(LocalGroundTruthProperties.SAGEMAKER, LocalGroundTruthProperties.SNS,
                LocalGroundTruthProperties.SQS, LocalGroundTruthProperties.S3, LocalGroundTruthProperties.REGION,
                LocalGroundTruthProperties.ACCOUNT_ID, LocalGroundTruthProperties.ACCESS_KEY,
                LocalGroundTruthProperties.SECRET_KEY)) {
            provided.put(property, stack -> stack.properties().get(property));
        }

        String workers = devServices.workers();
        return Optional.of(DevServicesResultBuildItem.<LocalGroundTruthDevService>owned()
                .feature(SageMakerLabelingProcessor.FEATURE)
                .description("Local Ground Truth (SageMaker labeling jobs, SNS, SQS, S3 on 127.0.0.1)")
                .serviceConfig(List.of(region.orElse(""), workers, bucket))
                .startable(() -> new LocalGroundTruthDevService(region.orElse(null), WorkersSpec.parse(workers),
                        bucket))
                .configProvider(provided)
                .build());
    }

    /** The value of {@code quarkus.camel.sagemaker-labeling.<option>}, or of the component's option of that name. */
    private static Optional<String> value(Config config, String option) {
        Optional<String> mapped = lookup(config, PREFIX + option);
        return mapped.isPresent() ? mapped : lookup(config, COMPONENT_PREFIX + camelCase(option));
    }

    private static boolean isSet(Config config, String name) {
        return lookup(config, name).isPresent();
    }

    /**
     * A property's value. One whose expression cannot be expanded at build time (e.g. an environment variable only
     * the running app has) counts as set, with an empty value.
     */
    private static Optional<String> lookup(Config config, String name) {
        try {
            return config.getOptionalValue(name, String.class);
        } catch (NoSuchElementException e) {
            return Optional.of("");
        }
    }

    private static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static String bucketOf(String s3OutputPath) {
        URI uri = URI.create(s3OutputPath);
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(PREFIX + "s3-output-path must be an s3://bucket/prefix URI, was "
                    + s3OutputPath);
        }
        return uri.getHost();
    }
}
