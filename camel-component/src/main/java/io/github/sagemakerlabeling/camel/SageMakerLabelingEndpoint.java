package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.camel.consumer.JobEventConsumer;
import io.github.sagemakerlabeling.camel.job.ChainPreset;
import io.github.sagemakerlabeling.camel.job.EndpointJobSpec;
import io.github.sagemakerlabeling.camel.metrics.JobCounterPolls;
import io.github.sagemakerlabeling.camel.metrics.LabelingMetrics;
import io.github.sagemakerlabeling.core.service.EnsuredJob;
import io.github.sagemakerlabeling.core.service.JobChain;
import io.github.sagemakerlabeling.core.service.JobSuccession;
import io.github.sagemakerlabeling.core.service.LabelingJobs;
import io.github.sagemakerlabeling.core.service.backlog.FeedCounters;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.upload.UploadSettings;
import java.time.Clock;
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
    private volatile JobChain chain;
    /** Set when the endpoint ensures its job with the rollover option. */
    private volatile JobSuccession succession;
    private volatile LabelingMetrics metrics = LabelingMetrics.NONE;
    private JobCounterPolls counterPolls = JobCounterPolls.NONE;

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
            JobEventConsumer events = new JobEventConsumer(this, processor, this::currentJobName, this::labelingJobs,
                    routeId -> SageMakerLabelingConsumer.healthCheck(this, routeId, Optional::empty));
            events.watchIdleAndRollover(() -> chain, Duration.ofMillis(configuration.getIdleWarningAfter()),
                    this::clock, () -> Optional.ofNullable(succession));
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
        if (configuration.isRollover() && !EndpointJobSpec.isWanted(configuration)) {
            throw new IllegalArgumentException("Endpoint sagemaker-labeling:" + jobName + ": rollover=true needs the"
                    + " job's options (taskType and the others, or ensureJob=true), so that the successor can be"
                    + " created from the same spec");
        }
        metrics = getComponent().metrics().forEndpoint(getCamelContext(), jobName, configuration);
        clients.start(configuration, getComponent().clientFactoryOrDefault());
        chain = getComponent().chain(jobName, clock());
        if (EndpointJobSpec.isWanted(configuration)) {
            try {
                ensureJob();
            } catch (RuntimeException e) {
                // A failed start is not stopped: close the clients built for it here.
                clients.stop();
                throw e;
            }
        }
        counterPolls = JobCounterPolls.start(getCamelContext(), this, jobName,
                configuration.getMetricsJobCountersInterval(), metrics, () -> labelingJobs().find(jobName));
    }

    /**
     * Creates the job the options describe, or attaches to it when it already runs with the same spec. Every job
     * option is checked before the first AWS call that changes anything; a job chained with {@code chainFrom} first
     * describes the job it reviews.
     */
    private void ensureJob() {
        ChainPreset preset = ChainPreset.resolve(jobName, configuration, sageMaker(), s3());
        EndpointJobSpec wanted = EndpointJobSpec.of(jobName, configuration, region(), getCamelContext(), preset);
        LabelingJobSpec spec = wanted.resolve(sns(), s3());
        if (configuration.isRollover()) {
            succession = new JobSuccession(labelingJobs(), spec, chain, clock(),
                    Duration.ofMillis(configuration.getRolloverCheckInterval()));
            ensuredJob = succession.ensure();
        } else {
            ensuredJob = labelingJobs().ensure(spec);
        }
    }

    /**
     * Called before data objects are published: with rollover, holds the caller while the job's successor is not
     * InProgress (see {@link JobSuccession#awaitRunning}); records the send for the idle warning.
     */
    void beforeSend() {
        JobSuccession current = succession;
        if (current != null) {
            current.awaitRunning(Duration.ofMillis(configuration.getRolloverTimeout()));
        }
        chain.sent(clock().instant());
    }

    /** The job data objects go to now: the endpoint's job, or its newest successor after a rollover. */
    String currentJobName() {
        JobChain current = chain;
        return current == null ? jobName : current.current();
    }

    /** The clock option, else the system clock. */
    private Clock clock() {
        return configuration.getClock() != null ? configuration.getClock() : Clock.systemUTC();
    }

    /** The job's region: the region option, else the SageMaker client's. */
    private String region() {
        return configuration.getRegion() != null ? configuration.getRegion()
                : sageMaker().serviceClientConfiguration().region().id();
    }

    @Override
    protected void doStop() throws Exception {
        counterPolls.close();
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

    /** The job lifecycle service on this endpoint's SageMaker client; what it describes updates the meters. */
    LabelingJobs labelingJobs() {
        return new LabelingJobs(sageMaker(), JOB_POLL_INTERVAL, job -> metrics.described(job));
    }

    /** The meters of this endpoint's job; no-op without a MeterRegistry. */
    LabelingMetrics metrics() {
        return metrics;
    }
}
