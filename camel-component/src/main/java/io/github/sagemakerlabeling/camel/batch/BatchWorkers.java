package io.github.sagemakerlabeling.camel.batch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The thread pool that continues batched exchanges once their PublishBatch call answered, so the route after the
 * endpoint never runs on (and never holds up) a batch sender. The pool hands each exchange to an idle thread, growing
 * up to its maximum size; with every thread busy, the exchange continues on the sender's own thread, which slows
 * publishing down instead of queueing exchanges without bound.
 */
public final class BatchWorkers {

    private final ExecutorService pool;
    private final boolean owned;
    private final ExecutorServiceManager executors;

    private BatchWorkers(ExecutorService pool, boolean owned, ExecutorServiceManager executors) {
        this.pool = pool;
        this.owned = owned;
        this.executors = executors;
    }

    /** Continues exchanges on the user's pool, which stays theirs to shut down. */
    public static BatchWorkers of(ExecutorService pool) {
        return new BatchWorkers(pool, false, null);
    }

    /** Creates a pool of {@code coreSize} to {@code maxSize} threads, shut down by {@link #shutdown()}. */
    public static BatchWorkers create(ExecutorServiceManager executors, Object source, String name, int coreSize,
                                      int maxSize) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(coreSize);
        profile.setMaxPoolSize(maxSize);
        profile.setMaxQueueSize(0); // hand over to a thread, never queue behind busy ones
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return new BatchWorkers(executors.newThreadPool(source, name, profile), true, executors);
    }

    /** Runs the continuation on a worker, or here when none is free or the pool was shut down. */
    public void continueWith(Runnable continuation) {
        try {
            pool.execute(continuation);
        } catch (RejectedExecutionException e) {
            continuation.run();
        }
    }

    /** Lets running continuations finish, then stops the threads, if the pool is the producer's own. */
    public void shutdown() {
        if (owned) {
            executors.shutdownGraceful(pool);
        }
    }

    /**
     * A pool for the batch senders: a fixed number of threads that refuses work once shut down instead of running
     * it on the caller's thread (Camel's default profile would), so no batch is silently dropped at stop.
     */
    public static ExecutorService senders(ExecutorServiceManager executors, Object source, String name, int count) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(count);
        profile.setMaxPoolSize(count);
        profile.setMaxQueueSize(count);
        profile.setAllowCoreThreadTimeOut(false);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return executors.newThreadPool(source, name, profile);
    }
}
