package io.github.sagemakerlabeling.camel.consumer;

import io.github.sagemakerlabeling.core.service.OutputReceiver;
import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The messages of one receive, settled as their exchanges complete, in whatever thread and order: a message whose
 * exchange failed is made visible again at once; the others are deleted together, with one DeleteMessageBatch, when
 * the last exchange of the receive completed. A message is therefore never deleted before its exchange completed;
 * when SQS fails a delete or a release, the message comes back after its visibility timeout (at least once).
 */
public final class CompletionBatch {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionBatch.class);

    private final OutputReceiver receiver;
    private final List<ReceivedOutput> handled = new ArrayList<>();
    private int pending;

    /**
     * @param receiver the receiver the messages came from
     * @param size     how many messages the receive returned
     */
    public CompletionBatch(OutputReceiver receiver, int size) {
        this.receiver = receiver;
        this.pending = size;
    }

    /** Settles the message when the exchange routing it completes. */
    public Synchronization settlementOf(ReceivedOutput output) {
        return new Synchronization() {
            @Override
            public void onComplete(Exchange exchange) {
                handled(output);
            }

            @Override
            public void onFailure(Exchange exchange) {
                failed(output);
            }
        };
    }

    /** Hands messages that were never routed back to the queue at once (the consumer is stopping). */
    public void handBack(List<ReceivedOutput> outputs) {
        if (outputs.isEmpty()) {
            return;
        }
        try {
            List<ReceivedOutput> kept = receiver.release(outputs);
            kept.forEach(output -> LOG.warn("SQS did not hand back output message {}; it is delivered again after its"
                    + " visibility timeout", output.messageId()));
        } catch (SdkException e) {
            LOG.warn("Handing back {} output messages failed; they are delivered again after their visibility timeout",
                    outputs.size(), e);
        }
        settled(outputs.size());
    }

    private void handled(ReceivedOutput output) {
        synchronized (this) {
            handled.add(output);
        }
        settled(1);
    }

    private void failed(ReceivedOutput output) {
        try {
            receiver.release(output);
        } catch (SdkException e) {
            LOG.warn("Releasing output message {} failed; it is delivered again after its visibility timeout",
                    output.messageId(), e);
        }
        settled(1);
    }

    private void settled(int count) {
        List<ReceivedOutput> toDelete;
        synchronized (this) {
            pending -= count;
            if (pending > 0 || handled.isEmpty()) {
                return;
            }
            toDelete = List.copyOf(handled);
            handled.clear();
        }
        try {
            receiver.delete(toDelete).forEach(output -> LOG.warn("SQS did not delete routed output message {}; it is"
                    + " delivered again after its visibility timeout", output.messageId()));
        } catch (SdkException e) {
            LOG.warn("Deleting {} routed output messages failed; they are delivered again after their visibility"
                    + " timeout", toDelete.size(), e);
        }
    }
}
