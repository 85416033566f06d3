package io.github.sagemakerlabeling.local.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every Local Ground Truth server on the JDK's {@code HttpServer} shares: the JVM-wide settings of that server
 * ({@link #configure()}) and bounded handler pools ({@link #boundedPool}).
 */
public final class HttpServers {

    /** Seconds a client may take to send a request's headers and body before its connection is closed. */
    public static final int REQUEST_READ_TIMEOUT_SECONDS = 20;

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";

    private HttpServers() {
    }

    /**
     * Sets, unless already set, the JDK server's system properties, read once when the JVM's first
     * {@code HttpServer} is created: {@code sun.net.httpserver.nodelay=true} (the server writes headers and body
     * separately; without {@code TCP_NODELAY} every response waits about 40 ms for the client's delayed ACK) and
     * {@code sun.net.httpserver.maxReqTime} ({@link #REQUEST_READ_TIMEOUT_SECONDS}: a connection that has not
     * delivered its request's headers and body by then is closed, so a slow client cannot hold a handler thread).
     * Call it from a static initializer of every class that creates such a server.
     */
    public static void configure() {
        setIfAbsent(NO_DELAY, "true");
        setIfAbsent(MAX_REQUEST_TIME, Integer.toString(REQUEST_READ_TIMEOUT_SECONDS));
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /**
     * A pool of at most {@code threads} daemon handler threads with at most {@code queued} requests waiting; a
     * request beyond that is rejected, and the JDK server then closes its connection (clients retry).
     *
     * @param name the threads' name prefix
     */
    public static ExecutorService boundedPool(String name, int threads, int queued) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queued), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Ends a stopped server's handler pool: interrupts requests still running (a long poll, a forward) and waits up to
     * {@code seconds} for them.
     *
     * @return whether every handler thread ended in time
     */
    public static boolean endPool(ExecutorService pool, int seconds) {
        pool.shutdownNow();
        try {
            return pool.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
