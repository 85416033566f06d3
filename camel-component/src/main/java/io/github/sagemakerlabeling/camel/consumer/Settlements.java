package io.github.sagemakerlabeling.camel.consumer;

import io.github.sagemakerlabeling.core.service.OutputReceiver;
import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Settles each output message on its own as its exchange completes, in whatever thread and order. A routed message
 * is deleted once its exchange completed, never before, together with others: a DeleteMessageBatch goes out as soon
 * as ten are waiting, or {@code linger} after the first of them, so a slow exchange holds up no other message. A
 * message whose exchange failed is hidden for its {@link FailureBackoff} and then received again. While exchanges are
 * under way, their messages can be kept hidden ({@link #extendVisibility}). When SQS fails a delete or a release, the
 * message comes back after its visibility timeout (at least once).
 */
public final class Settlements {

    private static final Logger LOG = LoggerFactory.getLogger(Settlements.class);
    private static final int MAX_BATCH = 10;

    private final OutputReceiver receiver;
    private final FailureBackoff backoff;
    private final ScheduledExecutorService timer;
    private final Duration linger;
    private final Set<ReceivedOutput> underWay = ConcurrentHashMap.newKeySet();
    private final List<ReceivedOutput> toDelete = new ArrayList<>();
    private ScheduledFuture<?> pendingFlush;
    private boolean closed;

    /**
     * @param receiver the receiver the messages came from
     * @param backoff  how long failed messages stay hidden
     * @param timer    runs delayed deletes; owned by the caller
     * @param linger   how long a routed message may wait for others to be deleted with
     */
    public Settlements(OutputReceiver receiver, FailureBackoff backoff, ScheduledExecutorService timer,
                       Duration linger) {
        this.receiver = receiver;
        this.backoff = backoff;
        this.timer = timer;
        this.linger = linger;
    }

    /** The receiver the messages come from. */
    public OutputReceiver receiver() {
        return receiver;
    }

    /** The message starts routing; the returned callback settles it when the exchange completes. */
    public Synchronization routing(ReceivedOutput output) {
        underWay.add(output);
        return new Synchronization() {
            @Override
            public void onComplete(Exchange exchange) {
                routed(output);
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
            receiver.release(outputs).forEach(output -> LOG.warn("SQS did not hand back output message {}; it is"
                    + " delivered again after its visibility timeout", output.messageId()));
        } catch (SdkException e) {
            LOG.warn("Handing back {} output messages failed; they are delivered again after their visibility timeout",
                    outputs.size(), e);
        }
    }

    /** Keeps the messages of the exchanges under way hidden for {@code seconds} more. */
    public void extendVisibility(int seconds) {
        List<ReceivedOutput> outputs = List.copyOf(underWay);
        if (outputs.isEmpty()) {
            return;
        }
        try {
            // A message settled meanwhile has a stale receipt handle: SQS fails its entry, which changes nothing.
            receiver.hideFor(outputs, seconds);
        } catch (SdkException e) {
            LOG.warn("Extending the visibility of {} output messages under way failed; a message whose exchange runs"
                    + " past its visibility timeout may be delivered again", outputs.size(), e);
        }
    }

    /** Deletes what waits now and every later routed message at once (the consumer stopped: no timer any more). */
    public void close() {
        synchronized (this) {
            closed = true;
        }
        flush();
    }

    private void routed(ReceivedOutput output) {
        underWay.remove(output);
        List<ReceivedOutput> batch = null;
        synchronized (this) {
            toDelete.add(output);
            if (closed || toDelete.size() >= MAX_BATCH) {
                batch = takeAll();
            } else if (pendingFlush == null) {
                pendingFlush = timer.schedule(this::flush, linger.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        if (batch != null) {
            delete(batch);
        }
    }

    private void failed(ReceivedOutput output) {
        underWay.remove(output);
        int seconds = backoff.seconds(output.receiveCount());
        try {
            receiver.releaseAfter(output, seconds);
        } catch (SdkException e) {
            LOG.warn("Releasing output message {} failed; it is delivered again after its visibility timeout",
                    output.messageId(), e);
        }
    }

    private void flush() {
        List<ReceivedOutput> batch;
        synchronized (this) {
            batch = takeAll();
        }
        delete(batch);
    }

    /** Takes the waiting messages; call holding the lock. */
    private List<ReceivedOutput> takeAll() {
        if (pendingFlush != null) {
            pendingFlush.cancel(false);
            pendingFlush = null;
        }
        List<ReceivedOutput> batch = List.copyOf(toDelete);
        toDelete.clear();
        return batch;
    }

    private void delete(List<ReceivedOutput> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            receiver.delete(batch).forEach(output -> LOG.warn("SQS did not delete routed output message {}; it is"
                    + " delivered again after its visibility timeout", output.messageId()));
        } catch (SdkException e) {
            LOG.warn("Deleting {} routed output messages failed; they are delivered again after their visibility"
                    + " timeout", batch.size(), e);
        }
    }
}
