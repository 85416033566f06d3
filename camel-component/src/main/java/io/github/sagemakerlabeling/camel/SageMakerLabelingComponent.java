package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.camel.backpressure.JobFeeds;
import io.github.sagemakerlabeling.camel.client.DefaultSageMakerLabelingClientFactory;
import io.github.sagemakerlabeling.camel.client.SageMakerLabelingClientFactory;
import io.github.sagemakerlabeling.camel.metrics.ComponentMetrics;
import io.github.sagemakerlabeling.core.service.JobChain;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code sagemaker-labeling} component: Amazon SageMaker Ground Truth streaming labeling jobs in routes. */
@Component("sagemaker-labeling")
public class SageMakerLabelingComponent extends HealthCheckComponent {

    @Metadata
    private SageMakerLabelingConfiguration configuration = new SageMakerLabelingConfiguration();
    @Metadata(label = "advanced", autowired = true)
    private SageMakerLabelingClientFactory clientFactory;
    /** What this application knows of each job's rollover chain, shared by the endpoints of the job. */
    private final Map<String, JobChain> chains = new ConcurrentHashMap<>();
    private final ComponentMetrics metrics = new ComponentMetrics();
    private final JobFeeds jobFeeds = new JobFeeds();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("The labeling job name is missing: use sagemaker-labeling:<jobName>");
        }
        SageMakerLabelingConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setJobName(remaining);
        SageMakerLabelingEndpoint endpoint = new SageMakerLabelingEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public SageMakerLabelingConfiguration getConfiguration() {
        return configuration;
    }

    /** The defaults every endpoint starts from. */
    public void setConfiguration(SageMakerLabelingConfiguration configuration) {
        this.configuration = configuration;
    }

    /** What the producers and consumers of each job sent and received, for back-pressure and budget. */
    JobFeeds jobFeeds() {
        return jobFeeds;
    }

    public SageMakerLabelingClientFactory getClientFactory() {
        return clientFactory;
    }

    /**
     * The client factory endpoints build their clients with: the one set, else the default, created on first use.
     * Not in doInit or doStart: Spring Boot registers components before autowiring can inject a factory, and an
     * endpoint inside an EIP (a split, say) may start before its component does.
     */
    synchronized SageMakerLabelingClientFactory clientFactoryOrDefault() {
        if (clientFactory == null) {
            clientFactory = new DefaultSageMakerLabelingClientFactory();
        }
        return clientFactory;
    }

    /** The rollover chain of a job, shared by every endpoint of the job (names compare without case, as SageMaker's). */
    JobChain chain(String jobName, Clock clock) {
        return chains.computeIfAbsent(jobName.toLowerCase(Locale.ROOT), key -> new JobChain(jobName, clock.instant()));
    }

    /** The meters of the endpoints' jobs. */
    ComponentMetrics metrics() {
        return metrics;
    }

    /** Builds the AWS clients endpoints need when no client bean is given. */
    public void setClientFactory(SageMakerLabelingClientFactory clientFactory) {
        this.clientFactory = clientFactory;
    }
}
