package io.github.sagemakerlabeling.quarkus.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/** The test app: the job's labeled results into {@link LabeledTexts} (the test sends texts to {@link #JOB}). */
@ApplicationScoped
public class LabelingRoutes extends RouteBuilder {

    static final String JOB = "sagemaker-labeling:dev-services-reviews";

    @Inject
    LabeledTexts labeled;

    @Override
    public void configure() {
        from(JOB).routeId("labeled").process(labeled::record);
    }
}
