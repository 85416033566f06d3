package io.github.sagemakerlabeling.quarkus.deployment;

import io.github.sagemakerlabeling.quarkus.SageMakerLabelingRecorder;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import org.apache.camel.quarkus.core.deployment.spi.RuntimeCamelContextCustomizerBuildItem;

/** The extension's build steps: its feature, and {@code quarkus.camel.sagemaker-labeling.*} applied at run time. */
class SageMakerLabelingProcessor {

    static final String FEATURE = "camel-sagemaker-labeling";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    RuntimeCamelContextCustomizerBuildItem configureComponent(SageMakerLabelingRecorder recorder) {
        return new RuntimeCamelContextCustomizerBuildItem(recorder.configurer());
    }
}
