package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.camel.job.EndpointJobSpec;
import io.github.sagemakerlabeling.core.service.EnsuredJob;
import io.github.sagemakerlabeling.camel.consumer.JobEventConsumer;
import io.github.sagemakerlabeling.core.service.LabelingJobs;
import io.github.sagemakerlabeling.core.service.backlog.FeedCounters;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.upload.UploadSettings;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Feed data objects to an Amazon SageMaker Ground Truth streaming labeling job, manage the job, and route its labeled
 * output.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "sagemaker-labeling", title = "SageMaker Ground Truth Labeling",
             syntax = "sagemaker-labeling:jobName", category = { Category.CLOUD, Category.AI },
             headersClass = SageMakerLabelingConstants.class)
public class SageMakerLabelingEndpoint extends ScheduledPollEndpoint {

    private static final Duration JOB_POLL_INTERVAL = Duration.ofSeconds(2);

    @UriPath(description = "The streaming labeling job's name")
    @Metadata(required = true)
    private String jobName;
    @UriParam
    private final SageMakerLabelingConfiguration configuration;

    private final OwnedClients clients = new OwnedClients();
    private volatile EnsuredJob ensuredJob;
    private volatile UploadSettings uploadSettings;

    public SageMakerLabelingEndpoint(String uri, SageMakerLabelingComponent component,
                                     SageMakerLabelingConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        this.jobName = configuration.getJobName();
    }

    @Override
    public SageMakerLabelingComponent getComponent() {
        return (SageMakerLabelingComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new SageMakerLabelingProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.isJobEvents()) {
            JobEventConsumer events = new JobEventConsumer(this, processor, jobName, this::labelingJobs,
                    routeId -> SageMakerLabelingConsumer.healthCheck(this, routeId, Optional::empty));
            configureConsumer(events);
            // A delay the user set wins over jobEventsInterval, as on any scheduled poll consumer.
            events.setDelay(getDelay() >= 0 ? getDelay() : configuration.getJobEventsInterval());
            events.setBudgetEvents(feedCounters()::takeBudgetSpent);
            return events;
        }
        SageMakerLabelingConsumer consumer = new SageMakerLabelingConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Checks the options, then builds the clients and ensures the job the options describe, if any. Every option is
     * checked before the first AWS call.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        uploadSettings = new EndpointOptions(jobName, configuration).uploadSettings();
        clients.start(configuration, getComponent().clientFactoryOrDefault());
        if (EndpointJobSpec.isWanted(configuration)) {
            try {
                ensureJob();
            } catch (RuntimeException e) {
                // A failed start is not stopped: close the clients built for it here.
                clients.stop();
                throw e;
            }
        }
    }

    /**
     * Creates the job the options describe, or attaches to it when it already runs with the same spec. Every job
     * option is checked before the first AWS call.
     */
    private void ensureJob() {
        EndpointJobSpec wanted = EndpointJobSpec.of(jobName, configuration, region(), getCamelContext());
        LabelingJobSpec spec = wanted.resolve(sns(), s3());
        ensuredJob = labelingJobs().ensure(spec);
    }

    /** The job's region: the region option, else the SageMaker client's. */
    private String region() {
        return configuration.getRegion() != null ? configuration.getRegion()
                : sageMaker().serviceClientConfiguration().region().id();
    }

    @Override
    protected void doStop() throws Exception {
        clients.stop();
        super.doStop();
    }

    /** The endpoint's options. */
    public SageMakerLabelingConfiguration getConfiguration() {
        return configuration;
    }

    public String getJobName() {
        return jobName;
    }

    SageMakerClient sageMaker() {
        return clients.sageMaker();
    }

    SnsClient sns() {
        return clients.sns();
    }

    SqsClient sqs() {
        return clients.sqs();
    }

    S3Client s3() {
        return clients.s3();
    }

    /** The job this endpoint ensured when it started; {@code null} when it ensures none (see ensureJob). */
    public EnsuredJob getEnsuredJob() {
        return ensuredJob;
    }

    /** Where binary bodies are uploaded; {@code null} without the uploadBucket option. */
    UploadSettings uploadSettings() {
        return uploadSettings;
    }

    /** What the producers and consumers of this endpoint's job in the CamelContext sent and received. */
    FeedCounters feedCounters() {
        return getComponent().jobFeeds().of(jobName);
    }

    /** The job lifecycle service on this endpoint's SageMaker client. */
    LabelingJobs labelingJobs() {
        return new LabelingJobs(sageMaker(), JOB_POLL_INTERVAL);
    }
}
