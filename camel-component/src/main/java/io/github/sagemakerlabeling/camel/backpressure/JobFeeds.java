package io.github.sagemakerlabeling.camel.backpressure;

import io.github.sagemakerlabeling.core.service.backlog.FeedCounters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feed counters of each job in one CamelContext (the component holds them), so the producers and consumers of a
 * job share what they sent and received whichever endpoint URIs they use.
 */
public final class JobFeeds {

    private final Map<String, FeedCounters> byJob = new ConcurrentHashMap<>();

    /** The job's counters, created on first use. */
    public FeedCounters of(String jobName) {
        return byJob.computeIfAbsent(jobName, name -> new FeedCounters());
    }
}
