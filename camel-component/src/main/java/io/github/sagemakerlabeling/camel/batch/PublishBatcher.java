package io.github.sagemakerlabeling.camel.batch;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.service.BatchPublishException;
import io.github.sagemakerlabeling.core.service.BatchPublishException.FailedObject;
import io.github.sagemakerlabeling.core.service.BatchPublishResult;
import io.github.sagemakerlabeling.core.service.DataObjectPublisher;
import io.github.sagemakerlabeling.core.service.PublishedObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces data objects submitted one at a time, by many concurrent exchanges, into PublishBatch calls of up to
 * {@value DataObjectPublisher#MAX_BATCH_ENTRIES} entries, and tells each submitter what became of its own object.
 *
 * <p>Submitted objects wait in a bounded queue. One collector thread takes the first waiting object, then waits at
 * most {@code maxWait} for more until the batch is full (not waiting while {@code hurry} says so), and hands the
 * batch to a sender, once one is free, which publishes it (retrying failed entries, see
 * {@link DataObjectPublisher#publishBatch(List)}) and tells each submitter. While every sender is busy the queue
 * fills, and a full queue makes {@link #submit} wait or refuse (back-pressure).
 *
 * <p>Every submitted object is told its outcome exactly once: {@link #close()} stops taking objects, sends every
 * object already submitted and waits for the senders; objects it could not send in time are failed with a
 * {@link RejectedExecutionException} saying so.
 */
public final class PublishBatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublishBatcher.class);
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The longest a batch waits without looking at {@link #hurry}. */
    private static final long HURRY_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** The longest a blocked submitter waits without looking whether the batcher closed. */
    private static final long CLOSED_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Queued by {@link #close()} to end the collector's wait at once. */
    private static final Submitted WAKE_UP = new Submitted(null, null);

    private final Supplier<DataObjectPublisher> publisher;
    private final BatchQueueSettings settings;
    private final BooleanSupplier hurry;
    private final ExecutorService collector;
    private final ExecutorService senders;
    /** One permit a sender: the collector takes one before it hands a batch over, the sender gives it back. */
    private final Semaphore freeSenders;
    private final Duration closeTimeout;
    private final BlockingQueue<Submitted> queue;
    private volatile boolean closed;

    /**
     * Starts the collector.
     *
     * @param publisher    the publisher, asked for on every batch (so the topic is resolved lazily, once)
     * @param settings     the wait for a batch, the queue's capacity and what a full queue does to a submitter
     * @param hurry        while true, batches go out without waiting (for example while Camel shuts down, so
     *                     exchanges waiting for a batch do not hold up the shutdown)
     * @param collector    a single thread for the collector
     * @param senders      the threads that publish batches and complete submitters; it must take
     *                     {@code senderCount} tasks at once and refuse (not run) tasks once shut down
     * @param senderCount  how many batches are published at once
     * @param closeTimeout how long {@link #close()} waits for each of the two to finish
     */
    public PublishBatcher(Supplier<DataObjectPublisher> publisher, BatchQueueSettings settings, BooleanSupplier hurry,
                          ExecutorService collector, ExecutorService senders, int senderCount, Duration closeTimeout) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hurry = Objects.requireNonNull(hurry, "hurry");
        this.collector = collector;
        this.senders = senders;
        this.freeSenders = new Semaphore(senderCount);
        this.closeTimeout = closeTimeout;
        this.queue = new LinkedBlockingQueue<>(settings.capacity());
        collector.execute(this::collect);
    }

    /**
     * Queues an object for the next batch. Exactly one of the two arguments given to {@code done} is
     * {@code null}: the published object, or why it was not published (a {@link BatchPublishException} naming it as
     * object 0 when SNS kept failing its entry). When the queue is full, waits for room or throws, as the settings
     * say.
     *
     * @throws RejectedExecutionException once {@link #close()} was called, when the queue is full and the settings
     *                                    say not to wait, or when interrupted while waiting; {@code done} is then
     *                                    never called
     */
    public void submit(DataObject object, Completion done) {
        Submitted submitted = new Submitted(object, done);
        rejectIfClosed();
        if (settings.blockWhenFull()) {
            waitForRoom(submitted);
        } else if (!queue.offer(submitted)) {
            throw new RejectedExecutionException("The batch queue is full: " + settings.capacity() + " data objects"
                    + " (batchQueueSize) wait for a PublishBatch call, so this one was not sent. Feed slower, raise"
                    + " batchQueueSize or batchSenders, or set batchBlockWhenFull=true to make callers wait");
        }
        // Closed meanwhile: whoever removes the object from the queue owns it; if the collector or close() took it,
        // they tell done what became of it.
        if (closed && queue.remove(submitted)) {
            throw stopping();
        }
    }

    private void waitForRoom(Submitted submitted) {
        try {
            while (!queue.offer(submitted, CLOSED_CHECK_NANOS, TimeUnit.NANOSECONDS)) {
                rejectIfClosed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("Interrupted while waiting for room in the full batch queue ("
                    + settings.capacity() + " data objects, batchQueueSize): this data object was not sent", e);
        }
    }

    private void rejectIfClosed() {
        if (closed) {
            throw stopping();
        }
    }

    private static RejectedExecutionException stopping() {
        return new RejectedExecutionException("the producer is stopping: it takes no more data objects");
    }

    /**
     * Sends every object submitted so far and stops the threads. Objects still queued when the collector did not
     * finish in time, and batches no sender took, fail with a {@link RejectedExecutionException}.
     */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        queue.offer(WAKE_UP);
        collector.shutdown();
        if (!collector.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("The batch collector did not finish within {}; failing the {} data objects still queued",
                    closeTimeout, queue.size());
            collector.shutdownNow();
            collector.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        failQueued(new RejectedExecutionException("The producer stopped before this data object was sent: it was"
                + " not published"));
        senders.shutdown();
        if (!senders.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("PublishBatch calls were still running {} after stop began; interrupting them", closeTimeout);
            senders.shutdownNow();
        }
    }

    private void collect() {
        List<Submitted> batch = new ArrayList<>(DataObjectPublisher.MAX_BATCH_ENTRIES);
        try {
            while (true) {
                Submitted first = queue.poll(IDLE_POLL_NANOS, TimeUnit.NANOSECONDS);
                if (first == null || first == WAKE_UP) {
                    if (closed && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                fill(batch);
                freeSenders.acquire();
                dispatch(List.copyOf(batch));
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            RejectedExecutionException failure = new RejectedExecutionException("The producer stopped while this"
                    + " data object waited for a free batch sender: it was not published", e);
            batch.forEach(submitted -> complete(submitted, null, failure));
            failQueued(failure);
        }
    }

    /**
     * Adds waiting objects until the batch is full or {@code maxWait} passed since its first one; once closing or in
     * a hurry, only those already waiting. Interrupted, it stops adding and keeps the interrupt for the collector,
     * which then fails the batch and the queue.
     */
    private void fill(List<Submitted> batch) {
        try {
            addWaiting(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void addWaiting(List<Submitted> batch) throws InterruptedException {
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (batch.size() < DataObjectPublisher.MAX_BATCH_ENTRIES) {
            long left = deadline - System.nanoTime();
            boolean wait = left > 0 && !closed && !hurry.getAsBoolean();
            Submitted next = wait ? queue.poll(Math.min(left, HURRY_CHECK_NANOS), TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null && wait) {
                continue;
            }
            if (next == null) {
                return;
            }
            if (next != WAKE_UP) {
                batch.add(next);
            }
        }
    }

    private void dispatch(List<Submitted> batch) {
        try {
            senders.execute(() -> send(batch));
        } catch (RejectedExecutionException e) {
            freeSenders.release();
            RejectedExecutionException failure = new RejectedExecutionException("The producer stopped before this"
                    + " data object was sent (no batch sender took it): it was not published", e);
            batch.forEach(submitted -> complete(submitted, null, failure));
        }
    }

    private void send(List<Submitted> batch) {
        BatchPublishResult result;
        try {
            result = publisher.get().publishBatch(batch.stream().map(Submitted::object).toList());
        } catch (RuntimeException e) {
            batch.forEach(submitted -> complete(submitted, null, e));
            return;
        } finally {
            freeSenders.release();
        }
        for (int i = 0; i < batch.size(); i++) {
            PublishedObject published = result.published(i).orElse(null);
            complete(batch.get(i), published, published != null ? null : ownFailure(result.failure(i).orElseThrow()));
        }
    }

    /** The failure of one entry as its exchange sees it: its own object 0, not a position in someone's batch. */
    private static BatchPublishException ownFailure(FailedObject failed) {
        return new BatchPublishException(List.of(new FailedObject(0, failed.dedupId(), failed.code(),
                failed.message(), failed.attempts())), List.of());
    }

    private void failQueued(Exception cause) {
        List<Submitted> left = new ArrayList<>();
        queue.drainTo(left);
        left.stream().filter(submitted -> submitted != WAKE_UP).forEach(submitted -> complete(submitted, null, cause));
    }

    private static void complete(Submitted submitted, PublishedObject published, Exception failure) {
        try {
            submitted.done().completed(published, failure);
        } catch (RuntimeException e) {
            LOG.warn("Completing the exchange of {} failed", submitted.object(), e);
        }
    }

    /** What a submitter is told when its object was published or finally failed. */
    @FunctionalInterface
    public interface Completion {
        /**
         * @param published the published object, or {@code null} if it failed
         * @param failure   why it failed, or {@code null} if it was published
         */
        void completed(PublishedObject published, Exception failure);
    }

    private record Submitted(DataObject object, Completion done) {
    }
}
