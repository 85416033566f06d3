package io.github.sagemakerlabeling.camel.consumer;

import java.time.Duration;

/**
 * Counts the receives under way, so a stopping consumer can let them return (and hand back what they got) before its
 * threads are interrupted: an interrupted long poll would leave the messages it took invisible until their
 * visibility timeout ends.
 */
public final class ActivePolls {

    private int active;

    /** A receive starts. */
    public synchronized void enter() {
        active++;
    }

    /** A receive ended. */
    public synchronized void exit() {
        active--;
        if (active == 0) {
            notifyAll();
        }
    }

    /**
     * Waits until no receive is under way, at most {@code timeout}.
     *
     * @return whether none is
     */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (active > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
