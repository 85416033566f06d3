package io.github.sagemakerlabeling.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Dev Services for the component: Local Ground Truth, started in dev and test mode when no AWS endpoint is
 * configured ({@code quarkus.camel.sagemaker-labeling.devservices.*}).
 */
@ConfigMapping(prefix = "quarkus.camel.sagemaker-labeling.devservices")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface LocalGroundTruthDevServicesConfig {

    /**
     * Whether Dev Services start Local Ground Truth. They never do when an endpoint is configured
     * ({@code quarkus.camel.sagemaker-labeling.endpoint.*} or the component's {@code *EndpointOverride} options),
     * nor when {@code quarkus.devservices.enabled} is {@code false}.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The simulated workers: {@code random[:seed=N,disagreement=R]} (a seeded crowd that sometimes disagrees),
     * {@code first-label} (every answer is the job's first label) or
     * {@code keywords:delicious=positive,great=positive,*=negative} (the first keyword a text contains names its
     * label; {@code *} names the label of every other text).
     */
    @WithDefault("random:seed=1,disagreement=0.1")
    String workers();

    /**
     * The bucket created in Local Ground Truth's S3 for the job's output, when the app configures no
     * {@code s3-output-path} (Dev Services then set it to {@code s3://<bucket>/output}). A configured
     * {@code s3://} output path gets its bucket created instead.
     */
    @WithDefault("labeling")
    String bucket();
}
