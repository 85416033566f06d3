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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces data objects submitted one at a time, by many concurrent exchanges, into PublishBatch calls of up to
 * {@value DataObjectPublisher#MAX_BATCH_ENTRIES} entries, and tells each submitter what became of its own object.
 *
 * <p>One collector thread takes the first waiting object, then waits at most {@code maxWait} for more until the
 * batch is full (not waiting while {@code hurry} says so), and hands the batch to a sender pool, which publishes it (retrying failed entries, see
 * {@link DataObjectPublisher#publishBatch(List)}) and completes each submitter on the sender's thread. Submitters are
 * never parked. {@link #close()} stops taking objects, sends every object already submitted and waits for the
 * senders: no submitted object is lost.
 */
public final class PublishBatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublishBatcher.class);
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The longest a batch waits without looking at {@link #hurry}. */
    private static final long HURRY_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Queued by {@link #close()} to end the collector's wait at once. */
    private static final Submitted WAKE_UP = new Submitted(null, null);

    private final Supplier<DataObjectPublisher> publisher;
    private final long maxWaitNanos;
    private final BooleanSupplier hurry;
    private final ExecutorService collector;
    private final ExecutorService senders;
    private final Duration closeTimeout;
    private final BlockingQueue<Submitted> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    /** Written under {@link #lock}, so no object is queued after the collector saw it set and the queue empty. */
    private volatile boolean closed;

    /**
     * Starts the collector.
     *
     * @param publisher    the publisher, asked for on every batch (so the topic is resolved lazily, once)
     * @param maxWait      how long a batch waits for more objects after its first
     * @param hurry        while true, batches go out without waiting (for example while Camel shuts down, so
     *                     exchanges waiting for a batch do not hold up the shutdown)
     * @param collector    a single thread for the collector
     * @param senders      the threads that publish batches and complete submitters
     * @param closeTimeout how long {@link #close()} waits for each of the two to finish
     */
    public PublishBatcher(Supplier<DataObjectPublisher> publisher, Duration maxWait, BooleanSupplier hurry,
                          ExecutorService collector, ExecutorService senders, Duration closeTimeout) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.maxWaitNanos = maxWait.toNanos();
        this.hurry = Objects.requireNonNull(hurry, "hurry");
        this.collector = collector;
        this.senders = senders;
        this.closeTimeout = closeTimeout;
        collector.execute(this::collect);
    }

    /**
     * Queues an object for the next batch. Exactly one of the two arguments given to {@code done} is
     * {@code null}: the published object, or why it was not published (a {@link BatchPublishException} naming it as
     * object 0 when SNS kept failing its entry).
     *
     * @throws RejectedExecutionException once {@link #close()} was called
     */
    public void submit(DataObject object, Completion done) {
        synchronized (lock) {
            if (closed) {
                throw new RejectedExecutionException("the producer is stopping: it takes no more data objects");
            }
            queue.add(new Submitted(object, done));
        }
    }

    /** Sends every object submitted so far and stops the threads. */
    @Override
    public void close() throws InterruptedException {
        synchronized (lock) {
            closed = true;
            queue.add(WAKE_UP);
        }
        collector.shutdown();
        if (!collector.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("The batch collector did not finish within {}; {} data objects are still queued", closeTimeout,
                    queue.size());
        }
        senders.shutdown();
        if (!senders.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("PublishBatch calls were still running {} after stop began", closeTimeout);
        }
    }

    private void collect() {
        try {
            while (true) {
                Submitted first = queue.poll(IDLE_POLL_NANOS, TimeUnit.NANOSECONDS);
                if (first == null || first == WAKE_UP) {
                    synchronized (lock) {
                        if (closed && queue.isEmpty()) {
                            return;
                        }
                    }
                    continue;
                }
                List<Submitted> batch = new ArrayList<>(DataObjectPublisher.MAX_BATCH_ENTRIES);
                batch.add(first);
                fill(batch);
                dispatch(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failQueued(e);
        }
    }

    /**
     * Adds waiting objects until the batch is full or {@code maxWait} passed since its first one; once closing or in
     * a hurry, only those already waiting. Interrupted, it stops adding and keeps the interrupt for the collector, so
     * the objects it holds are still sent and the queued ones failed.
     */
    private void fill(List<Submitted> batch) {
        try {
            addWaiting(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void addWaiting(List<Submitted> batch) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitNanos;
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
            batch.forEach(submitted -> complete(submitted, null, e));
        }
    }

    private void send(List<Submitted> batch) {
        BatchPublishResult result;
        try {
            result = publisher.get().publishBatch(batch.stream().map(Submitted::object).toList());
        } catch (RuntimeException e) {
            batch.forEach(submitted -> complete(submitted, null, e));
            return;
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
