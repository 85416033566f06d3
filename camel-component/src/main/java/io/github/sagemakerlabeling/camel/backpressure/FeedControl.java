package io.github.sagemakerlabeling.camel.backpressure;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.service.backlog.FeedCounters;
import io.github.sagemakerlabeling.core.service.backlog.FeedGate;
import io.github.sagemakerlabeling.core.service.backlog.JobSnapshots;
import io.github.sagemakerlabeling.core.service.budget.FeedBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;

/**
 * What a producer asks before it sends: nothing, when no back-pressure or budget option is set; else the job's
 * {@link FeedGate}, whose counters it shares with the job's consumers in the CamelContext.
 */
public final class FeedControl {

    private static final FeedControl NONE = new FeedControl(null);

    private final FeedGate gate;

    private FeedControl(FeedGate gate) {
        this.gate = gate;
    }

    /**
     * The control the endpoint's options ask for.
     *
     * @param jobName  the job
     * @param options  the endpoint's options, already checked ({@link FeedOptions#violations})
     * @param counters the job's counters in the CamelContext
     * @param describe describes the job
     */
    public static FeedControl of(String jobName, SageMakerLabelingConfiguration options, FeedCounters counters,
                                 Supplier<DescribeLabelingJobResponse> describe) {
        if (!FeedOptions.wanted(options)) {
            return NONE;
        }
        Clock clock = options.getClock() != null ? options.getClock() : Clock.systemUTC();
        JobSnapshots snapshots = new JobSnapshots(describe, counters, clock,
                Duration.ofMillis(options.getBacklogCheckInterval()));
        Optional<FeedBudget> budget = options.getMaxObjects() == null && options.getMaxObjectsPerDay() == null
                ? Optional.empty()
                : Optional.of(new FeedBudget(jobName, optional(options.getMaxObjects()),
                        optional(options.getMaxObjectsPerDay())));
        return new FeedControl(new FeedGate(jobName, snapshots, FeedOptions.bound(options), budget,
                options.isBacklogBlockWhenFull(), Duration.ofMillis(options.getBacklogTimeout())));
    }

    /** Admits {@code objects} to be sent now (see {@link FeedGate#admit}). */
    public void admit(int objects) {
        if (gate != null) {
            gate.admit(objects);
        }
    }

    /** The objects, each admitted as it is taken. */
    public Iterator<DataObject> admitEach(Iterator<DataObject> objects) {
        if (gate == null) {
            return objects;
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return objects.hasNext();
            }

            @Override
            public DataObject next() {
                DataObject next = objects.next();
                gate.admit(1);
                return next;
            }
        };
    }

    /** Fails exchanges waiting for room, and later ones. */
    public void close() {
        if (gate != null) {
            gate.close();
        }
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
