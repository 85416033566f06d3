package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.camel.DataObjectBodies.BodyObject;
import io.github.sagemakerlabeling.camel.backpressure.FeedControl;
import io.github.sagemakerlabeling.camel.batch.BatchQueueSettings;
import io.github.sagemakerlabeling.camel.batch.BatchWorkers;
import io.github.sagemakerlabeling.camel.batch.PublishBatcher;
import io.github.sagemakerlabeling.camel.batch.RouteStopWatch;
import io.github.sagemakerlabeling.camel.upload.BinaryBodyUploader;
import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.dataobject.DataObjectCodec;
import io.github.sagemakerlabeling.core.service.DataObjectPublisher;
import io.github.sagemakerlabeling.core.service.EnsuredJob;
import io.github.sagemakerlabeling.core.service.PublishedObject;
import io.github.sagemakerlabeling.core.service.RetrySettings;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.upload.ContentAddressedUploader;
import io.github.sagemakerlabeling.core.upload.UploadSettings;
import io.github.sagemakerlabeling.core.upload.UploadedObject;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.DefaultAsyncProducer;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsRequest;

/**
 * Performs the endpoint's operation, or the one the {@code CamelSageMakerLabelingOperation} header names.
 *
 * <p>Asynchronous only where it pays: with the {@code batching} option, a {@code sendDataObject} exchange is
 * validated (and its binary body uploaded) on the caller's thread, then queued for the next PublishBatch call (the
 * caller waits while the queue is full, or fails, see batchBlockWhenFull) and continued on a worker thread once the
 * call answered; every other exchange completes synchronously.
 */
public class SageMakerLabelingProducer extends DefaultAsyncProducer {

    private final InputTopicResolver inputTopic;
    private final DataObjectCodec codec = new DataObjectCodec();
    private volatile DataObjectPublisher publisher;
    private volatile DataObjectBodies bodies;
    private Expression dedupIdExpression;
    /** Set when a batching producer starts and kept after it stops (then refusing objects): never read as null. */
    private volatile PublishBatcher batcher;
    private volatile BatchWorkers workers;
    private volatile FeedControl feed;
    /** Whether the route sending to this (batching) producer began to stop. */
    private volatile RouteStopWatch routeStop = new RouteStopWatch();

    public SageMakerLabelingProducer(SageMakerLabelingEndpoint endpoint) {
        super(endpoint);
        this.inputTopic = new InputTopicResolver(endpoint);
    }

    @Override
    public SageMakerLabelingEndpoint getEndpoint() {
        return (SageMakerLabelingEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SageMakerLabelingConfiguration configuration = configuration();
        feed = FeedControl.of(getEndpoint().getJobName(), configuration, getEndpoint().feedCounters(),
                () -> getEndpoint().labelingJobs().describe(getEndpoint().getJobName()));
        if (configuration.getDedupIdExpression() != null) {
            dedupIdExpression = getEndpoint().getCamelContext().resolveLanguage("simple")
                    .createExpression(configuration.getDedupIdExpression());
        }
        if (configuration.isBatching()) {
            routeStop = new RouteStopWatch();
            ExecutorServiceManager executors = getEndpoint().getCamelContext().getExecutorServiceManager();
            workers = configuration.getWorkerPool() != null ? BatchWorkers.of(configuration.getWorkerPool())
                    : BatchWorkers.create(executors, this, "SageMakerLabelingBatchWorker",
                            configuration.getWorkerPoolCoreSize(), configuration.getWorkerPoolMaxSize());
            batcher = new PublishBatcher(this::publisher, new BatchQueueSettings(
                    Duration.ofMillis(configuration.getBatchMaxWait()), configuration.getBatchQueueSize(),
                    configuration.isBatchBlockWhenFull()), this::feedingStops,
                    executors.newSingleThreadExecutor(this, "SageMakerLabelingBatchCollector"),
                    BatchWorkers.senders(executors, this, "SageMakerLabelingBatchSender",
                            configuration.getBatchSenders()),
                    configuration.getBatchSenders(), Duration.ofMillis(executors.getShutdownAwaitTermination()));
        }
    }

    /**
     * Whether no more exchanges are coming: the context or the route stops. Batches then go out without waiting to
     * fill, so the exchanges waiting for one (up to batchMaxWait) complete at once instead of holding up the stop.
     */
    private boolean feedingStops() {
        return routeStop.isWindingDown() || getEndpoint().getCamelContext().isStopping();
    }

    /**
     * Sends every data object already queued for a batch before the producer stops (or fails its exchange, when it
     * cannot in time), then lets the exchanges continue.
     */
    @Override
    protected void doStop() throws Exception {
        feed.close();
        PublishBatcher stopping = batcher;
        if (stopping != null) {
            stopping.close();
            workers.shutdown();
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            switch (determineOperation(exchange)) {
                case sendDataObject -> {
                    return sendDataObject(exchange, callback);
                }
                case sendDataObjects -> sendDataObjects(exchange);
                case createJob -> createJob(exchange);
                case describeJob -> describeJob(exchange);
                case stopJob -> stopJob(exchange);
                case listJobs -> listJobs(exchange);
                case renderUiTemplate -> new UiTemplatePreview(getEndpoint()).render(exchange.getMessage());
                default -> throw new IllegalArgumentException("Unsupported operation " + determineOperation(exchange));
            }
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    private SageMakerLabelingOperations determineOperation(Exchange exchange) {
        SageMakerLabelingOperations operation = exchange.getMessage()
                .getHeader(SageMakerLabelingConstants.OPERATION, SageMakerLabelingOperations.class);
        return operation != null ? operation : configuration().getOperation();
    }

    /** @return whether the exchange completed synchronously */
    private boolean sendDataObject(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        BodyObject body = bodies().toDataObject(message.getBody(), exchange);
        body.upload().ifPresent(upload -> setUploadHeaders(message, upload));
        DataObject object = withDedupId(body.object(), exchange);
        getEndpoint().beforeSend();
        PublishBatcher batcher = this.batcher;
        if (!configuration().isBatching()) {
            feed.admit(1);
            setPublishedHeaders(message, publisher().publish(object));
            callback.done(true);
            return true;
        }
        routeStop.watch(exchange);
        if (routeStop.isStopping()) {
            throw new RejectedExecutionException("The route is stopping: the producer takes no more data objects, so"
                    + " this one was not sent");
        }
        List<Violation> violations = codec.validate(object);
        if (!violations.isEmpty()) {
            throw new LabelingValidationException("Data object", violations);
        }
        publisher(); // resolves the input topic on the caller's thread, so the batch senders never wait for the job
        feed.admit(1);
        BatchWorkers continuation = workers;
        batcher.submit(object, (published, failure) -> continuation.continueWith(() -> {
            if (failure != null) {
                exchange.setException(failure);
            } else {
                setPublishedHeaders(message, published);
            }
            callback.done(false);
        }));
        return false;
    }

    /** The dedup id from the header, else from the dedupIdExpression option; else the object keeps its own. */
    private DataObject withDedupId(DataObject object, Exchange exchange) {
        String id = exchange.getMessage().getHeader(SageMakerLabelingConstants.DEDUP_ID, String.class);
        if (id == null && dedupIdExpression != null) {
            id = dedupIdExpression.evaluate(exchange, String.class);
            if (id == null || id.isBlank()) {
                throw new LabelingValidationException("Data object", new Violation("dedupIdExpression",
                        configuration().getDedupIdExpression(), "gave no deduplication id for this exchange (was "
                                + (id == null ? "null" : "blank") + ")"));
            }
        }
        return id == null ? object : object.withDedupId(id);
    }

    /** Collections and arrays are validated whole before anything is sent; other bodies are read 10 at a time. */
    private void sendDataObjects(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        getEndpoint().beforeSend();
        List<PublishedObject> published;
        if (DataObjectBodies.inMemory(body)) {
            List<DataObject> objects = bodies().toDataObjectList(body, exchange);
            feed.admit(objects.size());
            published = publisher().publishAll(objects);
        } else {
            published = publisher().publishAll(feed.admitEach(bodies().toDataObjectIterator(body, exchange)));
        }
        exchange.getMessage().setBody(published);
    }

    private void createJob(Exchange exchange) throws InvalidPayloadException {
        LabelingJobSpec spec = exchange.getMessage().getMandatoryBody(LabelingJobSpec.class);
        EnsuredJob job = getEndpoint().labelingJobs().ensure(spec);
        setJobHeaders(exchange.getMessage(), job.job());
        exchange.getMessage().setHeader(SageMakerLabelingConstants.JOB_CREATED, job.created());
        exchange.getMessage().setBody(job.job());
    }

    private void describeJob(Exchange exchange) {
        DescribeLabelingJobResponse job = getEndpoint().labelingJobs().describe(getEndpoint().getJobName());
        setJobHeaders(exchange.getMessage(), job);
        exchange.getMessage().setBody(job);
    }

    private void stopJob(Exchange exchange) {
        String name = getEndpoint().getJobName();
        getEndpoint().labelingJobs().stop(name);
        DescribeLabelingJobResponse job = configuration().isWaitForStopped()
                ? getEndpoint().labelingJobs().awaitStatus(name, EnumSet.of(LabelingJobStatus.STOPPED), statusTimeout())
                : getEndpoint().labelingJobs().describe(name);
        setJobHeaders(exchange.getMessage(), job);
        exchange.getMessage().setBody(job);
    }

    private void listJobs(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        ListLabelingJobsRequest request = body instanceof ListLabelingJobsRequest filters ? filters
                : ListLabelingJobsRequest.builder().build();
        exchange.getMessage().setBody(getEndpoint().labelingJobs().list(request));
    }

    private DataObjectPublisher publisher() {
        DataObjectPublisher current = publisher;
        if (current == null) {
            RetrySettings retry = new RetrySettings(configuration().getMaxPublishAttempts(),
                    RetrySettings.defaults().initialBackoff(), RetrySettings.defaults().maxBackoff());
            current = new DataObjectPublisher(getEndpoint().sns(), inputTopic.resolve(statusTimeout()), retry,
                    getEndpoint().metrics().publishing());
            publisher = current;
        }
        return current;
    }

    private DataObjectBodies bodies() {
        DataObjectBodies current = bodies;
        if (current == null) {
            String spool = configuration().getUploadSpoolDirectory();
            UploadSettings uploadSettings = getEndpoint().uploadSettings();
            current = new DataObjectBodies(new BinaryBodyUploader(uploadSettings == null ? null
                    : new ContentAddressedUploader(getEndpoint().s3(), uploadSettings,
                            spool == null ? null : Path.of(spool))), configuration().getBodyType(),
                    getEndpoint().metrics()::uploaded);
            bodies = current;
        }
        return current;
    }

    private Duration statusTimeout() {
        return Duration.ofMillis(configuration().getJobStatusTimeout());
    }

    private SageMakerLabelingConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    private static void setPublishedHeaders(Message message, PublishedObject published) {
        message.setHeader(SageMakerLabelingConstants.MESSAGE_ID, published.messageId());
        message.setHeader(SageMakerLabelingConstants.DEDUP_ID, published.dedupId());
        published.source().ifPresent(source -> message.setHeader(SageMakerLabelingConstants.SOURCE, source));
        published.sourceRef().ifPresent(ref -> message.setHeader(SageMakerLabelingConstants.SOURCE_REF, ref));
    }

    private static void setUploadHeaders(Message message, UploadedObject upload) {
        message.setHeader(SageMakerLabelingConstants.UPLOAD_URI, upload.uri().toString());
        message.setHeader(SageMakerLabelingConstants.UPLOAD_KEY, upload.uri().key());
        message.setHeader(SageMakerLabelingConstants.UPLOAD_CONTENT_TYPE, upload.contentType());
        message.setHeader(SageMakerLabelingConstants.UPLOAD_EXISTED, upload.existed());
    }

    private static void setJobHeaders(Message message, DescribeLabelingJobResponse job) {
        message.setHeader(SageMakerLabelingConstants.JOB_STATUS, job.labelingJobStatusAsString());
        message.setHeader(SageMakerLabelingConstants.LABEL_COUNTERS, job.labelCounters());
        message.setHeader(SageMakerLabelingConstants.JOB_ARN, job.labelingJobArn());
    }
}
