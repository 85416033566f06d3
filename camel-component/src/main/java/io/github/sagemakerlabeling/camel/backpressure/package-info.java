/**
 * Back-pressure and budget: the producer asks a {@link io.github.sagemakerlabeling.core.service.backlog.FeedGate}
 * before each send (options maxBacklog, maxObjects, maxObjectsPerDay), and consumers in the same CamelContext count
 * the results they receive in the job's {@link io.github.sagemakerlabeling.core.service.backlog.FeedCounters}.
 */
package io.github.sagemakerlabeling.camel.backpressure;
