package io.github.sagemakerlabeling.core.service.backlog;

import java.util.concurrent.RejectedExecutionException;

/** A data object was not sent because the job's backlog is at its bound (and waiting for room was not wanted, or timed out). */
public class BacklogFullException extends RejectedExecutionException {

    private final long backlog;
    private final long bound;

    public BacklogFullException(String message, long backlog, long bound) {
        super(message);
        this.backlog = backlog;
        this.bound = bound;
    }

    /** The objects the job held, not labeled yet, when the object was refused. */
    public long backlog() {
        return backlog;
    }

    /** The bound the backlog was at. */
    public long bound() {
        return bound;
    }
}
