package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.camel.backpressure.FeedOptions;
import io.github.sagemakerlabeling.core.upload.UploadSettings;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The endpoint's options for sending and receiving (not the job's), checked when the endpoint starts, before any AWS
 * call: each broken rule names the option, its value and the rule.
 */
final class EndpointOptions {

    private final List<Violation> violations = new ArrayList<>();
    private final UploadSettings uploadSettings;

    /**
     * @throws LabelingValidationException listing every option that breaks a rule
     */
    EndpointOptions(String jobName, SageMakerLabelingConfiguration options) {
        atLeast("maxPublishAttempts", options.getMaxPublishAttempts(), 1);
        atLeast("batchSenders", options.getBatchSenders(), 1);
        atLeast("batchMaxWait", options.getBatchMaxWait(), 0);
        atLeast("batchQueueSize", options.getBatchQueueSize(), 1);
        atLeast("workerPoolCoreSize", options.getWorkerPoolCoreSize(), 1);
        atLeast("workerPoolMaxSize", options.getWorkerPoolMaxSize(), options.getWorkerPoolCoreSize());
        between("waitTimeSeconds", options.getWaitTimeSeconds(), 0, 20, "SQS long-polls for at most 20 seconds");
        between("maxMessagesPerPoll", options.getMaxMessagesPerPoll(), 1, 10,
                "SQS returns at most 10 messages a receive");
        atLeast("concurrentConsumers", options.getConcurrentConsumers(), 1);
        violations.addAll(FeedOptions.violations(options));
        uploadSettings = uploadSettings(options);
        if (!violations.isEmpty()) {
            throw new LabelingValidationException("Endpoint sagemaker-labeling:" + jobName, violations);
        }
    }

    /** Where binary bodies are uploaded; {@code null} without the uploadBucket option. */
    UploadSettings uploadSettings() {
        return uploadSettings;
    }

    private void atLeast(String option, long value, long min) {
        if (value < min) {
            violations.add(new Violation(option, value, "must be at least " + min));
        }
    }

    private void between(String option, int value, int min, int max, String reason) {
        if (value < min || value > max) {
            violations.add(new Violation(option, value, "must be between " + min + " and " + max + ": " + reason));
        }
    }

    private UploadSettings uploadSettings(SageMakerLabelingConfiguration options) {
        if (options.getUploadBucket() == null) {
            return null;
        }
        try {
            return new UploadSettings(options.getUploadBucket(), options.getUploadPrefix(),
                    options.getUploadKmsKeyId());
        } catch (LabelingValidationException e) {
            e.violations().forEach(v -> violations.add(new Violation(v.field().equals("bucket") ? "uploadBucket"
                    : "uploadPrefix", v.value(), v.rule())));
            return null;
        }
    }
}
