package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.camel.consumer.ActivePolls;
import io.github.sagemakerlabeling.camel.consumer.CompletionBatch;
import io.github.sagemakerlabeling.camel.consumer.LabeledOutputMessages;
import io.github.sagemakerlabeling.camel.health.HealthCheckRegistration;
import io.github.sagemakerlabeling.camel.health.LabelingJobHealthCheck;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.service.OutputQueue;
import io.github.sagemakerlabeling.core.service.OutputQueues;
import io.github.sagemakerlabeling.core.service.OutputReceiver;
import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;

/**
 * Routes a job's labeled output: each message of the output queue becomes an exchange whose body is a
 * {@link LabelingResult}. {@code concurrentConsumers} threads long-poll the queue, each routing what it received.
 * Delivery is at least once: the messages of a receive are deleted together, with one DeleteMessageBatch, once all
 * their exchanges completed (asynchronously routed ones included); a failed exchange makes its message visible again
 * at once; a message that is not an output line reaches the route's error handler with its raw text (header
 * {@code CamelSageMakerLabelingRawOutput}); and a stopping consumer hands the messages it received but did not route
 * back to the queue at once.
 */
public class SageMakerLabelingConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SageMakerLabelingConsumer.class);

    private final ActivePolls activePolls = new ActivePolls();
    private final Object receiverLock = new Object();
    private volatile OutputReceiver receiver;
    private HealthCheckRegistration healthCheck = HealthCheckRegistration.NONE;

    public SageMakerLabelingConsumer(SageMakerLabelingEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SageMakerLabelingEndpoint getEndpoint() {
        return (SageMakerLabelingEndpoint) super.getEndpoint();
    }

    /** The health check of a consumer of the endpoint: the job's status, its topics and the given output queue. */
    static LabelingJobHealthCheck healthCheck(SageMakerLabelingEndpoint endpoint, String routeId,
                                              Supplier<Optional<String>> outputQueueUrl) {
        LabelingJobHealthCheck check = new LabelingJobHealthCheck("consumer:sagemaker-labeling-" + routeId,
                endpoint.getJobName(), endpoint::labelingJobs, endpoint::sns, endpoint::sqs, outputQueueUrl);
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
        Supplier<Optional<String>> queueUrl = () -> Optional.ofNullable(receiver).map(OutputReceiver::queueUrl);
        healthCheck = HealthCheckRegistration.register(getEndpoint().getCamelContext(),
                healthCheck(getEndpoint(), getRouteId(), queueUrl));
        try {
            // Subscribed now, the queue gets all output from here on; SNS keeps nothing for later subscribers.
            receiver();
        } catch (RuntimeException e) {
            LOG.info("The output queue of labeling job '{}' is set up on a later poll: {}", getEndpoint().getJobName(),
                    e.getMessage());
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        // Let receives under way return and hand back what they got before the poll threads are interrupted.
        activePolls.awaitIdle(Duration.ofSeconds(getEndpoint().getConfiguration().getWaitTimeSeconds() + 5L));
        super.doStop();
        healthCheck.unregister();
    }

    @Override
    protected int poll() throws Exception {
        OutputReceiver current = receiver();
        SageMakerLabelingConfiguration configuration = getEndpoint().getConfiguration();
        activePolls.enter();
        try {
            List<ReceivedOutput> received = current.receive(configuration.getMaxMessagesPerPoll(),
                    configuration.getWaitTimeSeconds());
            CompletionBatch batch = new CompletionBatch(current, received.size());
            for (int i = 0; i < received.size(); i++) {
                if (!isRunAllowed() || isSuspendingOrSuspended()) {
                    batch.handBack(received.subList(i, received.size()));
                    break;
                }
                route(received.get(i), batch);
            }
            return received.size();
        } finally {
            activePolls.exit();
        }
    }

    private void route(ReceivedOutput output, CompletionBatch batch) {
        Exchange exchange = createExchange(true);
        LabeledOutputMessages.fill(exchange, output);
        exchange.getExchangeExtension().addOnCompletion(batch.settlementOf(output));
        getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
    }

    /** The receiver, set up on first use: the job may be created by another route after this one started. */
    private OutputReceiver receiver() {
        OutputReceiver current = receiver;
        if (current != null) {
            return current;
        }
        synchronized (receiverLock) {
            return receiver != null ? receiver : setUpReceiver();
        }
    }

    private OutputReceiver setUpReceiver() {
        SageMakerLabelingEndpoint endpoint = getEndpoint();
        SageMakerLabelingConfiguration configuration = endpoint.getConfiguration();
        OutputQueues queues = new OutputQueues(endpoint.sqs(), endpoint.sns());
        Optional<DescribeLabelingJobResponse> job = endpoint.labelingJobs().find(endpoint.getJobName());
        OutputQueue queue;
        if (configuration.getOutputQueue() != null) {
            queue = queues.existing(configuration.getOutputQueue());
        } else {
            String topic = job.orElseThrow(() -> new IllegalStateException("Labeling job '" + endpoint.getJobName()
                    + "' does not exist (yet): its output queue is provisioned once it does"))
                    .outputConfig().snsTopicArn();
            if (topic == null || topic.isEmpty()) {
                throw new IllegalStateException("Labeling job '" + endpoint.getJobName() + "' has no SNS output topic,"
                        + " so its labeled objects are only written to S3: create the job with an output topic");
            }
            String name = configuration.getOutputQueueName() != null ? configuration.getOutputQueueName()
                    : endpoint.getJobName() + "-output";
            queue = queues.provision(topic, name);
        }
        OutputReceiver current = new OutputReceiver(endpoint.sqs(), queue.queueUrl(),
                job.map(DescribeLabelingJobResponse::labelAttributeName));
        receiver = current;
        return current;
    }
}
