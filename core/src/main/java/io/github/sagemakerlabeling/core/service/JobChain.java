package io.github.sagemakerlabeling.core.service;

import java.time.Instant;
import java.util.Objects;

/**
 * What one application knows about a chain of streaming jobs that succeed one another ({@link JobSuccession}): the
 * job of the chain data objects go to now, and when the application last sent one. Shared by everything of the
 * application that feeds or watches the chain; thread-safe.
 */
public final class JobChain {

    private final String origin;
    private volatile String current;
    private volatile int generation = 1;
    private volatile Instant lastSent;

    /**
     * @param origin  the first job's name, the one the application is configured with
     * @param started when the application started watching: until it sends, its idle age counts from here
     */
    public JobChain(String origin, Instant started) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.current = origin;
        this.lastSent = Objects.requireNonNull(started, "started");
    }

    /** The first job's name. */
    public String origin() {
        return origin;
    }

    /** The job data objects go to now: the origin, or its newest successor known here. */
    public String current() {
        return current;
    }

    /** The current job's place in the chain: 1 for the origin, 2 for its first successor, and so on. */
    public int generation() {
        return generation;
    }

    /** Takes the job of that generation as the chain's current job. */
    void moveTo(int generation, String job) {
        this.current = Objects.requireNonNull(job, "job");
        this.generation = generation;
    }

    /** Records that a data object was sent at {@code at}. */
    public void sent(Instant at) {
        lastSent = at;
    }

    /** When this application last sent a data object, or started watching when it has sent none. */
    public Instant lastSent() {
        return lastSent;
    }
}
