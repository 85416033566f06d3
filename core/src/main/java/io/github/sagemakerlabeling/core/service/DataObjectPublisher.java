package io.github.sagemakerlabeling.core.service;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.dataobject.DataObjectCodec;
import io.github.sagemakerlabeling.core.dataobject.DataObjectLimits;
import io.github.sagemakerlabeling.core.dataobject.EncodedDataObject;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes data objects to a streaming job's SNS input topic, one manifest line per message. Every object is
 * validated and given its dedup id before anything is sent. Batches respect SNS's limits (10 entries and 256 KiB a
 * call); failed entries are retried with backoff and never dropped: an object that still fails is named in a
 * {@link BatchPublishException}.
 */
public final class DataObjectPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DataObjectPublisher.class);
    private static final int MAX_BATCH_ENTRIES = 10;

    private final SnsClient sns;
    private final String topicArn;
    private final RetrySettings retry;
    private final DataObjectCodec codec = new DataObjectCodec();

    /**
     * @param sns      the client; the caller owns it
     * @param topicArn the job's input topic
     * @param retry    how failed batch entries are retried
     */
    public DataObjectPublisher(SnsClient sns, String topicArn, RetrySettings retry) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * Publishes one object.
     *
     * @throws LabelingValidationException before any call, when the object breaks a rule
     */
    public PublishedObject publish(DataObject object) {
        EncodedDataObject encoded = codec.encode(object);
        String messageId = sns.publish(b -> b.topicArn(topicArn).message(encoded.manifestLine())).messageId();
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
        List<EncodedDataObject> encoded = encodeAll(objects);
        Map<Integer, PublishedObject> published = new LinkedHashMap<>();
        List<BatchPublishException.FailedObject> failures = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        int batchBytes = 0;
        for (int i = 0; i < encoded.size(); i++) {
            int bytes = encoded.get(i).utf8Bytes();
            if (batch.size() == MAX_BATCH_ENTRIES || batchBytes + bytes > DataObjectLimits.MAX_SNS_MESSAGE_BYTES) {
                sendWithRetries(batch, objects, encoded, published, failures);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(i);
            batchBytes += bytes;
        }
        if (!batch.isEmpty()) {
            sendWithRetries(batch, objects, encoded, published, failures);
        }
        List<PublishedObject> inOrder = new ArrayList<>();
        for (int i = 0; i < encoded.size(); i++) {
            if (published.containsKey(i)) {
                inOrder.add(published.get(i));
            }
        }
        if (!failures.isEmpty()) {
            throw new BatchPublishException(failures, inOrder);
        }
        return inOrder;
    }

    private List<EncodedDataObject> encodeAll(List<DataObject> objects) {
        List<EncodedDataObject> encoded = new ArrayList<>(objects.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            try {
                encoded.add(codec.encode(objects.get(i)));
            } catch (LabelingValidationException e) {
                String prefix = "objects[" + i + "].";
                e.violations().forEach(v -> violations.add(new Violation(prefix + v.field(), v.value(), v.rule())));
            }
        }
        if (!violations.isEmpty()) {
            throw new LabelingValidationException("Data objects", violations);
        }
        return encoded;
    }

    private void sendWithRetries(List<Integer> batch, List<DataObject> objects, List<EncodedDataObject> encoded,
                                 Map<Integer, PublishedObject> published,
                                 List<BatchPublishException.FailedObject> failures) {
        List<Integer> pending = new ArrayList<>(batch);
        Map<Integer, BatchResultErrorEntry> lastErrors = new LinkedHashMap<>();
        for (int attempt = 1; attempt <= retry.maxAttempts() && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                LockSupport.parkNanos(retry.backoff(attempt - 1).toNanos());
            }
            List<Integer> retryable = new ArrayList<>();
            try {
                PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn)
                        .publishBatchRequestEntries(pending.stream().map(i -> PublishBatchRequestEntry.builder()
                                .id(String.valueOf(i)).message(encoded.get(i).manifestLine()).build()).toList()));
                response.successful().forEach(ok -> {
                    int index = Integer.parseInt(ok.id());
                    published.put(index, published(objects.get(index), encoded.get(index), ok.messageId()));
                    lastErrors.remove(index);
                });
                for (BatchResultErrorEntry failed : response.failed()) {
                    int index = Integer.parseInt(failed.id());
                    lastErrors.put(index, failed);
                    if (Boolean.TRUE.equals(failed.senderFault())) {
                        failures.add(failure(index, encoded.get(index), failed.code(), failed.message(), attempt));
                    } else {
                        retryable.add(index);
                    }
                }
            } catch (SdkException e) {
                LOG.debug("PublishBatch to {} failed on try {}; retrying its {} entries", topicArn, attempt,
                        pending.size(), e);
                pending.forEach(index -> lastErrors.put(index, BatchResultErrorEntry.builder().id(String.valueOf(index))
                        .code(e.getClass().getSimpleName()).message(e.getMessage()).build()));
                retryable.addAll(pending);
            }
            if (attempt == retry.maxAttempts()) {
                for (int index : retryable) {
                    BatchResultErrorEntry error = lastErrors.get(index);
                    failures.add(failure(index, encoded.get(index), error.code(), error.message(), attempt));
                }
                return;
            }
            pending.clear();
            pending.addAll(retryable);
        }
    }

    private static BatchPublishException.FailedObject failure(int index, EncodedDataObject encoded, String code,
                                                              String message, int attempts) {
        return new BatchPublishException.FailedObject(index, encoded.dedupId(), code, message, attempts);
    }

    private static PublishedObject published(DataObject object, EncodedDataObject encoded, String messageId) {
        return new PublishedObject(messageId, encoded.dedupKey(), encoded.dedupId(), object.source(), object.sourceRef());
    }
}
