package io.github.sagemakerlabeling.core.service;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.dataobject.DataObjectCodec;
import io.github.sagemakerlabeling.core.dataobject.DataObjectLimits;
import io.github.sagemakerlabeling.core.dataobject.EncodedDataObject;
import io.github.sagemakerlabeling.core.service.BatchPublishException.FailedObject;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes data objects to a streaming job's SNS input topic, one manifest line per message. Every object is
 * validated and given its dedup id before anything is sent. Batches respect SNS's limits (10 entries and 256 KiB a
 * call); failed entries are retried with backoff and never dropped: an object that still fails is named in a
 * {@link BatchPublishException} (or in the {@link BatchPublishResult}). Whole calls are retried by the AWS SDK's
 * standard retry strategy (see {@link RetrySettings}), which leaves errors that trying again cannot help
 * (authorization, invalid parameter, topic not found, KMS) alone; an entry SNS refuses as the sender's fault is not
 * retried either. An interrupt ends the retries: what is still unsent then fails. Thread-safe.
 */
public final class DataObjectPublisher {

    /** The most entries SNS takes in one PublishBatch call. */
    public static final int MAX_BATCH_ENTRIES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(DataObjectPublisher.class);
    /** Set on a call's first transmission, so later ones are known as the SDK's retries. */
    private static final ExecutionAttribute<Boolean> TRANSMITTED =
            new ExecutionAttribute<>("SageMakerLabelingPublishTransmitted");

    private final SnsClient sns;
    private final String topicArn;
    private final RetrySettings retry;
    /** Applies the retry strategy to each call; one strategy, so its token bucket spans every call. */
    private final SdkPlugin callRetries;
    private final BackoffStrategy entryBackoff;
    private final DataObjectCodec codec = new DataObjectCodec();
    private final PublishObserver observer;

    /**
     * @param sns      the client; the caller owns it
     * @param topicArn the job's input topic
     * @param retry    how failed batch entries are retried
     */
    public DataObjectPublisher(SnsClient sns, String topicArn, RetrySettings retry) {
        this(sns, topicArn, retry, PublishObserver.NONE);
    }

    /**
     * @param sns      the client; the caller owns it
     * @param topicArn the job's input topic
     * @param retry    how failed batch entries are retried
     * @param observer told what was published, retried and failed
     */
    public DataObjectPublisher(SnsClient sns, String topicArn, RetrySettings retry, PublishObserver observer) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.observer = Objects.requireNonNull(observer, "observer");
        RetryStrategy strategy = retry.callRetryStrategy();
        ExecutionInterceptor retriedCalls = new RetriedCalls();
        this.callRetries = config -> config.overrideConfiguration(config.overrideConfiguration().toBuilder()
                .retryStrategy(strategy).addExecutionInterceptor(retriedCalls).build());
        this.entryBackoff = retry.entryBackoff();
    }

    /**
     * Publishes one object; the SDK's retry strategy tries the call again when SNS throttles or fails on its side, up
     * to the retry settings' attempts.
     *
     * @throws LabelingValidationException before any call, when the object breaks a rule
     * @throws SdkException                when SNS refused the object, or still failed on the last try
     */
    public PublishedObject publish(DataObject object) {
        EncodedDataObject encoded = codec.encode(object);
        String messageId;
        try {
            messageId = sns.publish(b -> b.topicArn(topicArn).message(encoded.manifestLine())
                    .overrideConfiguration(o -> o.addPlugin(callRetries))).messageId();
        } catch (SdkException e) {
            observer.failed(1);
            throw e;
        }
        observer.published(1);
        return published(object, encoded, messageId);
    }

    /**
     * Publishes objects in as few PublishBatch calls as SNS's limits allow, retrying failed entries.
     *
     * @return the published objects, in the order given
     * @throws LabelingValidationException before any call, listing every violation of every object
     * @throws BatchPublishException       when objects still failed after every retry, naming each
     */
    public List<PublishedObject> publishAll(List<DataObject> objects) {
        return publishBatch(objects).orThrow();
    }

    /**
     * Publishes the objects of an iterator (of a stream, say) {@value #MAX_BATCH_ENTRIES} at a time, so they are
     * never all in memory at once. Each chunk is validated before it is sent; an invalid object therefore stops the
     * publishing at its chunk, after the chunks before it went out.
     *
     * @return the published objects, in the order given
     * @throws LabelingValidationException naming the invalid objects of the first chunk that has any (thrown by the
     *                                     iterator or found by validation), and saying which were sent before
     * @throws BatchPublishException       when objects still failed after every retry, naming each
     */
    public List<PublishedObject> publishAll(Iterator<? extends DataObject> objects) {
        List<PublishedObject> published = new ArrayList<>();
        List<FailedObject> failures = new ArrayList<>();
        int first = 0;
        while (objects.hasNext()) {
            List<DataObject> chunk = new ArrayList<>(MAX_BATCH_ENTRIES);
            while (chunk.size() < MAX_BATCH_ENTRIES && objects.hasNext()) {
                try {
                    chunk.add(objects.next());
                } catch (LabelingValidationException e) {
                    throw new LabelingValidationException(subject(first), e.violations());
                }
            }
            BatchPublishResult result = publishBatch(chunk, first);
            published.addAll(result.published());
            failures.addAll(result.failures());
            first += chunk.size();
        }
        if (!failures.isEmpty()) {
            throw new BatchPublishException(failures, published);
        }
        return published;
    }

    /**
     * Publishes objects in as few PublishBatch calls as SNS's limits allow, retrying failed entries, and reports
     * what became of each instead of throwing for those that failed.
     *
     * @throws LabelingValidationException before any call, listing every violation of every object
     */
    public BatchPublishResult publishBatch(List<DataObject> objects) {
        return publishBatch(objects, 0);
    }

    /** @param first the position of the first object in what the caller was given, for messages */
    private BatchPublishResult publishBatch(List<DataObject> objects, int first) {
        List<EncodedDataObject> encoded = encodeAll(objects, first);
        PublishedObject[] published = new PublishedObject[objects.size()];
        FailedObject[] failures = new FailedObject[objects.size()];
        Batch batch = new Batch(objects, encoded, first, published, failures, observer);
        List<Integer> entries = new ArrayList<>();
        int entriesBytes = 0;
        for (int i = 0; i < encoded.size(); i++) {
            int bytes = encoded.get(i).utf8Bytes();
            if (entries.size() == MAX_BATCH_ENTRIES || entriesBytes + bytes > DataObjectLimits.MAX_SNS_MESSAGE_BYTES) {
                sendWithRetries(entries, batch);
                entries = new ArrayList<>();
                entriesBytes = 0;
            }
            entries.add(i);
            entriesBytes += bytes;
        }
        if (!entries.isEmpty()) {
            sendWithRetries(entries, batch);
        }
        return new BatchPublishResult(published, failures);
    }

    private List<EncodedDataObject> encodeAll(List<DataObject> objects, int first) {
        List<EncodedDataObject> encoded = new ArrayList<>(objects.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            try {
                encoded.add(codec.encode(objects.get(i)));
            } catch (LabelingValidationException e) {
                String prefix = "objects[" + (first + i) + "].";
                e.violations().forEach(v -> violations.add(new Violation(prefix + v.field(), v.value(), v.rule())));
            }
        }
        if (!violations.isEmpty()) {
            throw new LabelingValidationException(subject(first), violations);
        }
        return encoded;
    }

    /** What a validation exception is about, saying which objects were sent before it when some were. */
    private static String subject(int sent) {
        return sent == 0 ? "Data objects"
                : "Data objects (publishing stopped here; objects[0] to objects[" + (sent - 1) + "] were sent)";
    }

    /**
     * Sends entries (positions in the batch) until each is published or has failed for good: entries SNS answered as
     * failed on its side go again in the next round; a call that failed after the SDK's retries, an entry refused as
     * the sender's fault, the last round, or an interrupt end it.
     */
    private void sendWithRetries(List<Integer> entries, Batch batch) {
        List<Integer> pending = new ArrayList<>(entries);
        for (int next = 1; ; next++) {
            int round = next;
            List<Integer> retryable = new ArrayList<>();
            Map<Integer, BatchResultErrorEntry> errors = new LinkedHashMap<>();
            try {
                PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn)
                        .publishBatchRequestEntries(pending.stream().map(i -> PublishBatchRequestEntry.builder()
                                .id(String.valueOf(i)).message(batch.encoded.get(i).manifestLine()).build()).toList())
                        .overrideConfiguration(o -> o.addPlugin(callRetries)));
                response.successful().forEach(ok -> batch.published(Integer.parseInt(ok.id()), ok.messageId()));
                for (BatchResultErrorEntry failed : response.failed()) {
                    int position = Integer.parseInt(failed.id());
                    if (Boolean.TRUE.equals(failed.senderFault())) {
                        batch.failed(position, failed.code(), failed.message(), round);
                    } else {
                        retryable.add(position);
                        errors.put(position, failed);
                    }
                }
            } catch (SdkException e) {
                LOG.debug("PublishBatch to {} failed after the SDK's retries; failing its {} entries", topicArn,
                        pending.size(), e);
                pending.forEach(position -> batch.failed(position, errorCode(e), e.getMessage(), round));
                return;
            }
            if (retryable.isEmpty()) {
                return;
            }
            if (round == retry.maxAttempts() || !waitBeforeRound(round)) {
                String why = round == retry.maxAttempts() ? null : "interrupted before trying again";
                for (int position : retryable) {
                    BatchResultErrorEntry error = errors.get(position);
                    batch.failed(position, error.code(), why == null ? error.message() : why + ": "
                            + error.message(), round);
                }
                return;
            }
            pending.clear();
            pending.addAll(retryable);
            observer.retried(retryable.size());
        }
    }

    /** @return false when interrupted (the interrupt is kept for the caller) */
    private boolean waitBeforeRound(int round) {
        try {
            Thread.sleep(entryBackoff.computeDelay(round).toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An error code for a whole call's failure: AWS's own, else the exception's type. */
    private static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    private static PublishedObject published(DataObject object, EncodedDataObject encoded, String messageId) {
        return new PublishedObject(messageId, encoded.dedupKey(), encoded.dedupId(), object.source(), object.sourceRef());
    }

    /** Tells the observer about each transmission of a call after its first: the AWS SDK's retries. */
    private final class RetriedCalls implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (attributes.getAttribute(TRANSMITTED) != null) {
                observer.retried(context.request() instanceof PublishBatchRequest batch
                        ? batch.publishBatchRequestEntries().size() : 1);
            }
            attributes.putAttribute(TRANSMITTED, Boolean.TRUE);
        }
    }

    /** One publishBatch call's objects and the outcome of each, filled in as answers come. */
    private record Batch(List<DataObject> objects, List<EncodedDataObject> encoded, int first,
                         PublishedObject[] outcomes, FailedObject[] failures, PublishObserver observer) {

        void published(int position, String messageId) {
            outcomes[position] = DataObjectPublisher.published(objects.get(position), encoded.get(position), messageId);
            observer.published(1);
        }

        void failed(int position, String code, String message, int attempts) {
            observer.failed(1);
            failures[position] = new FailedObject(first + position, encoded.get(position).dedupId(), code, message,
                    attempts);
        }
    }
}
