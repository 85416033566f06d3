package io.github.sagemakerlabeling.local.sagemaker;

import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.local.sagemaker.validation.RequestValidator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsForWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsForWorkteamResponse;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.StopLabelingJobRequest;

/**
 * The labeling-job operations of the SageMaker API, on the SDK's own request and response types. Requests are
 * validated against SageMaker's service model and, for CreateLabelingJob, the rules the service enforces beyond it
 * ({@link RequestValidator}), and answered with the service's error codes.
 */
public final class LabelingJobApi {

    private static final String REFERENCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final LabelingJobListener listener;
    private final LabelingJobRegistry registry = new LabelingJobRegistry();
    private final ListLabelingJobsQuery lister = new ListLabelingJobsQuery();
    private final ListLabelingJobsForWorkteamQuery workteamLister = new ListLabelingJobsForWorkteamQuery();
    private final SecureRandom random = new SecureRandom();
    private final RequestValidator validator = new RequestValidator();

    /**
     * @param region    the region this stand-in plays; job ARNs and validation use it
     * @param accountId the twelve-digit account id of job ARNs
     * @param clock     the simulation clock for creation and modification times
     * @param listener  the engine, told about creations and stop requests
     */
    public LabelingJobApi(String region, String accountId, Clock clock, LabelingJobListener listener) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.listener = listener;
    }

    /** CreateLabelingJob: validates, refuses a taken name, and starts the job in {@code Initializing}. */
    public CreateLabelingJobResponse create(CreateLabelingJobRequest request) {
        validator.check("CreateLabelingJob", request);
        LabelingJobSpec spec = LabelingJobSpec.fromCreateRequest(request, region);
        validator.checkServiceRules(spec);
        String arn = "arn:aws:sagemaker:" + region + ":" + accountId + ":labeling-job/" + request.labelingJobName();
        LocalLabelingJob job = new LocalLabelingJob(request, spec, arn, jobReferenceCode(), clock);
        if (!registry.add(job)) {
            throw new SageMakerApiException(SageMakerApiException.RESOURCE_IN_USE, "A labeling job named '"
                    + request.labelingJobName() + "' already exists or existed in this account and region: labeling "
                    + "job names are unique without regard to case and cannot be reused");
        }
        listener.jobCreated(job);
        return CreateLabelingJobResponse.builder().labelingJobArn(arn).build();
    }

    /** DescribeLabelingJob. */
    public DescribeLabelingJobResponse describe(DescribeLabelingJobRequest request) {
        validator.check("DescribeLabelingJob", request);
        return job(request.labelingJobName()).describe();
    }

    /** ListLabelingJobs, with its filters, sorting and pages. */
    public ListLabelingJobsResponse list(ListLabelingJobsRequest request) {
        validator.check("ListLabelingJobs", request);
        return lister.page(registry.all(), request);
    }

    /** ListLabelingJobsForWorkteam: the jobs of one work team, by creation time, in pages. */
    public ListLabelingJobsForWorkteamResponse listForWorkteam(ListLabelingJobsForWorkteamRequest request) {
        validator.check("ListLabelingJobsForWorkteam", request);
        return workteamLister.page(registry.all(), request);
    }

    /**
     * StopLabelingJob: an {@code InProgress} job moves to {@code Stopping} and the engine finishes the stop. Stopping
     * a job that is still {@code Initializing}, or that already ended, is refused.
     */
    public void stop(StopLabelingJobRequest request) {
        validator.check("StopLabelingJob", request);
        LocalLabelingJob job = job(request.labelingJobName());
        if (!job.transition(LabelingJobStatus.IN_PROGRESS, LabelingJobStatus.STOPPING)) {
            LabelingJobStatus status = job.status();
            if (status == LabelingJobStatus.STOPPING) {
                return;
            }
            throw new SageMakerApiException(SageMakerApiException.VALIDATION, "Labeling job '" + job.name()
                    + "' is " + status + " and cannot be stopped"
                    + (status == LabelingJobStatus.INITIALIZING ? ": wait until it is InProgress" : ""));
        }
        listener.stopRequested(job);
    }

    /** The job of that name. */
    public LocalLabelingJob job(String name) {
        return registry.find(name).orElseThrow(() -> new SageMakerApiException(
                SageMakerApiException.RESOURCE_NOT_FOUND, "Could not find labeling job '" + name + "'"));
    }

    /** Every job created so far, oldest first. */
    public List<LocalLabelingJob> jobs() {
        return registry.all();
    }

    /**
     * Takes back a job a store kept (see {@code io.github.sagemakerlabeling.local.store}), without telling the engine:
     * the caller resumes it.
     *
     * @param request      the job's creation request
     * @param arn          its ARN
     * @param reference    its job reference code
     * @param creationTime when it was created
     * @param state        what changed since
     * @return the job, now listed and described like one created here
     */
    public LocalLabelingJob restore(CreateLabelingJobRequest request, String arn, String reference,
                                    Instant creationTime, LocalLabelingJob.State state) {
        LocalLabelingJob job = LocalLabelingJob.restored(request, LabelingJobSpec.fromCreateRequest(request, region),
                arn, reference, clock, creationTime, state);
        if (!registry.add(job)) {
            throw new IllegalStateException("labeling job " + request.labelingJobName() + " was restored twice");
        }
        return job;
    }

    /** Forgets every job. */
    public void reset() {
        registry.clear();
    }

    private String jobReferenceCode() {
        StringBuilder code = new StringBuilder(accountId);
        for (int i = 0; i < 16; i++) {
            code.append(REFERENCE_ALPHABET.charAt(random.nextInt(REFERENCE_ALPHABET.length())));
        }
        return code.toString();
    }
}
