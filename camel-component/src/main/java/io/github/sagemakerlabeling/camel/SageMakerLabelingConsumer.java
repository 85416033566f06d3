package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.camel.consumer.FailureBackoff;
import io.github.sagemakerlabeling.camel.consumer.LabeledOutputMessages;
import io.github.sagemakerlabeling.camel.consumer.LongPolls;
import io.github.sagemakerlabeling.camel.consumer.OutputQueueOptions;
import io.github.sagemakerlabeling.camel.consumer.Settlements;
import io.github.sagemakerlabeling.camel.health.HealthCheckRegistration;
import io.github.sagemakerlabeling.camel.health.LabelingJobHealthCheck;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.service.OutputQueue;
import io.github.sagemakerlabeling.core.service.OutputQueues;
import io.github.sagemakerlabeling.core.service.OutputReceiver;
import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.util.concurrent.CamelThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Routes a job's labeled output: each message of the output queue becomes an exchange whose body is a
 * {@link LabelingResult}, with Camel's batch properties ({@code CamelBatchSize}, {@code CamelBatchIndex},
 * {@code CamelBatchComplete}) per receive. {@code concurrentConsumers} threads long-poll the queue, each routing what
 * it received. Delivery is at least once and each message settles on its own ({@link Settlements}): deleted in
 * batches once its exchange completed (asynchronously routed ones included), hidden for a growing back-off when it
 * failed, kept hidden while a slow exchange runs ({@code extendMessageVisibility}). A message that is not an output
 * line reaches the route's error handler with its raw text (header {@code CamelSageMakerLabelingRawOutput}). A
 * stopping consumer does not wait for its long polls and hands back what they and it received but did not route.
 */
public class SageMakerLabelingConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SageMakerLabelingConsumer.class);
    /** How long a routed message waits for others to be deleted with it. */
    private static final Duration DELETE_LINGER = Duration.ofMillis(200);

    private final Object receiverLock = new Object();
    private volatile Settlements settlements;
    private volatile OutputReceiver receiver;
    private final Set<String> toldWhy = ConcurrentHashMap.newKeySet();
    private ExecutorService pollThreads;
    private ScheduledExecutorService timer;
    private LongPolls longPolls;
    private HealthCheckRegistration healthCheck = HealthCheckRegistration.NONE;

    public SageMakerLabelingConsumer(SageMakerLabelingEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        setMaxMessagesPerPoll(endpoint.getConfiguration().getMaxMessagesPerPoll());
    }

    @Override
    public SageMakerLabelingEndpoint getEndpoint() {
        return (SageMakerLabelingEndpoint) super.getEndpoint();
    }

    /** The health check of a consumer of the endpoint: the job's status, its topics and the given output queue. */
    static LabelingJobHealthCheck healthCheck(SageMakerLabelingEndpoint endpoint, String routeId,
                                              Supplier<Optional<String>> outputQueueUrl) {
        LabelingJobHealthCheck check = new LabelingJobHealthCheck("consumer:sagemaker-labeling-" + routeId,
                endpoint::currentJobName, endpoint::labelingJobs, endpoint::sns, endpoint::sqs, outputQueueUrl,
                Duration.ofMillis(endpoint.getConfiguration().getHealthCheckInterval()),
                endpoint.getConfiguration().isHealthCheckEndedJobUp());
        check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
        return check;
    }

    @Override
    protected void afterConfigureScheduler(ScheduledPollConsumerScheduler scheduler, boolean newScheduler) {
        int concurrentConsumers = getEndpoint().getConfiguration().getConcurrentConsumers();
        if (newScheduler && scheduler instanceof DefaultScheduledPollConsumerScheduler threads) {
            threads.setConcurrentConsumers(concurrentConsumers);
            threads.setPoolSize(Math.max(threads.getPoolSize(), concurrentConsumers));
        }
    }

    @Override
    protected void doStart() throws Exception {
        SageMakerLabelingConfiguration configuration = getEndpoint().getConfiguration();
        OutputQueueOptions.checkConsumer(configuration);
        var executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        // Not a pool of Camel's: stopping the context would wait for its long polls, which is what it must not do.
        pollThreads = Executors.newCachedThreadPool(new CamelThreadFactory(executors.getThreadNamePattern(),
                "SageMakerLabelingLongPoll", true));
        longPolls = new LongPolls(pollThreads);
        timer = executors.newSingleThreadScheduledExecutor(this, "SageMakerLabelingSettlements");
        if (configuration.isExtendMessageVisibility()) {
            int seconds = configuration.getVisibilityTimeout();
            long every = Math.max(1, seconds / 2);
            timer.scheduleAtFixedRate(() -> Optional.ofNullable(settlements)
                    .ifPresent(current -> current.extendVisibility(seconds)), every, every, TimeUnit.SECONDS);
        }
        Supplier<Optional<String>> queueUrl = () -> Optional.ofNullable(receiver).map(OutputReceiver::queueUrl);
        healthCheck = HealthCheckRegistration.register(getEndpoint().getCamelContext(),
                healthCheck(getEndpoint(), getRouteId(), queueUrl));
        synchronized (receiverLock) {
            // Set up again on each start: the settlements run on this start's timer.
            receiver = null;
            settlements = null;
        }
        try {
            // Subscribed now, the queue gets all output from here on; SNS keeps nothing for later subscribers.
            receiver();
        } catch (RuntimeException e) {
            LOG.warn("The output queue of labeling job '{}' is set up on a later poll: {}", getEndpoint().getJobName(),
                    e.getMessage());
        }
        super.doStart();
    }

    @Override
    protected void doSuspend() throws Exception {
        // Camel's shutdown suspends first and waits while a poll is under way: the poll must end now.
        longPolls.abandon();
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        longPolls.resume();
        super.doResume();
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        longPolls.abandon();
        super.prepareShutdown(suspendOnly, forced);
    }

    @Override
    protected void doStop() throws Exception {
        longPolls.abandon();
        super.doStop();
        var executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        executors.shutdownNow(timer);
        Settlements current = settlements;
        if (current != null) {
            current.close();
        }
        // Receives under way finish on their own threads and hand back what they get.
        pollThreads.shutdown();
        healthCheck.unregister();
    }

    @Override
    protected int poll() throws Exception {
        shutdownRunningTask = null;
        pendingExchanges = 0;
        Optional<OutputReceiver> current = receiver();
        if (current.isEmpty()) {
            return 0;
        }
        SageMakerLabelingConfiguration configuration = getEndpoint().getConfiguration();
        Settlements settling = settlements;
        List<ReceivedOutput> received = longPolls.receive(() -> current.get().receive(getMaxMessagesPerPoll(),
                configuration.getWaitTimeSeconds(), configuration.getVisibilityTimeout()), settling::handBack);
        return processBatch(new ArrayDeque<>(received));
    }

    @Override
    public int processBatch(Queue<Object> outputs) {
        int total = outputs.size();
        for (int index = 0; index < total; index++) {
            if (!isBatchAllowed() || isSuspendingOrSuspended()) {
                List<ReceivedOutput> rest = new ArrayList<>();
                outputs.forEach(output -> rest.add((ReceivedOutput) output));
                settlements.handBack(rest);
                break;
            }
            pendingExchanges = total - index - 1;
            route((ReceivedOutput) outputs.poll(), index, total);
        }
        return total;
    }

    private void route(ReceivedOutput output, int index, int total) {
        Exchange exchange = createExchange(true);
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
        LabeledOutputMessages.fill(exchange, output);
        if (output.receiveCount() == 1) {
            getEndpoint().feedCounters().finished(1); // back-pressure: one object fewer in the job's backlog
        }
        exchange.getExchangeExtension().addOnCompletion(settlements.routing(output));
        exchange.getExchangeExtension().addOnCompletion(getEndpoint().metrics().routing(output));
        getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
    }

    /**
     * The receiver, set up on first use: the job may be created by another route after this one started. Empty while
     * the job does not exist, which is said once.
     */
    private Optional<OutputReceiver> receiver() {
        OutputReceiver current = receiver;
        if (current != null) {
            return Optional.of(current);
        }
        synchronized (receiverLock) {
            return receiver != null ? Optional.of(receiver) : setUpReceiver();
        }
    }

    private Optional<OutputReceiver> setUpReceiver() {
        SageMakerLabelingEndpoint endpoint = getEndpoint();
        SageMakerLabelingConfiguration configuration = endpoint.getConfiguration();
        OutputQueues queues = new OutputQueues(endpoint.sqs(), endpoint::sns);
        OutputQueue queue;
        Optional<String> labelAttributeName = Optional.ofNullable(configuration.getLabelAttributeName());
        if (configuration.getOutputQueue() != null) {
            // Given the queue and the label attribute, the consumer needs no SageMaker permission at all.
            if (labelAttributeName.isEmpty()) {
                labelAttributeName = endpoint.labelingJobs().find(endpoint.getJobName())
                        .map(DescribeLabelingJobResponse::labelAttributeName);
            }
            queue = queues.existing(configuration.getOutputQueue(), OutputQueueOptions.settings(configuration));
        } else {
            Optional<DescribeLabelingJobResponse> job = endpoint.labelingJobs().find(endpoint.getJobName());
            if (job.isEmpty()) {
                sayOnce("Labeling job '" + endpoint.getJobName() + "' does not exist yet: its output queue is"
                        + " provisioned once it does (checked on every poll)");
                return Optional.empty();
            }
            String topic = job.get().outputConfig().snsTopicArn();
            if (topic == null || topic.isEmpty()) {
                throw new IllegalStateException("Labeling job '" + endpoint.getJobName() + "' has no SNS output topic,"
                        + " so its labeled objects are only written to S3: create the job with an output topic");
            }
            String name = configuration.getOutputQueueName() != null ? configuration.getOutputQueueName()
                    : endpoint.getJobName() + "-output";
            try {
                queue = queues.provision(topic, name, OutputQueueOptions.settings(configuration));
            } catch (QueueDoesNotExistException e) {
                sayOnce("The output queue '" + name + "' of labeling job '" + endpoint.getJobName() + "' does not exist"
                        + " and autoCreateQueue=false: create it (and the deadLetterQueue, if set); checked on every"
                        + " poll");
                return Optional.empty();
            }
            labelAttributeName = labelAttributeName.or(() -> Optional.of(job.get().labelAttributeName()));
        }
        OutputReceiver current = new OutputReceiver(endpoint.sqs(), queue.queueUrl(), labelAttributeName);
        FailureBackoff backoff = new FailureBackoff(Duration.ofMillis(configuration.getFailureBackoff()),
                Duration.ofMillis(configuration.getFailureBackoffMax()));
        settlements = new Settlements(current, backoff, timer, DELETE_LINGER);
        receiver = current;
        return Optional.of(current);
    }

    /** Logs why the consumer waits, once per reason rather than on every poll. */
    private void sayOnce(String why) {
        if (toldWhy.add(why)) {
            LOG.info(why);
        }
    }
}
