package io.github.sagemakerlabeling.core.service;

import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/**
 * Rollover: keeps a streaming job's work going after the job ended (idle stop, failure, stopped by someone) by
 * creating its successor from the same spec. A stopped job can never be restarted and its name never reused, so the
 * successors are named {@code <origin>-2}, {@code <origin>-3}, ... (the origin cut so that the name keeps within
 * SageMaker's 63 characters), use the same input and output topics, and carry the tags {@value #PREDECESSOR_TAG}
 * (the job they succeed) and {@value #ORIGIN_TAG} (the first job). The chain is found again by those names, so an
 * application restarted after a rollover attaches to the newest running successor instead of creating another.
 *
 * <p>Senders call {@link #awaitRunning} before they publish: it describes the current job (at most once per check
 * interval while the job runs), rolls over when it ended, and holds the caller until the job is {@code InProgress},
 * since what is published to the input topic while no job is subscribed to it is lost.
 */
public final class JobSuccession {

    /** The tag that names the job a successor succeeds. */
    public static final String PREDECESSOR_TAG = "predecessor";
    /** The tag that names the first job of a successor's chain. */
    public static final String ORIGIN_TAG = "rollover-origin";

    private static final Logger LOG = LoggerFactory.getLogger(JobSuccession.class);
    private static final int MAX_NAME_LENGTH = 63;
    private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    private static final Set<LabelingJobStatus> RUNNING = EnumSet.of(LabelingJobStatus.INITIALIZING,
            LabelingJobStatus.IN_PROGRESS);

    private final LabelingJobs jobs;
    private final LabelingJobSpec origin;
    private final JobChain chain;
    private final Clock clock;
    private final Duration checkInterval;
    /** The job last seen {@code InProgress} by this succession, and when; null until one was. */
    private volatile Confirmed confirmed;

    /**
     * @param jobs          the job service
     * @param origin        the first job's spec (topics resolved); each successor is this spec renamed and tagged
     * @param chain         what the application knows about the chain, shared with its other users
     * @param clock         the clock of {@code checkInterval}
     * @param checkInterval how long a job seen {@code InProgress} is taken to still run before it is described again
     */
    public JobSuccession(LabelingJobs jobs, LabelingJobSpec origin, JobChain chain, Clock clock,
                         Duration checkInterval) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.checkInterval = Objects.requireNonNull(checkInterval, "checkInterval");
        if (!origin.labelingJobName().equals(chain.origin())) {
            throw new IllegalArgumentException("the spec's job " + origin.labelingJobName() + " is not the origin of "
                    + "the chain of " + chain.origin());
        }
    }

    /**
     * The name of a chain's job: the origin's for generation 1, else {@code <origin>-<generation>}, the origin cut
     * at the end so that the name has at most 63 characters.
     *
     * @throws LabelingValidationException when the derived name breaks SageMaker's job name rule
     */
    public static String jobName(String origin, int generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be at least 1, was " + generation);
        }
        if (generation == 1) {
            return origin;
        }
        String suffix = "-" + generation;
        String name = origin.substring(0, Math.min(origin.length(), MAX_NAME_LENGTH - suffix.length())) + suffix;
        if (!JOB_NAME.matcher(name).matches()) {
            throw new LabelingValidationException("Successor of labeling job '" + origin + "'", new Violation(
                    "labelingJobName", name, "must match " + JOB_NAME.pattern() + " (1 to 63 letters, digits and"
                            + " hyphens, starting and ending with a letter or digit)"));
        }
        return name;
    }

    /** The spec of the chain's job of that generation: the origin's spec, renamed and tagged for successors. */
    public LabelingJobSpec spec(int generation) {
        if (generation == 1) {
            return origin;
        }
        Map<String, String> tags = new LinkedHashMap<>(origin.tags());
        tags.put(PREDECESSOR_TAG, jobName(origin.labelingJobName(), generation - 1));
        tags.put(ORIGIN_TAG, origin.labelingJobName());
        return origin.toBuilder().labelingJobName(jobName(origin.labelingJobName(), generation)).tags(tags).build();
    }

    /**
     * Makes sure the chain has a running job: creates the origin when it does not exist, attaches to the newest job
     * of the chain when it runs with the same spec, creates that job's successor when it ended.
     *
     * @throws LabelingJobException when a job of the chain differs from the spec, or a job with a successor's name
     *                              is not one
     */
    public EnsuredJob ensure() {
        synchronized (chain) {
            return ensureFrom(1);
        }
    }

    /**
     * Holds the caller until the chain's current job is {@code InProgress}, rolling over to a successor when it ended.
     * A job seen {@code InProgress} within the check interval is not described again.
     *
     * @param timeout how long to wait for a job, or its successor, to be {@code InProgress}
     * @return the name of the job that runs
     * @throws LabelingJobException when no job of the chain is {@code InProgress} within the timeout
     */
    public String awaitRunning(Duration timeout) {
        Confirmed last = confirmed;
        // Another user of the chain may have rolled over since: then the job seen is not the current one.
        if (last != null && last.job().equals(chain.current())
                && clock.instant().isBefore(last.at().plus(checkInterval))) {
            return last.job();
        }
        synchronized (chain) {
            DescribeLabelingJobResponse job = jobs.describe(chain.current());
            String predecessor = null;
            if (!RUNNING.contains(job.labelingJobStatus())) {
                predecessor = job.labelingJobName() + " (" + job.labelingJobStatusAsString() + ")";
                job = rollOver(job).job();
            }
            if (job.labelingJobStatus() != LabelingJobStatus.IN_PROGRESS) {
                job = awaitInProgress(job.labelingJobName(), predecessor, timeout);
            }
            confirmed = new Confirmed(job.labelingJobName(), clock.instant());
            return job.labelingJobName();
        }
    }

    /**
     * Rolls over when {@code seen}, a description of the chain's current job, shows it ended; for watchers that
     * describe the job anyway.
     *
     * @return the successor, when this call rolled over
     */
    public Optional<EnsuredJob> rollOverIfEnded(DescribeLabelingJobResponse seen) {
        synchronized (chain) {
            if (RUNNING.contains(seen.labelingJobStatus())
                    || !seen.labelingJobName().equalsIgnoreCase(chain.current())) {
                return Optional.empty();
            }
            return Optional.of(rollOver(seen));
        }
    }

    private EnsuredJob rollOver(DescribeLabelingJobResponse ended) {
        LOG.warn("Labeling job {} is {}{}: rolling over to its successor", ended.labelingJobName(),
                ended.labelingJobStatusAsString(), ended.failureReason() == null ? "" : " (" + ended.failureReason()
                        + ")");
        confirmed = null;
        return ensureFrom(chain.generation());
    }

    /** Walks the chain from a generation known to exist (or 1) to its newest job, and ensures a running one. */
    private EnsuredJob ensureFrom(int known) {
        int generation = known;
        Optional<DescribeLabelingJobResponse> newest = Optional.empty();
        while (true) {
            Optional<DescribeLabelingJobResponse> job = jobs.find(jobName(origin.labelingJobName(), generation));
            if (job.isEmpty()) {
                break;
            }
            checkBelongs(job.get(), generation);
            newest = job;
            generation++;
        }
        int wanted = newest.isPresent() && RUNNING.contains(newest.get().labelingJobStatus()) ? generation - 1
                : generation;
        EnsuredJob ensured = jobs.ensure(spec(wanted));
        if (ensured.created() && wanted > 1) {
            LOG.info("Created labeling job {}, the successor of {}", ensured.job().labelingJobName(),
                    jobName(origin.labelingJobName(), wanted - 1));
        }
        chain.moveTo(wanted, ensured.job().labelingJobName());
        return ensured;
    }

    private void checkBelongs(DescribeLabelingJobResponse job, int generation) {
        if (generation == 1) {
            return;
        }
        String taggedOrigin = job.hasTags() ? job.tags().stream().filter(tag -> ORIGIN_TAG.equals(tag.key()))
                .map(tag -> tag.value()).findFirst().orElse(null) : null;
        if (!origin.labelingJobName().equals(taggedOrigin)) {
            throw new LabelingJobException("Labeling job '" + job.labelingJobName() + "' has the name of the "
                    + "successor of '" + origin.labelingJobName() + "' but is none (its tag " + ORIGIN_TAG + " is "
                    + (taggedOrigin == null ? "missing" : "'" + taggedOrigin + "'") + "), so the chain cannot go on:"
                    + " give the route another job name");
        }
    }

    private record Confirmed(String job, Instant at) {
    }

    private DescribeLabelingJobResponse awaitInProgress(String name, String predecessor, Duration timeout) {
        try {
            return jobs.awaitStatus(name, EnumSet.of(LabelingJobStatus.IN_PROGRESS), timeout);
        } catch (LabelingJobException e) {
            throw new LabelingJobException(e.getMessage() + (predecessor == null ? "" : " (it succeeds "
                    + predecessor + ")") + ". Nothing was published: data objects are held until the job is "
                    + "InProgress, for up to " + timeout, e);
        }
    }
}
