package io.github.sagemakerlabeling.camel.consumer;

import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs long polls on threads of their own, so a consumer that suspends or stops need not wait for one. The SDK's
 * synchronous client cannot abort a call under way, and an interrupt during the call would make it throw away the
 * messages SQS already handed out (hidden until their visibility timeout). So {@link #abandon()} releases the poll
 * threads waiting at once, while their receives run to their end (at most {@code waitTimeSeconds}) on their own
 * threads and hand back what they got.
 */
public final class LongPolls {

    private final ExecutorService threads;
    private final Set<CompletableFuture<Void>> waits = ConcurrentHashMap.newKeySet();
    private volatile boolean abandoned;

    /** @param threads the threads receives run on; owned by the caller, shut down without interrupts */
    public LongPolls(ExecutorService threads) {
        this.threads = threads;
    }

    /**
     * Receives on a long-poll thread and waits for the result, unless abandoned.
     *
     * @param receive  the receive
     * @param handBack what to do with messages that arrive after the wait was abandoned
     * @return the messages received; empty when abandoned or interrupted
     */
    public List<ReceivedOutput> receive(Supplier<List<ReceivedOutput>> receive,
                                        Consumer<List<ReceivedOutput>> handBack) {
        if (abandoned) {
            return List.of();
        }
        CompletableFuture<Void> abandonedWait = new CompletableFuture<>();
        waits.add(abandonedWait);
        CompletableFuture<List<ReceivedOutput>> polled = CompletableFuture.supplyAsync(receive, threads);
        try {
            if (abandoned) {
                abandonedWait.complete(null);
            }
            CompletableFuture.anyOf(polled, abandonedWait).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the receive failed: reported below
        } finally {
            waits.remove(abandonedWait);
        }
        if (!polled.isDone()) {
            polled.thenAccept(handBack);
            return List.of();
        }
        try {
            return polled.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Releases the waiting poll threads at once, and makes later receives return nothing, until {@link #resume}. */
    public void abandon() {
        abandoned = true;
        waits.forEach(wait -> wait.complete(null));
    }

    /** Receives wait for their messages again. */
    public void resume() {
        abandoned = false;
    }
}
