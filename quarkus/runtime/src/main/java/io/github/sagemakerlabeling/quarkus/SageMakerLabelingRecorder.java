package io.github.sagemakerlabeling.quarkus;

import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import org.apache.camel.spi.CamelContextCustomizer;

/** Hands Camel Quarkus the customizer that applies {@code quarkus.camel.sagemaker-labeling.*} at run time. */
@Recorder
public class SageMakerLabelingRecorder {

    /** The customizer, created when the app starts. */
    public RuntimeValue<CamelContextCustomizer> configurer() {
        return new RuntimeValue<>(new SageMakerLabelingConfigurer());
    }
}
