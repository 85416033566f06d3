package io.github.sagemakerlabeling.core.service;

import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;

/**
 * The job a spec was ensured to: either created now or an existing one attached to.
 *
 * @param job     the job as described after ensuring it
 * @param created whether {@link LabelingJobs#ensure} created it
 */
public record EnsuredJob(DescribeLabelingJobResponse job, boolean created) {

    /** The job's ARN. */
    public String arn() {
        return job.labelingJobArn();
    }
}
