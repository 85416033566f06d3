package io.github.sagemakerlabeling.local;

import io.github.sagemakerlabeling.local.edge.EdgeEndpoint;
import io.github.sagemakerlabeling.local.engine.AwsClients;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.engine.JobJournal;
import io.github.sagemakerlabeling.local.engine.StreamingEngine;
import io.github.sagemakerlabeling.local.faults.FaultInjector;
import io.github.sagemakerlabeling.local.faults.SqsFaultProxy;
import io.github.sagemakerlabeling.local.portal.PortalAccess;
import io.github.sagemakerlabeling.local.portal.ReadGrants;
import io.github.sagemakerlabeling.local.portal.TemplateRenderer;
import io.github.sagemakerlabeling.local.portal.WorkerPortal;
import io.github.sagemakerlabeling.local.s3.LocalS3;
import io.github.sagemakerlabeling.local.sagemaker.RenderUiTemplateHandler;
import io.github.sagemakerlabeling.local.sagemaker.LabelingJobApi;
import io.github.sagemakerlabeling.local.sagemaker.SageMakerHttpServer;
import io.github.sagemakerlabeling.local.sns.LocalSns;
import io.github.sagemakerlabeling.local.sqs.LocalSqs;
import io.github.sagemakerlabeling.local.sqs.QueuePolicies;
import io.github.sagemakerlabeling.local.store.DataDirectory;
import io.github.sagemakerlabeling.local.time.SimulationClock;
import io.github.sagemakerlabeling.local.workers.Annotator;
import io.github.sagemakerlabeling.local.workers.LabeledResults;
import io.github.sagemakerlabeling.local.workers.TaskPool;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.RenderUiTemplateRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Local Ground Truth: SNS, SQS, S3 and the SageMaker labeling-job API with a streaming engine that behaves like
 * Ground Truth, all on 127.0.0.1. Point any AWS SDK or the AWS CLI at its endpoints with dummy credentials.
 *
 * <pre>{@code
 * try (LocalGroundTruth local = LocalGroundTruth.builder().start()) {
 *     SageMakerClient sageMaker = local.sageMakerClient();
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #faults()} makes the application's requests fail or slow down, as AWS sometimes does.
 * {@link #close()} stops every server and releases every port and thread.
 */
public final class LocalGroundTruth implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalGroundTruth.class);
    /** How many times {@link #reset} empties a bucket that an ending job runner wrote to again. */
    private static final int RESET_BUCKET_ATTEMPTS = 5;

    private final String region;
    private final String accountId;
    private final SimulationClock clock;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final FaultInjector faults = new FaultInjector();
    private final QueuePolicies queuePolicies = new QueuePolicies();
    private final SqsFaultProxy sqsProxy;
    private final LocalSqs sqs;
    private final LocalS3 s3;
    private final LocalSns sns;
    private final StreamingEngine engine;
    private final LabelingJobApi labelingJobs;
    private final SageMakerHttpServer sageMaker;
    private final EdgeEndpoint edge;
    private final AwsClients engineClients;
    private final TaskPool people = new TaskPool();
    private final LabeledResults results = new LabeledResults();
    private final WorkerPortal portal;
    private final DataDirectory dataDirectory;
    private final JobJournal jobJournal;

    private LocalGroundTruth(Builder builder) {
        this.region = builder.region;
        this.accountId = builder.accountId;
        this.clock = builder.clock;
        try (ParallelStart parallel = new ParallelStart()) {
            dataDirectory = track(builder.dataDir == null ? DataDirectory.inMemory()
                    : DataDirectory.open(builder.dataDir));
            // Applications reach SQS through the fault proxy (on the SQS port), and ElasticMQ names the proxy in
            // queue URLs; the engine and SNS delivery talk to ElasticMQ directly, so faults never hit them.
            sqsProxy = track(new SqsFaultProxy(builder.sqsPort, faults, queuePolicies,
                    dataDirectory.queueAttributes()));
            // ElasticMQ takes longest (about 2 s in a fresh JVM): this thread starts it while a helper starts
            // S3Proxy and then loads the SDK client classes that SNS and the engine need once ElasticMQ is up.
            // If a part fails, the other one is still waited for (ParallelStart.close) and then stopped.
            Future<LocalS3> s3Started = parallel.submit(() -> {
                LocalS3 started = track(LocalS3.builder().port(builder.s3Port)
                        .directory(builder.s3Directory != null ? builder.s3Directory : dataDirectory.s3().orElse(null))
                        .start());
                loadClientClasses(region);
                return started;
            });
            sqs = track(LocalSqs.builder().region(region).accountId(accountId).publicEndpoint(sqsProxy.endpoint())
                    .messageStore(dataDirectory.sqs().orElse(null)).start());
            sqsProxy.start(sqs.endpoint());
            sns = track(LocalSns.builder(sqs.endpoint()).port(builder.snsPort).region(region).accountId(accountId)
                    .clock(clock).faults(faults).queuePolicies(queuePolicies).journal(dataDirectory.sns()).start());
            s3 = ParallelStart.await(s3Started);
            engineClients = new AwsClients(track(LocalAwsClients.sqs(sqs.endpoint(), region)),
                    track(LocalAwsClients.configure(SnsClient.builder(), sns.endpoint(), region)
                            .overrideConfiguration(c -> c.putHeader(FaultInjector.INTERNAL_CALLER_HEADER, "engine"))
                            .build()),
                    track(LocalAwsClients.s3(s3.endpoint(), region)));
            jobJournal = new JobJournal(dataDirectory.jobs());
            catchUpClock(jobJournal);
            engine = track(new StreamingEngine(clock, engineClients, builder.effectiveEngineSettings(), people, results,
                    jobJournal));
            labelingJobs = new LabelingJobApi(region, accountId, clock, engine);
            resumeJobs();
            sageMaker = track(new SageMakerHttpServer(labelingJobs, builder.sageMakerPort, faults));
            ReadGrants grants = new ReadGrants(URI.create("http://" + LocalDefaults.HOST));
            TemplateRenderer renderer = new TemplateRenderer(grants::grant);
            portal = track(new WorkerPortal(builder.portalPort, builder.portalAccess, people, engineClients.s3(),
                    grants, renderer, clock, labelingJobs::jobs, results));
            RenderUiTemplateHandler preview = new RenderUiTemplateHandler(renderer);
            sageMaker.serve("RenderUiTemplate", RenderUiTemplateRequest::builder, b -> preview.render(b.build()));
            // Last: the edge forwards to every other server, the portal included.
            edge = track(new EdgeEndpoint(builder.edgePort, endpoints()));
        } catch (Exception e) {
            // The parallel start has ended (its close() waited): whatever any part started is tracked.
            close();
            throw new IllegalStateException("Local Ground Truth failed to start: " + e.getMessage(), e);
        }
        LOG.info("Local Ground Truth started: {}", endpoints());
    }

    /** The simulation clock goes on from the latest time the stack recorded before it restarted, if that is ahead. */
    private void catchUpClock(JobJournal journal) {
        journal.latestTime().ifPresent(latest -> {
            Duration ahead = Duration.between(clock.instant(), latest);
            if (!ahead.isNegative() && !ahead.isZero()) {
                clock.advance(ahead);
            }
        });
    }

    /** Takes back the labeling jobs the data directory kept, and runs again those that had not ended. */
    private void resumeJobs() {
        List<JobJournal.RecordedJob> recorded = jobJournal.jobs();
        jobJournal.compact();
        for (JobJournal.RecordedJob job : recorded) {
            engine.resume(labelingJobs.restore(job.request(), job.arn(), job.reference(), job.creationTime(),
                    job.state()));
        }
        if (!recorded.isEmpty()) {
            LOG.info("Local Ground Truth took back {} labeling jobs from {}", recorded.size(),
                    dataDirectory.root().orElseThrow());
        }
    }

    /** The directory the stack keeps its state in ({@link Builder#dataDir}), or empty when it runs in memory. */
    public Optional<Path> dataDir() {
        return dataDirectory.root();
    }

    /** A builder for a stack on free ports, in {@code us-east-1}, account {@code 000000000000}, in real time. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Each service's endpoint, by name: {@code sagemaker}, {@code sns}, {@code sqs}, {@code s3}, and the worker
     * portal's address, {@code portal}.
     */
    public Map<String, URI> endpoints() {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        endpoints.put("sagemaker", sageMaker.endpoint());
        endpoints.put("sns", sns.endpoint());
        endpoints.put("sqs", sqsProxy.endpoint());
        endpoints.put("s3", s3.endpoint());
        endpoints.put("portal", portal.endpoint());
        return Collections.unmodifiableMap(endpoints);
    }

    /**
     * The edge endpoint: one port for all four services, routed by each request (see {@link EdgeEndpoint}), e.g. for
     * {@code AWS_ENDPOINT_URL}.
     */
    public URI edgeEndpoint() {
        return edge.endpoint();
    }

    /** The edge endpoint's health URL: {@code GET} answers 200 with each service's endpoint. */
    public URI healthUrl() {
        return edge.healthUrl();
    }

    /** The worker portal, where people label the tasks of work teams whose workforce is people. */
    public URI portalEndpoint() {
        return portal.endpoint();
    }

    /**
     * The address to give people for the worker portal: {@link #portalEndpoint()}, with {@code ?token=...} when it
     * has an access token ({@link Builder#portalAccess}).
     */
    public URI portalEntryUrl() {
        return portal.entryUrl();
    }

    /** The tasks waiting for people, which the worker portal serves. */
    public TaskPool people() {
        return people;
    }

    public URI sageMakerEndpoint() {
        return sageMaker.endpoint();
    }

    public URI snsEndpoint() {
        return sns.endpoint();
    }

    /** The SQS endpoint for applications: a proxy in front of ElasticMQ where {@link #faults()} take effect. */
    public URI sqsEndpoint() {
        return sqsProxy.endpoint();
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    /** The region the stack plays. */
    public String region() {
        return region;
    }

    /** The account id in every ARN the stack makes. */
    public String accountId() {
        return accountId;
    }

    /** The access key id to give clients; nothing checks it. */
    public String accessKeyId() {
        return "local";
    }

    /** The secret access key to give clients; nothing checks it. */
    public String secretAccessKey() {
        return "local";
    }

    /** The clock the labeling jobs run on; tests jump it forward to pass idle days at once. */
    public SimulationClock clock() {
        return clock;
    }

    /** A new SageMaker client for this stack; the caller closes it. */
    public SageMakerClient sageMakerClient() {
        return LocalAwsClients.configure(SageMakerClient.builder(), sageMaker.endpoint(), region).build();
    }

    /** A new SNS client for this stack; the caller closes it. */
    public SnsClient snsClient() {
        return LocalAwsClients.sns(sns.endpoint(), region);
    }

    /** A new SQS client for this stack; the caller closes it. */
    public SqsClient sqsClient() {
        return LocalAwsClients.sqs(sqsEndpoint(), region);
    }

    /**
     * The faults the SNS, SQS and SageMaker endpoints inject into the application's requests, e.g.
     * {@code local.faults().inject(Operation.SNS_PUBLISH, Fault.throttling(0.1))}. Local Ground Truth's own
     * traffic (the engine's, SNS delivery's) is never faulted. {@link #reset(EngineSettings)} clears them.
     */
    public FaultInjector faults() {
        return faults;
    }

    /** A new S3 client for this stack (path-style addressing); the caller closes it. */
    public S3Client s3Client() {
        return LocalAwsClients.s3(s3.endpoint(), region);
    }

    /** Which work teams label with simulated workers, people or both, for jobs created from now on. */
    public void workforces(WorkforcePlan plan) {
        engine.settings(engine.settings().withWorkforces(plan));
    }

    /** The simulated workers of jobs created from now on. */
    public void workers(Annotator annotator) {
        engine.settings(engine.settings().withAnnotator(annotator));
    }

    /** The engine settings of jobs created from now on. */
    public void engineSettings(EngineSettings settings) {
        engine.settings(settings);
    }

    /** The engine settings of jobs created from now on. */
    public EngineSettings engineSettings() {
        return engine.settings();
    }

    /**
     * Forgets everything: labeling jobs and their names, topics, queues, buckets, injected faults and their counters.
     * The servers keep running on their ports, so a test suite can share one stack and start each test from
     * nothing.
     */
    public void reset(EngineSettings settings) {
        faults.reset();
        queuePolicies.clear();
        engine.reset();
        labelingJobs.reset();
        jobJournal.clear();
        engine.settings(settings);
        SnsClient snsClient = engineClients.sns();
        snsClient.listTopicsPaginator().topics().forEach(topic -> snsClient.deleteTopic(b -> b.topicArn(topic.topicArn())));
        SqsClient sqsClient = engineClients.sqs();
        sqsClient.listQueues().queueUrls().forEach(url -> sqsClient.deleteQueue(b -> b.queueUrl(url)));
        S3Client s3Client = engineClients.s3();
        s3Client.listBuckets().buckets().forEach(bucket -> deleteBucket(s3Client, bucket.name()));
    }

    /**
     * Empties and deletes a bucket. A job runner that was told to end may still be finishing a write of its output,
     * so a bucket that is not empty after its objects were deleted is emptied again, a few times.
     */
    private static void deleteBucket(S3Client s3Client, String bucket) {
        for (int attempt = 1; ; attempt++) {
            s3Client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                    .forEach(object -> s3Client.deleteObject(b -> b.bucket(bucket).key(object.key())));
            try {
                s3Client.deleteBucket(b -> b.bucket(bucket));
                return;
            } catch (S3Exception e) {
                if (e.statusCode() != 409 || attempt == RESET_BUCKET_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> reversed;
        synchronized (resources) {
            reversed = new ArrayList<>(resources);
            resources.clear();
        }
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed", resource, e);
            }
        }
    }

    /** Remembers a started part for {@link #close()}; parts start on more than one thread. */
    private <T extends AutoCloseable> T track(T resource) {
        synchronized (resources) {
            resources.add(resource);
        }
        return resource;
    }

    /**
     * Loads the classes of the SDK clients that SNS and the engine build, by building clients for a placeholder
     * endpoint (they connect nowhere), so that building the real ones later is quick.
     */
    private static void loadClientClasses(String region) {
        URI placeholder = URI.create("http://" + LocalDefaults.HOST + ":9");
        LocalAwsClients.sqs(placeholder, region).close();
        LocalAwsClients.sns(placeholder, region).close();
        LocalAwsClients.s3(placeholder, region).close();
    }

    /** Settings of a {@link LocalGroundTruth}; {@link #start()} starts it. */
    public static final class Builder {
        private String region = LocalDefaults.REGION;
        private String accountId = LocalDefaults.ACCOUNT_ID;
        private int sageMakerPort;
        private int snsPort;
        private int sqsPort;
        private int s3Port;
        private int edgePort;
        private int portalPort;
        private PortalAccess portalAccess = PortalAccess.loopback();
        private Path s3Directory;
        private Path dataDir;
        private SimulationClock clock = SimulationClock.realTime();
        private EngineSettings engineSettings = EngineSettings.defaults();
        private WorkforcePlan workforces;
        private Annotator workers;

        private Builder() {
        }

        public Builder region(String region) {
            this.region = LocalDefaults.requireRegion(region);
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = LocalDefaults.requireAccountId(accountId);
            return this;
        }

        /**
         * Fixed ports; 0 (the default) picks a free one. The SQS port is the one applications use: the fault proxy's
         * (ElasticMQ behind it always takes a free port).
         */
        public Builder ports(int sageMaker, int sns, int sqs, int s3) {
            this.sageMakerPort = LocalDefaults.requirePort(sageMaker);
            this.snsPort = LocalDefaults.requirePort(sns);
            this.sqsPort = LocalDefaults.requirePort(sqs);
            this.s3Port = LocalDefaults.requirePort(s3);
            return this;
        }

        /** A fixed port for the edge endpoint ({@link LocalGroundTruth#edgeEndpoint()}); 0 (the default) a free one. */
        public Builder edgePort(int port) {
            this.edgePort = LocalDefaults.requirePort(port);
            return this;
        }

        /** A fixed port for the worker portal; 0 (the default) picks a free one. */
        public Builder portalPort(int port) {
            this.portalPort = LocalDefaults.requirePort(port);
            return this;
        }

        /**
         * Serves the worker portal to other machines: binds {@code bindAddress} (e.g. {@code 0.0.0.0}, or one of
         * this machine's addresses) instead of 127.0.0.1, and admits only requests that carry {@code accessToken}
         * (people open {@link LocalGroundTruth#portalEntryUrl()} once; a cookie keeps the token). The other services
         * stay on 127.0.0.1.
         *
         * @param bindAddress an IP literal or host name
         * @param accessToken at least 16 letters, digits, {@code -} or {@code _}; required unless the address is
         *                    127.0.0.1
         * @throws IllegalArgumentException naming the rule a value breaks
         */
        public Builder portalAccess(String bindAddress, String accessToken) {
            this.portalAccess = PortalAccess.of(bindAddress, accessToken);
            return this;
        }

        /**
         * Which work teams label with simulated workers (the default), people in the worker portal, or both, e.g.
         * {@code workforces(WorkforcePlan.of(WorkforceMode.PEOPLE))}.
         */
        public Builder workforces(WorkforcePlan plan) {
            this.workforces = plan;
            return this;
        }

        /** Keeps S3 buckets and objects in this directory instead of in memory. */
        public Builder s3Directory(Path directory) {
            this.s3Directory = directory;
            return this;
        }

        /**
         * Keeps everything in {@code directory} (created if missing), so that a stack started again on it, after
         * {@link LocalGroundTruth#close()} or {@code kill -9}, has it back: labeling jobs and their task boards,
         * people's answers, topics and subscriptions, queues and their messages, buckets and objects, and the
         * simulation time. What a request was answered for is on disk before the answer. Without it (the default)
         * the stack keeps everything in memory and writes nothing. See local/README.md, "Durable store".
         *
         * @throws IllegalStateException at {@link #start()}, when another running stack uses the directory
         */
        public Builder dataDir(Path directory) {
            this.dataDir = directory;
            return this;
        }

        /** The clock jobs run on, for example {@link SimulationClock#speedUp(double)}. */
        public Builder clock(SimulationClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Timings and workers of the streaming engine. {@link #workforces(WorkforcePlan)} and
         * {@link #workers(Annotator)} override the plan and workers in it, whichever is called first.
         */
        public Builder engineSettings(EngineSettings settings) {
            this.engineSettings = settings;
            return this;
        }

        /** Shorthand for the engine's workers. */
        public Builder workers(Annotator annotator) {
            this.workers = annotator;
            return this;
        }

        // package-private for LocalGroundTruthBuilderTest
        EngineSettings effectiveEngineSettings() {
            EngineSettings settings = engineSettings;
            if (workforces != null) {
                settings = settings.withWorkforces(workforces);
            }
            return workers == null ? settings : settings.withAnnotator(workers);
        }

        public LocalGroundTruth start() {
            return new LocalGroundTruth(this);
        }
    }
}
