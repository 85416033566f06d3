package io.github.sagemakerlabeling.core.service;

import io.github.sagemakerlabeling.core.result.MalformedOutputException;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads labeled output from the output queue, at least once: a message is deleted only when the caller says it was
 * handled ({@link #delete}), and {@link #release} makes it visible again at once for another try.
 */
public final class OutputReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(OutputReceiver.class);
    private static final int MAX_BATCH = 10;
    /** The code of a delete entry whose receipt handle SQS no longer knows, as after a lost reply's retry. */
    static final String RECEIPT_HANDLE_IS_INVALID = "ReceiptHandleIsInvalid";

    private final SqsClient sqs;
    private final String queueUrl;
    private final Optional<String> labelAttributeName;
    private final OutputLineParser parser = new OutputLineParser();

    /**
     * @param sqs                the client; the caller owns it
     * @param queueUrl           the output queue
     * @param labelAttributeName the job's label attribute, which picks the right label in chained output; empty to
     *                           take the label added last
     */
    public OutputReceiver(SqsClient sqs, String queueUrl, Optional<String> labelAttributeName) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.labelAttributeName = Objects.requireNonNull(labelAttributeName, "labelAttributeName");
    }

    /**
     * Long-polls for up to {@code maxMessages} (at most 10) messages; SNS envelopes and raw lines both work.
     *
     * @param waitSeconds how long to wait for a first message, 0 to 20
     */
    public List<ReceivedOutput> receive(int maxMessages, int waitSeconds) {
        return receive(maxMessages, waitSeconds, null);
    }

    /**
     * Long-polls as {@link #receive(int, int)} does, hiding what it gets for {@code visibilityTimeoutSeconds} instead
     * of the queue's default when that is not {@code null}.
     */
    public List<ReceivedOutput> receive(int maxMessages, int waitSeconds, Integer visibilityTimeoutSeconds) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(Math.min(maxMessages, MAX_BATCH)).waitTimeSeconds(waitSeconds)
                .visibilityTimeout(visibilityTimeoutSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        List<ReceivedOutput> received = new ArrayList<>(messages.size());
        for (Message message : messages) {
            received.add(read(message));
        }
        return received;
    }

    /**
     * Deletes handled messages in batches of ten; entries SQS fails on its side are retried once and then reported,
     * entries refused as the caller's fault are reported at once.
     *
     * <p>An entry refused with {@code ReceiptHandleIsInvalid} is neither: SQS no longer knows that receipt of the
     * message, because the message is gone (most often the SDK re-sent a DeleteMessageBatch that had taken effect
     * but whose reply was lost) or because it was received again, and that receipt settles it. Amazon SQS itself
     * answers a delete with an old receipt handle with success (ElasticMQ refuses it); nothing is left to delete, so
     * such an entry is only logged at DEBUG, not retried and not reported.
     *
     * @return the outputs that could not be deleted (they will be delivered again)
     */
    public List<ReceivedOutput> delete(List<ReceivedOutput> handled) {
        List<ReceivedOutput> notDeleted = new ArrayList<>();
        for (int from = 0; from < handled.size(); from += MAX_BATCH) {
            List<ReceivedOutput> batch = handled.subList(from, Math.min(handled.size(), from + MAX_BATCH));
            List<ReceivedOutput> retry = new ArrayList<>();
            deleteBatch(batch).forEach((output, error) -> (Boolean.TRUE.equals(error.senderFault()) ? notDeleted
                    : retry).add(output));
            if (!retry.isEmpty()) {
                notDeleted.addAll(deleteBatch(retry).keySet());
            }
        }
        return notDeleted;
    }

    /** Makes the message visible again at once, so it is received again (after a failed onward route). */
    public void release(ReceivedOutput output) {
        releaseAfter(output, 0);
    }

    /**
     * Makes the message visible again after {@code seconds} (0 to 43,200), so a failing message is tried again later
     * rather than at once.
     */
    public void releaseAfter(ReceivedOutput output, int seconds) {
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(output.receiptHandle())
                .visibilityTimeout(seconds));
    }

    /**
     * Makes messages visible again at once, in batches of ten (messages received but never routed, for example when
     * the consumer stops).
     *
     * @return the outputs SQS did not release (they become visible when their visibility timeout ends)
     */
    public List<ReceivedOutput> release(List<ReceivedOutput> outputs) {
        return hideFor(outputs, 0);
    }

    /**
     * Sets the messages' visibility timeout to {@code seconds} from now, in batches of ten: 0 releases them, more
     * keeps them hidden while a slow exchange still routes them.
     *
     * @return the outputs SQS did not change
     */
    public List<ReceivedOutput> hideFor(List<ReceivedOutput> outputs, int seconds) {
        List<ReceivedOutput> notReleased = new ArrayList<>();
        for (int from = 0; from < outputs.size(); from += MAX_BATCH) {
            List<ReceivedOutput> batch = outputs.subList(from, Math.min(outputs.size(), from + MAX_BATCH));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(String.valueOf(i))
                        .receiptHandle(batch.get(i).receiptHandle()).visibilityTimeout(seconds).build());
            }
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed()
                    .forEach(error -> notReleased.add(batch.get(Integer.parseInt(error.id()))));
        }
        return notReleased;
    }

    /** The URL of the queue this receiver reads. */
    public String queueUrl() {
        return queueUrl;
    }

    /** Deletes one batch; the entries SQS failed, with their errors, except those it no longer knows. */
    private Map<ReceivedOutput, BatchResultErrorEntry> deleteBatch(List<ReceivedOutput> batch) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i))
                    .receiptHandle(batch.get(i).receiptHandle()).build());
        }
        DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        Map<ReceivedOutput, BatchResultErrorEntry> failed = new LinkedHashMap<>();
        for (BatchResultErrorEntry error : response.failed()) {
            ReceivedOutput output = batch.get(Integer.parseInt(error.id()));
            if (RECEIPT_HANDLE_IS_INVALID.equals(error.code())) {
                LOG.debug("SQS no longer knows this receipt of output message {} (already deleted, or received again):"
                        + " nothing to delete", output.messageId());
            } else {
                failed.put(output, error);
            }
        }
        return failed;
    }

    private ReceivedOutput read(Message message) {
        try {
            return new ReceivedOutput(message.messageId(), message.receiptHandle(), message.body(),
                    Optional.of(labelAttributeName.map(name -> parser.parse(message.body(), name))
                            .orElseGet(() -> parser.parse(message.body()))),
                    Optional.empty(), receiveCount(message));
        } catch (MalformedOutputException e) {
            return malformed(message, e);
        } catch (RuntimeException e) {
            // One unreadable message must not fail the receive: the others are routed, this one gets its own error.
            return malformed(message, new MalformedOutputException("the message cannot be read: " + e, message.body(),
                    e));
        }
    }

    private static ReceivedOutput malformed(Message message, MalformedOutputException error) {
        return new ReceivedOutput(message.messageId(), message.receiptHandle(), message.body(), Optional.empty(),
                Optional.of(error), receiveCount(message));
    }

    /** The message's ApproximateReceiveCount; 1 when SQS did not return it. */
    private static int receiveCount(Message message) {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
