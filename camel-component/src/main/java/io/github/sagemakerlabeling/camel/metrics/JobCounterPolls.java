package io.github.sagemakerlabeling.camel.metrics;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Describes a job every metricsJobCountersInterval, only to refresh its label counter gauges. */
public final class JobCounterPolls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobCounterPolls.class);
    /** Polls nothing. */
    public static final JobCounterPolls NONE = new JobCounterPolls(null, null);

    private final CamelContext context;
    private final ScheduledExecutorService timer;

    private JobCounterPolls(CamelContext context, ScheduledExecutorService timer) {
        this.context = context;
        this.timer = timer;
    }

    /**
     * Starts describing every {@code intervalMillis}; with 0 (or metrics off), polls nothing.
     *
     * @param describe describes the job (through the service that tells the meters)
     */
    public static JobCounterPolls start(CamelContext context, Object owner, String job, long intervalMillis,
                                        LabelingMetrics metrics, Runnable describe) {
        if (intervalMillis <= 0 || metrics == LabelingMetrics.NONE) {
            return NONE;
        }
        ScheduledExecutorService timer = context.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(owner, "SageMakerLabelingJobCounters");
        timer.scheduleWithFixedDelay(() -> {
            try {
                describe.run();
            } catch (RuntimeException e) {
                LOG.debug("Describing labeling job '{}' for its label counter gauges failed", job, e);
            }
        }, 0, intervalMillis, TimeUnit.MILLISECONDS);
        return new JobCounterPolls(context, timer);
    }

    @Override
    public void close() {
        if (timer != null) {
            context.getExecutorServiceManager().shutdownNow(timer);
        }
    }
}
