package io.github.sagemakerlabeling.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingComponent;
import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.camel.SageMakerLabelingOperations;
import io.github.sagemakerlabeling.camel.client.DefaultSageMakerLabelingClientFactory;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/** The starter's properties reach the component Camel creates, through Spring Boot's own binding. */
class SageMakerLabelingComponentAutoConfigurationTest {

    private static final String PREFIX = "camel.component.sagemaker-labeling.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    SageMakerLabelingComponentConverter.class, SageMakerLabelingComponentAutoConfiguration.class));

    @Test
    void propertiesOfEveryKindReachTheComponent() {
        runner.withPropertyValues(PREFIX + "region=eu-west-1", PREFIX + "task-type=textClassification",
                PREFIX + "labels=positive,negative", PREFIX + "auto-create-topics=true",
                PREFIX + "concurrent-consumers=3", PREFIX + "job-status-timeout=2m", PREFIX + "operation=send-data-objects",
                PREFIX + "ensure-job=false", PREFIX + "max-concurrent-task-count=50",
                PREFIX + "tags=project=reviews,team=data", PREFIX + "sns-client=#bean:labelingSns",
                PREFIX + "client-factory=#labelingClients", PREFIX + "secret-key=s3cr3t")
                .withUserConfiguration(SnsClientBean.class)
                .withBean("labelingClients", DefaultSageMakerLabelingClientFactory.class)
                .run(context -> {
                    SageMakerLabelingComponent component = component(context.getBean(CamelContext.class));
                    assertThat(component.getClientFactory()).isSameAs(context.getBean("labelingClients"));
                    SageMakerLabelingConfiguration options = component.getConfiguration();
                    assertThat(options.getRegion()).isEqualTo("eu-west-1");
                    assertThat(options.getTaskType()).isEqualTo("textClassification");
                    assertThat(options.getLabels()).isEqualTo("positive,negative");
                    assertThat(options.isAutoCreateTopics()).isTrue();
                    assertThat(options.getConcurrentConsumers()).isEqualTo(3);
                    assertThat(options.getJobStatusTimeout()).isEqualTo(120_000);
                    assertThat(options.getOperation()).isEqualTo(SageMakerLabelingOperations.sendDataObjects);
                    assertThat(options.getEnsureJob()).isFalse();
                    assertThat(options.getMaxConcurrentTaskCount()).isEqualTo(50);
                    assertThat(options.getTags()).hasToString("project=reviews,team=data");
                    assertThat(options.getSnsClient()).isSameAs(context.getBean("labelingSns"));
                    assertThat(options.getSecretKey()).isEqualTo("s3cr3t");
                });
    }

    @Test
    void optionsThatAreNotSetKeepTheComponentsDefaults() {
        runner.withPropertyValues(PREFIX + "region=eu-west-1").run(context -> {
            SageMakerLabelingConfiguration options = component(context.getBean(CamelContext.class)).getConfiguration();
            SageMakerLabelingConfiguration defaults = new SageMakerLabelingConfiguration();
            assertThat(options.getEnsureJob()).isNull();
            assertThat(options.getJobStatusTimeout()).isEqualTo(defaults.getJobStatusTimeout());
            assertThat(options.getWaitTimeSeconds()).isEqualTo(defaults.getWaitTimeSeconds());
            assertThat(options.getOperation()).isEqualTo(defaults.getOperation());
        });
    }

    @Test
    void tagsCanReferToAMapBean() {
        runner.withPropertyValues(PREFIX + "tags=#bean:jobTags").withBean("jobTags", Map.class,
                () -> Map.of("project", "reviews")).run(context -> assertThat(
                        component(context.getBean(CamelContext.class)).getConfiguration().getTags())
                        .hasToString("project=reviews"));
    }

    @Test
    void aClientThatIsNotABeanReferenceFailsTheStartNamingTheProperty() {
        runner.withPropertyValues(PREFIX + "sns-client=labelingSns").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("must be a bean reference, #bean:name or #name, to a "
                        + "SnsClient bean, was labelingSns"));
    }

    @Test
    void disabledAutoConfigurationLeavesTheComponentAlone() {
        runner.withPropertyValues(PREFIX + "enabled=false", PREFIX + "region=eu-west-1").run(context -> {
            assertThat(context).doesNotHaveBean(SageMakerLabelingComponentAutoConfiguration.class);
            assertThat(component(context.getBean(CamelContext.class)).getConfiguration().getRegion()).isNull();
        });
    }

    @Test
    void disabledCustomizerLeavesTheComponentAlone() {
        runner.withPropertyValues(PREFIX + "customizer.enabled=false", PREFIX + "region=eu-west-1")
                .run(context -> assertThat(component(context.getBean(CamelContext.class)).getConfiguration()
                        .getRegion()).isNull());
    }

    private static SageMakerLabelingComponent component(CamelContext camelContext) {
        return camelContext.getComponent("sagemaker-labeling", SageMakerLabelingComponent.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class SnsClientBean {

        @Bean(destroyMethod = "close")
        SnsClient labelingSns() {
            return SnsClient.builder().region(Region.EU_WEST_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build();
        }
    }
}
