package io.github.sagemakerlabeling.quarkus;

import io.github.sagemakerlabeling.camel.SageMakerLabelingComponent;
import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.smallrye.config.SmallRyeConfig;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelContextCustomizer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Applies {@link SageMakerLabelingConfig} to the app's {@code sagemaker-labeling} component when Camel Quarkus
 * customizes the context. An option also set as {@code camel.component.sagemaker-labeling.<option>} keeps that value:
 * Camel's own property wins over the mapping.
 */
public class SageMakerLabelingConfigurer implements CamelContextCustomizer {

    /** The component's name in endpoint URIs. */
    public static final String COMPONENT = "sagemaker-labeling";
    private static final String COMPONENT_PREFIX = "camel.component." + COMPONENT + ".";

    @Override
    public void configure(CamelContext camelContext) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        SageMakerLabelingConfiguration component = camelContext
                .getComponent(COMPONENT, SageMakerLabelingComponent.class).getConfiguration();
        new Applier(config, component).apply(config.getConfigMapping(SageMakerLabelingConfig.class));
    }

    /** Sets each mapped option on the component unless Camel's property names it. */
    private record Applier(Config config, SageMakerLabelingConfiguration component) {

        void apply(SageMakerLabelingConfig mapping) {
            set("region", mapping.region(), component::setRegion);
            // Static keys win over the default chain: Dev Services add them to an app configured for AWS.
            if (mapping.accessKey().isPresent() && mapping.secretKey().isPresent()) {
                set("accessKey", mapping.accessKey(), component::setAccessKey);
                set("secretKey", mapping.secretKey(), component::setSecretKey);
                set("useDefaultCredentialsProvider", Optional.of(false), component::setUseDefaultCredentialsProvider);
            } else {
                set("useDefaultCredentialsProvider", mapping.useDefaultCredentialsProvider(),
                        component::setUseDefaultCredentialsProvider);
            }

            SageMakerLabelingConfig.Endpoints endpoints = mapping.endpoint();
            set("sageMakerEndpointOverride", endpoints.sagemaker(), component::setSageMakerEndpointOverride);
            set("snsEndpointOverride", endpoints.sns(), component::setSnsEndpointOverride);
            set("sqsEndpointOverride", endpoints.sqs(), component::setSqsEndpointOverride);
            set("s3EndpointOverride", endpoints.s3(), component::setS3EndpointOverride);
            if (endpoints.sagemaker().isPresent() || endpoints.sns().isPresent() || endpoints.sqs().isPresent()
                    || endpoints.s3().isPresent()) {
                set("overrideEndpoint", Optional.of(true), component::setOverrideEndpoint);
            }

            set("taskType", mapping.taskType(), component::setTaskType);
            set("labels", mapping.labels().map(labels -> String.join(",", labels)), component::setLabels);
            set("taskTitle", mapping.taskTitle(), component::setTaskTitle);
            set("taskDescription", mapping.taskDescription(), component::setTaskDescription);
            set("workteamArn", mapping.workteamArn(), component::setWorkteamArn);
            set("roleArn", mapping.roleArn(), component::setRoleArn);
            set("s3OutputPath", mapping.s3OutputPath(), component::setS3OutputPath);
            set("autoCreateTopics", mapping.autoCreateTopics(), component::setAutoCreateTopics);
        }

        private <T> void set(String option, Optional<T> value, Consumer<T> setter) {
            if (value.isPresent() && !setByCamel(option)) {
                setter.accept(value.get());
            }
        }

        private boolean setByCamel(String option) {
            return config.getConfigValue(COMPONENT_PREFIX + option).getRawValue() != null
                    || config.getConfigValue(COMPONENT_PREFIX + kebabCase(option)).getRawValue() != null;
        }

        private static String kebabCase(String camelCase) {
            return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        }
    }
}
