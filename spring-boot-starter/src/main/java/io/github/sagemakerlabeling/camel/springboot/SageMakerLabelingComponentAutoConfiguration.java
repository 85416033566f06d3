package io.github.sagemakerlabeling.camel.springboot;

import io.github.sagemakerlabeling.camel.SageMakerLabelingComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.sagemaker-labeling.*} properties to the {@code sagemaker-labeling} component
 * when Camel creates it, as the auto-configurations of Camel's own starters do. Turned off by
 * {@code camel.component.sagemaker-labeling.enabled=false}; its customizer by
 * {@code camel.component.sagemaker-labeling.customizer.enabled=false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, SageMakerLabelingComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, SageMakerLabelingComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.sagemaker-labeling"})
public class SageMakerLabelingComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final SageMakerLabelingComponentConfiguration configuration;

    public SageMakerLabelingComponentAutoConfiguration(ApplicationContext applicationContext,
            SageMakerLabelingComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    /** Copies the properties that are set onto the component. */
    @Lazy
    @Bean
    public ComponentCustomizer configureSageMakerLabelingComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.sagemaker-labeling.customizer")
                        && target instanceof SageMakerLabelingComponent;
            }
        };
    }
}
