package io.github.sagemakerlabeling.core.service;

import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.spec.SpecDifference;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The lifecycle of streaming labeling jobs on the caller's {@link SageMakerClient}: ensure (create, or attach to a
 * running job with the same spec), describe, wait for a status, stop, list.
 */
public final class LabelingJobs {

    private static final Logger LOG = LoggerFactory.getLogger(LabelingJobs.class);
    private static final Set<LabelingJobStatus> RUNNING = EnumSet.of(LabelingJobStatus.INITIALIZING,
            LabelingJobStatus.IN_PROGRESS);
    private static final Pattern NUMBERED = Pattern.compile("(.*-)(\\d+)");

    private final SageMakerClient sageMaker;
    private final Duration pollInterval;
    private final Consumer<DescribeLabelingJobResponse> described;

    /**
     * @param sageMaker    the client; the caller owns it
     * @param pollInterval how often {@link #awaitStatus} describes the job
     */
    public LabelingJobs(SageMakerClient sageMaker, Duration pollInterval) {
        this(sageMaker, pollInterval, job -> { });
    }

    /**
     * @param sageMaker    the client; the caller owns it
     * @param pollInterval how often {@link #awaitStatus} describes the job
     * @param described    told every description this service gets (metrics read the label counters from it)
     */
    public LabelingJobs(SageMakerClient sageMaker, Duration pollInterval,
                        Consumer<DescribeLabelingJobResponse> described) {
        this.sageMaker = Objects.requireNonNull(sageMaker, "sageMaker");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.described = Objects.requireNonNull(described, "described");
    }

    /**
     * Makes sure a job with this spec runs: creates it when no job has the name, attaches when an
     * {@code Initializing} or {@code InProgress} job has the same spec.
     *
     * @throws io.github.sagemakerlabeling.core.validation.LabelingValidationException before any AWS call, when the
     *         spec breaks a rule
     * @throws LabelingJobException when a job of that name differs from the spec (naming every differing field) or
     *         has ended (names can never be reused)
     */
    public EnsuredJob ensure(LabelingJobSpec spec) {
        spec.validate().throwIfInvalid("Labeling job spec '" + spec.labelingJobName() + "'");
        Optional<DescribeLabelingJobResponse> existing = find(spec.labelingJobName());
        if (existing.isPresent()) {
            return new EnsuredJob(attach(spec, existing.get()), false);
        }
        try {
            sageMaker.createLabelingJob(spec.toCreateRequest());
            LOG.info("Created streaming labeling job {}", spec.labelingJobName());
            return new EnsuredJob(describe(spec.labelingJobName()), true);
        } catch (ResourceInUseException e) {
            // Another instance created it between our describe and create: attach to it like any existing job.
            return new EnsuredJob(attach(spec, describe(spec.labelingJobName())), false);
        }
    }

    private DescribeLabelingJobResponse attach(LabelingJobSpec spec, DescribeLabelingJobResponse job) {
        String name = job.labelingJobName();
        if (!RUNNING.contains(job.labelingJobStatus())) {
            throw new LabelingJobException("Labeling job '" + name + "' is " + job.labelingJobStatusAsString()
                    + (job.failureReason() == null ? "" : " (" + job.failureReason() + ")")
                    + ". A job that ended cannot be restarted and its name can never be reused in this account and "
                    + "region: give the route a new job name, for example '" + nextName(name) + "'.");
        }
        List<SpecDifference> differences = spec.differencesFrom(LabelingJobSpec.fromDescribe(job));
        if (!differences.isEmpty()) {
            throw new LabelingJobException("Labeling job '" + name + "' already runs with a different spec, so it "
                    + "cannot be attached to:\n" + differences.stream().map(d -> "  - " + d)
                    .collect(Collectors.joining("\n"))
                    + "\nUse the running job's values, or a new job name for the new spec.");
        }
        LOG.info("Attached to streaming labeling job {} ({})", name, job.labelingJobStatusAsString());
        return job;
    }

    /** The job's description. */
    public DescribeLabelingJobResponse describe(String name) {
        DescribeLabelingJobResponse job = sageMaker.describeLabelingJob(b -> b.labelingJobName(name));
        described.accept(job);
        return job;
    }

    /**
     * The job's description, or empty when no job has the name. SageMaker answers an unknown name with
     * {@code ResourceNotFound}, and some of its Describe operations with a {@code ValidationException}; both mean
     * "no such job".
     */
    public Optional<DescribeLabelingJobResponse> find(String name) {
        try {
            return Optional.of(describe(name));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SageMakerException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Describes the job until its status is one of {@code wanted}.
     *
     * @throws LabelingJobException when the job reaches another final status first, or {@code timeout} passes
     */
    public DescribeLabelingJobResponse awaitStatus(String name, Set<LabelingJobStatus> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            DescribeLabelingJobResponse job = describe(name);
            LabelingJobStatus status = job.labelingJobStatus();
            if (wanted.contains(status)) {
                return job;
            }
            if (isFinal(status)) {
                throw new LabelingJobException("Labeling job '" + name + "' is " + job.labelingJobStatusAsString()
                        + (job.failureReason() == null ? "" : ": " + job.failureReason()) + "; waited for " + wanted);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LabelingJobException("Labeling job '" + name + "' is still " + job.labelingJobStatusAsString()
                        + " after " + timeout + "; waited for " + wanted);
            }
            LockSupport.parkNanos(pollInterval.toNanos());
        }
    }

    /** Stops the job; a job already stopping or stopped is left as it is. */
    public void stop(String name) {
        DescribeLabelingJobResponse job = describe(name);
        if (job.labelingJobStatus() == LabelingJobStatus.INITIALIZING) {
            job = awaitStatus(name, EnumSet.of(LabelingJobStatus.IN_PROGRESS), Duration.ofMinutes(10));
        }
        if (job.labelingJobStatus() == LabelingJobStatus.IN_PROGRESS) {
            sageMaker.stopLabelingJob(b -> b.labelingJobName(name));
        }
    }

    /** Every job the request's filters select, across all pages. */
    public List<LabelingJobSummary> list(ListLabelingJobsRequest request) {
        return sageMaker.listLabelingJobsPaginator(request).labelingJobSummaryList().stream().toList();
    }

    private static boolean isFinal(LabelingJobStatus status) {
        return status == LabelingJobStatus.STOPPED || status == LabelingJobStatus.FAILED
                || status == LabelingJobStatus.COMPLETED;
    }

    private static boolean isNotFound(SageMakerException e) {
        return e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode())
                && e.awsErrorDetails().errorMessage() != null
                && e.awsErrorDetails().errorMessage().toLowerCase(Locale.ROOT).contains("could not find");
    }

    private static String nextName(String name) {
        Matcher numbered = NUMBERED.matcher(name);
        if (numbered.matches()) {
            return numbered.group(1) + (Long.parseLong(numbered.group(2)) + 1);
        }
        String candidate = name + "-2";
        return candidate.length() <= 63 ? candidate : name.substring(0, 61) + "-2";
    }
}
