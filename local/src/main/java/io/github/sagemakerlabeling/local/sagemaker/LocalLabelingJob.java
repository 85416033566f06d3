package io.github.sagemakerlabeling.local.sagemaker;

import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.GroundTruthRegions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HumanTaskConfig;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;
import software.amazon.awssdk.services.sagemaker.model.LabelCountersForWorkteam;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobForWorkteamSummary;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobOutput;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobOutputConfig;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSummary;

/**
 * One labeling job as the stand-in keeps it: the creation request, its lifecycle status and its label counters.
 * Every read and change is synchronized, so a description is always a consistent snapshot.
 */
public final class LocalLabelingJob {

    /** Defaults the service fills in for omitted members, as DescribeLabelingJob shows them. */
    static final int DEFAULT_MAX_CONCURRENT_TASKS = 1000;
    static final int DEFAULT_PRIVATE_AVAILABILITY_SECONDS = 30 * 24 * 3600;
    static final int DEFAULT_PUBLIC_AVAILABILITY_SECONDS = 6 * 3600;

    private static final Set<LabelingJobStatus> FINAL_STATUSES =
            Set.of(LabelingJobStatus.STOPPED, LabelingJobStatus.FAILED, LabelingJobStatus.COMPLETED);

    private final CreateLabelingJobRequest request;
    private final LabelingJobSpec spec;
    private final String arn;
    private final String jobReferenceCode;
    private final Instant creationTime;
    private final Clock clock;

    private LabelingJobStatus status = LabelingJobStatus.INITIALIZING;
    private Instant lastModifiedTime;
    private String failureReason;
    private String outputDatasetS3Uri;
    private int unlabeled;
    private int humanLabeled;
    private int failed;
    private Consumer<LocalLabelingJob> statusListener = job -> { };

    /**
     * What changes in a job after its creation, as a store keeps it.
     *
     * @param status             the lifecycle status
     * @param lastModifiedTime   when anything last changed
     * @param failureReason      why it failed, or {@code null}
     * @param outputDatasetS3Uri its output manifest, or {@code null} before there is one
     * @param unlabeled          objects accepted and not yet labeled or failed
     * @param humanLabeled       objects labeled
     * @param failed             objects (and input messages) that failed
     */
    public record State(LabelingJobStatus status, Instant lastModifiedTime, String failureReason,
                        String outputDatasetS3Uri, int unlabeled, int humanLabeled, int failed) {
    }

    LocalLabelingJob(CreateLabelingJobRequest request, LabelingJobSpec spec, String arn, String jobReferenceCode,
                     Clock clock) {
        this(request, spec, arn, jobReferenceCode, clock, wirePrecision(clock.instant()));
    }

    private LocalLabelingJob(CreateLabelingJobRequest request, LabelingJobSpec spec, String arn,
                             String jobReferenceCode, Clock clock, Instant creationTime) {
        this.request = request;
        this.spec = spec;
        this.arn = arn;
        this.jobReferenceCode = jobReferenceCode;
        this.clock = clock;
        this.creationTime = creationTime;
        this.lastModifiedTime = creationTime;
    }

    /** A job as a store kept it: created at {@code creationTime}, now in {@code state}. */
    static LocalLabelingJob restored(CreateLabelingJobRequest request, LabelingJobSpec spec, String arn,
                                     String jobReferenceCode, Clock clock, Instant creationTime, State state) {
        LocalLabelingJob job = new LocalLabelingJob(request, spec, arn, jobReferenceCode, clock, creationTime);
        job.status = state.status();
        job.lastModifiedTime = state.lastModifiedTime();
        job.failureReason = state.failureReason();
        job.outputDatasetS3Uri = state.outputDatasetS3Uri();
        job.unlabeled = state.unlabeled();
        job.humanLabeled = state.humanLabeled();
        job.failed = state.failed();
        return job;
    }

    /** The creation request, as CreateLabelingJob received it. */
    public CreateLabelingJobRequest request() {
        return request;
    }

    /** What changed since creation, now. */
    public synchronized State state() {
        return new State(status, lastModifiedTime, failureReason, outputDatasetS3Uri, unlabeled, humanLabeled, failed);
    }

    /**
     * Calls {@code listener} with the job after each change of its status, failure reason or output location (not of
     * its counters), before the change is visible to other threads: a store records the change there.
     */
    public synchronized void onStatusChange(Consumer<LocalLabelingJob> listener) {
        this.statusListener = listener;
    }

    /** The job's name as it was created. */
    public String name() {
        return request.labelingJobName();
    }

    /** The job's ARN. */
    public String arn() {
        return arn;
    }

    /** The job's spec, with the region it runs in. */
    public LabelingJobSpec spec() {
        return spec;
    }

    /** The job's reference code: the account id and 16 characters. */
    public String jobReferenceCode() {
        return jobReferenceCode;
    }

    /** The work team the job's tasks go to. */
    public String workteamArn() {
        return request.humanTaskConfig().workteamArn();
    }

    /** When the job was created, on the simulation clock. */
    public Instant creationTime() {
        return creationTime;
    }

    public synchronized LabelingJobStatus status() {
        return status;
    }

    public synchronized Instant lastModifiedTime() {
        return lastModifiedTime;
    }

    /** Whether the job has ended (stopped, failed or completed) and will never label again. */
    public synchronized boolean isFinal() {
        return FINAL_STATUSES.contains(status);
    }

    /**
     * Moves the job to {@code next} if it is in {@code expected}; returns whether it moved. Comparing first keeps two
     * racing transitions (a stop request and the idle timer, say) from both applying.
     */
    public synchronized boolean transition(LabelingJobStatus expected, LabelingJobStatus next) {
        if (status != expected) {
            return false;
        }
        status = next;
        touch();
        statusListener.accept(this);
        return true;
    }

    /** Ends the job as {@code Failed} with a reason, unless it already ended. */
    public synchronized void fail(String reason) {
        if (!isFinal()) {
            status = LabelingJobStatus.FAILED;
            failureReason = reason.length() > 1024 ? reason.substring(0, 1024) : reason;
            touch();
            statusListener.accept(this);
        }
    }

    /** A new data object was accepted: it waits to be labeled. */
    public synchronized void objectAccepted() {
        unlabeled++;
        touch();
    }

    /** An accepted object was labeled by workers. */
    public synchronized void objectLabeled() {
        unlabeled--;
        humanLabeled++;
        touch();
    }

    /** An accepted object could not be labeled (expired, or no worker answered). */
    public synchronized void objectFailed() {
        unlabeled--;
        failed++;
        touch();
    }

    /** An input message that never became a labelable object (not JSON, no source, too large). */
    public synchronized void invalidMessage() {
        failed++;
        touch();
    }

    /** Records where the output manifest is, once there is output. */
    public synchronized void outputWritten(String outputManifestUri) {
        outputDatasetS3Uri = outputManifestUri;
        statusListener.accept(this);
    }

    /** The counters now. */
    public synchronized LabelCounters counters() {
        return LabelCounters.builder()
                .totalLabeled(humanLabeled)
                .humanLabeled(humanLabeled)
                .machineLabeled(0)
                .failedNonRetryableError(failed)
                .unlabeled(unlabeled)
                .build();
    }

    /** The job as DescribeLabelingJob returns it: the request echoed, with the service's defaults filled in. */
    public synchronized DescribeLabelingJobResponse describe() {
        LabelingJobOutputConfig output = request.outputConfig();
        DescribeLabelingJobResponse.Builder description = DescribeLabelingJobResponse.builder()
                .labelingJobStatus(status)
                .labelCounters(counters())
                .failureReason(failureReason)
                .creationTime(creationTime)
                .lastModifiedTime(lastModifiedTime)
                .jobReferenceCode(jobReferenceCode)
                .labelingJobName(request.labelingJobName())
                .labelingJobArn(arn)
                .labelAttributeName(request.labelAttributeName())
                .inputConfig(request.inputConfig())
                .outputConfig(output.toBuilder().kmsKeyId(output.kmsKeyId() == null ? "" : output.kmsKeyId()).build())
                .roleArn(request.roleArn())
                .labelCategoryConfigS3Uri(request.labelCategoryConfigS3Uri())
                .stoppingConditions(request.stoppingConditions())
                .labelingJobAlgorithmsConfig(request.labelingJobAlgorithmsConfig())
                .humanTaskConfig(withDefaults(request.humanTaskConfig()));
        if (request.hasTags()) {
            description.tags(request.tags());
        }
        if (outputDatasetS3Uri != null) {
            description.labelingJobOutput(LabelingJobOutput.builder().outputDatasetS3Uri(outputDatasetS3Uri).build());
        }
        return description.build();
    }

    /** The job as ListLabelingJobs summarises it. */
    public synchronized LabelingJobSummary summary() {
        HumanTaskConfig task = request.humanTaskConfig();
        LabelingJobSummary.Builder summary = LabelingJobSummary.builder()
                .labelingJobName(request.labelingJobName())
                .labelingJobArn(arn)
                .creationTime(creationTime)
                .lastModifiedTime(lastModifiedTime)
                .labelingJobStatus(status)
                .labelCounters(counters())
                .workteamArn(task.workteamArn())
                .preHumanTaskLambdaArn(task.preHumanTaskLambdaArn())
                .failureReason(failureReason)
                .inputConfig(request.inputConfig());
        if (task.annotationConsolidationConfig() != null) {
            summary.annotationConsolidationLambdaArn(
                    task.annotationConsolidationConfig().annotationConsolidationLambdaArn());
        }
        if (outputDatasetS3Uri != null) {
            summary.labelingJobOutput(LabelingJobOutput.builder().outputDatasetS3Uri(outputDatasetS3Uri).build());
        }
        return summary.build();
    }

    /**
     * The job as ListLabelingJobsForWorkteam summarises it for its work team. Its counters count data objects: those
     * labeled, those waiting for workers, and all the job took on (failed ones included).
     */
    public synchronized LabelingJobForWorkteamSummary workteamSummary() {
        return LabelingJobForWorkteamSummary.builder()
                .labelingJobName(request.labelingJobName())
                .jobReferenceCode(jobReferenceCode)
                .workRequesterAccountId(arn.split(":")[4])
                .creationTime(creationTime)
                .labelCounters(LabelCountersForWorkteam.builder()
                        .humanLabeled(humanLabeled)
                        .pendingHuman(unlabeled)
                        .total(humanLabeled + unlabeled + failed)
                        .build())
                .numberOfHumanWorkersPerDataObject(request.humanTaskConfig().numberOfHumanWorkersPerDataObject())
                .build();
    }

    private HumanTaskConfig withDefaults(HumanTaskConfig task) {
        boolean publicWorkforce = GroundTruthRegions.isPublicWorkforce(task.workteamArn());
        return task.toBuilder()
                .maxConcurrentTaskCount(task.maxConcurrentTaskCount() != null
                        ? task.maxConcurrentTaskCount() : DEFAULT_MAX_CONCURRENT_TASKS)
                .taskAvailabilityLifetimeInSeconds(task.taskAvailabilityLifetimeInSeconds() != null
                        ? task.taskAvailabilityLifetimeInSeconds()
                        : publicWorkforce ? DEFAULT_PUBLIC_AVAILABILITY_SECONDS : DEFAULT_PRIVATE_AVAILABILITY_SECONDS)
                .build();
    }

    private void touch() {
        lastModifiedTime = wirePrecision(clock.instant());
    }

    /**
     * Times to the millisecond, the precision AWS JSON carries them in: a client that filters ListLabelingJobs by a
     * time it was given then compares with exactly the time the job has.
     */
    private static Instant wirePrecision(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }
}
