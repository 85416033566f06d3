package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelVerification;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.service.OutputQueue;
import io.github.sagemakerlabeling.core.service.OutputQueues;
import io.github.sagemakerlabeling.core.service.OutputReceiver;
import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;

/**
 * Routes a job's labeled output: each message of the output queue becomes an exchange whose body is a
 * {@link LabelingResult}. Delivery is at least once: a message is deleted only after its exchange completed, a failed
 * exchange makes it visible again at once, and a message that is not an output line reaches the route's error handler
 * with its raw text (header {@code CamelSageMakerLabelingRawOutput}) instead of being lost.
 */
public class SageMakerLabelingConsumer extends ScheduledPollConsumer {

    private volatile OutputReceiver receiver;

    public SageMakerLabelingConsumer(SageMakerLabelingEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SageMakerLabelingEndpoint getEndpoint() {
        return (SageMakerLabelingEndpoint) super.getEndpoint();
    }

    @Override
    protected int poll() throws Exception {
        OutputReceiver current = receiver();
        SageMakerLabelingConfiguration configuration = getEndpoint().getConfiguration();
        List<ReceivedOutput> received = current.receive(configuration.getMaxMessagesPerPoll(),
                configuration.getWaitTimeSeconds());
        if (!isRunAllowed()) {
            // Stopped while the receive waited: hand the messages back at once rather than after their timeout.
            received.forEach(current::release);
            return 0;
        }
        List<ReceivedOutput> handled = new ArrayList<>();
        for (ReceivedOutput output : received) {
            Exchange exchange = toExchange(output);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.isFailed()) {
                getExceptionHandler().handleException("Labeled output " + output.messageId()
                        + " was not routed; it will be delivered again", exchange, exchange.getException());
                current.release(output);
            } else {
                handled.add(output);
            }
        }
        current.delete(handled);
        return received.size();
    }

    private Exchange toExchange(ReceivedOutput output) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        if (output.isMalformed()) {
            message.setBody(output.body());
            message.setHeader(SageMakerLabelingConstants.RAW_OUTPUT, output.body());
            exchange.setException(output.error().orElseThrow());
            return exchange;
        }
        LabelingResult result = output.result().orElseThrow();
        message.setBody(result);
        result.objectId().ifPresent(id -> message.setHeader(SageMakerLabelingConstants.OBJECT_ID, id.value()));
        result.source().ifPresent(source -> message.setHeader(SageMakerLabelingConstants.SOURCE, source));
        result.sourceRef().ifPresent(ref -> message.setHeader(SageMakerLabelingConstants.SOURCE_REF, ref));
        className(result).ifPresent(name -> message.setHeader(SageMakerLabelingConstants.CLASS_NAME, name));
        if (result.confidence().isPresent()) {
            message.setHeader(SageMakerLabelingConstants.CONFIDENCE, result.confidence().getAsDouble());
        }
        message.setHeader(SageMakerLabelingConstants.HUMAN_ANNOTATED, result.humanAnnotated());
        message.setHeader(SageMakerLabelingConstants.TASK_TYPE, result.type());
        message.setHeader(SageMakerLabelingConstants.JOB_NAME, result.jobName());
        return exchange;
    }

    private static Optional<String> className(LabelingResult result) {
        if (result.annotation() instanceof ClassLabel label) {
            return Optional.of(label.className());
        }
        if (result.annotation() instanceof LabelVerification verification) {
            return Optional.of(verification.className());
        }
        return Optional.empty();
    }

    /** The receiver, set up on first use: the job may be created by another route after this one started. */
    private OutputReceiver receiver() {
        OutputReceiver current = receiver;
        if (current != null) {
            return current;
        }
        SageMakerLabelingEndpoint endpoint = getEndpoint();
        SageMakerLabelingConfiguration configuration = endpoint.getConfiguration();
        OutputQueues queues = new OutputQueues(endpoint.sqs(), endpoint.sns());
        DescribeLabelingJobResponse job = endpoint.labelingJobs().describe(endpoint.getJobName());
        OutputQueue queue;
        if (configuration.getOutputQueue() != null) {
            queue = queues.existing(configuration.getOutputQueue());
        } else {
            String topic = job.outputConfig().snsTopicArn();
            if (topic == null || topic.isEmpty()) {
                throw new IllegalStateException("Labeling job '" + endpoint.getJobName() + "' has no SNS output topic,"
                        + " so its labeled objects are only written to S3: create the job with an output topic");
            }
            String name = configuration.getOutputQueueName() != null ? configuration.getOutputQueueName()
                    : endpoint.getJobName() + "-output";
            queue = queues.provision(topic, name);
        }
        current = new OutputReceiver(endpoint.sqs(), queue.queueUrl(), Optional.ofNullable(job.labelAttributeName()));
        receiver = current;
        return current;
    }
}
