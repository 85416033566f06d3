package io.github.sagemakerlabeling.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingComponent;
import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An app that names its SageMaker endpoint gets no Dev Service: the component keeps the configured endpoint. */
class NoDevServicesWithEndpointTest {

    private static final String ENDPOINT = "http://127.0.0.1:9320";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("camel.component.sagemaker-labeling.sageMakerEndpointOverride", ENDPOINT)
            .overrideConfigKey("camel.component.sagemaker-labeling.overrideEndpoint", "true")
            .overrideConfigKey("quarkus.camel.sagemaker-labeling.region", "eu-west-1");

    @Inject
    CamelContext camel;

    @Test
    void noLocalGroundTruthStartsAndTheConfiguredEndpointStays() {
        Config config = ConfigProvider.getConfig();
        assertThat(config.getOptionalValue("local-ground-truth.sagemaker", String.class)).isEmpty();
        assertThat(config.getOptionalValue("quarkus.camel.sagemaker-labeling.endpoint.sqs", String.class)).isEmpty();
        assertThat(config.getOptionalValue("quarkus.camel.sagemaker-labeling.workteam-arn", String.class)).isEmpty();

        SageMakerLabelingConfiguration component = camel.getComponent("sagemaker-labeling",
                SageMakerLabelingComponent.class).getConfiguration();
        assertThat(component.getSageMakerEndpointOverride()).isEqualTo(ENDPOINT);
        assertThat(component.getSqsEndpointOverride()).isNull();
        assertThat(component.getAccessKey()).isNull();
        assertThat(component.getRegion()).isEqualTo("eu-west-1");
    }
}
