package io.github.sagemakerlabeling.core.service.backlog;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one application saw of one job's objects: how many its producers sent and how many results its consumers
 * received. Both only grow; a {@link FeedGate} reads them between two descriptions of the job. Shared by the producers
 * and consumers of a job in one application (in Camel, one CamelContext); thread-safe.
 */
public final class FeedCounters {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicReference<String> budgetSpent = new AtomicReference<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finishedMore = lock.newCondition();

    /** Objects handed to the job's input topic (or about to be). */
    public long sent() {
        return sent.get();
    }

    /** Results of the job received so far. */
    public long finished() {
        return finished.get();
    }

    /** Counts {@code objects} sent. */
    public void sent(long objects) {
        sent.addAndGet(objects);
    }

    /** Counts {@code objects} results received, and wakes callers waiting for the backlog to shrink. */
    public void finished(long objects) {
        finished.addAndGet(objects);
        wakeUp();
    }

    /**
     * Waits until more than {@code seen} results were received, or {@code nanos} passed.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void awaitFinishedAfter(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (finished.get() <= seen && left > 0) {
                left = finishedMore.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Records that a budget is spent, in words, for whoever reports it (a jobEvents consumer). */
    public void budgetSpent(String message) {
        budgetSpent.set(message);
    }

    /** The budget spent since the last call, once; empty when none was. */
    public Optional<String> takeBudgetSpent() {
        return Optional.ofNullable(budgetSpent.getAndSet(null));
    }

    /** Wakes every caller waiting for results, to look again (a gate that closed). */
    void wakeUp() {
        lock.lock();
        try {
            finishedMore.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
