package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.service.DataObjectPublisher;
import io.github.sagemakerlabeling.core.service.EnsuredJob;
import io.github.sagemakerlabeling.core.service.PublishedObject;
import io.github.sagemakerlabeling.core.service.RetrySettings;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsRequest;

/** Performs the endpoint's operation, or the one the {@code CamelSageMakerLabelingOperation} header names. */
public class SageMakerLabelingProducer extends DefaultProducer {

    private final InputTopicResolver inputTopic;
    private volatile DataObjectPublisher publisher;

    public SageMakerLabelingProducer(SageMakerLabelingEndpoint endpoint) {
        super(endpoint);
        this.inputTopic = new InputTopicResolver(endpoint);
    }

    @Override
    public SageMakerLabelingEndpoint getEndpoint() {
        return (SageMakerLabelingEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        switch (determineOperation(exchange)) {
            case sendDataObject -> sendDataObject(exchange);
            case sendDataObjects -> sendDataObjects(exchange);
            case createJob -> createJob(exchange);
            case describeJob -> describeJob(exchange);
            case stopJob -> stopJob(exchange);
            case listJobs -> listJobs(exchange);
            default -> throw new IllegalArgumentException("Unsupported operation " + determineOperation(exchange));
        }
    }

    private SageMakerLabelingOperations determineOperation(Exchange exchange) {
        SageMakerLabelingOperations operation = exchange.getMessage()
                .getHeader(SageMakerLabelingConstants.OPERATION, SageMakerLabelingOperations.class);
        return operation != null ? operation : configuration().getOperation();
    }

    private void sendDataObject(Exchange exchange) {
        Message message = exchange.getMessage();
        DataObject object = DataObjectBodies.toDataObject(message.getBody());
        String dedupId = message.getHeader(SageMakerLabelingConstants.DEDUP_ID, String.class);
        if (dedupId != null) {
            object = object.withDedupId(dedupId);
        }
        PublishedObject published = publisher().publish(object);
        setPublishedHeaders(message, published);
    }

    private void sendDataObjects(Exchange exchange) {
        List<DataObject> objects = DataObjectBodies.toDataObjects(exchange.getMessage().getBody());
        exchange.getMessage().setBody(publisher().publishAll(objects));
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
            current = new DataObjectPublisher(getEndpoint().sns(), inputTopic.resolve(statusTimeout()), retry);
            publisher = current;
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

    private static void setJobHeaders(Message message, DescribeLabelingJobResponse job) {
        message.setHeader(SageMakerLabelingConstants.JOB_STATUS, job.labelingJobStatusAsString());
        message.setHeader(SageMakerLabelingConstants.LABEL_COUNTERS, job.labelCounters());
        message.setHeader(SageMakerLabelingConstants.JOB_ARN, job.labelingJobArn());
    }
}
