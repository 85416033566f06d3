package io.github.sagemakerlabeling.local;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs parts of a stack's start on helper threads while the starting thread does others. {@link #close()} waits
 * until every part has ended, also when the start failed, so that whatever a part started is known (and can be
 * stopped) before the start gives up; the helper threads end with it.
 */
final class ParallelStart implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Longer than any part takes; a part still running then is left to finish on its own. */
    private static final long CLOSE_TIMEOUT_SECONDS = 60;

    private final ExecutorService executor;

    ParallelStart() {
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-ground-truth-start-" + instance + "-"
                    + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a part on a helper thread. */
    <T> Future<T> submit(Callable<T> part) {
        return executor.submit(part);
    }

    /**
     * Waits for a part and returns what it started.
     *
     * @throws Exception what the part threw
     */
    static <T> T await(Future<T> part) throws Exception {
        try {
            return part.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Waits until every part has ended. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
