package io.github.sagemakerlabeling.camel.consumer;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.core.service.OutputQueueSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The consumer's queue options: checked before any AWS call, and turned into core's {@link OutputQueueSettings}. */
public final class OutputQueueOptions {

    private static final int MAX_VISIBILITY_TIMEOUT = 43_200;
    private static final int MIN_RETENTION = 60;
    private static final int MAX_RETENTION = 1_209_600;

    private OutputQueueOptions() {
    }

    /**
     * Checks the consumer options that SQS would reject, or that contradict each other.
     *
     * @throws IllegalArgumentException naming the option, its value and the rule
     */
    public static void checkConsumer(SageMakerLabelingConfiguration configuration) {
        Integer visibilityTimeout = configuration.getVisibilityTimeout();
        if (visibilityTimeout != null && (visibilityTimeout < 0 || visibilityTimeout > MAX_VISIBILITY_TIMEOUT)) {
            throw invalid("visibilityTimeout", visibilityTimeout, "must be 0 to 43200 seconds");
        }
        if (configuration.isExtendMessageVisibility() && (visibilityTimeout == null || visibilityTimeout < 2)) {
            throw invalid("visibilityTimeout", visibilityTimeout, "must be set to at least 2 seconds when"
                    + " extendMessageVisibility=true (the extension is by visibilityTimeout, every half of it)");
        }
        int maxReceiveCount = configuration.getMaxReceiveCount();
        if (maxReceiveCount < 1 || maxReceiveCount > OutputQueueSettings.MAX_RECEIVE_COUNT_LIMIT) {
            throw invalid("maxReceiveCount", maxReceiveCount, "must be 1 to 1000");
        }
        if (configuration.getFailureBackoff() < 0) {
            throw invalid("failureBackoff", configuration.getFailureBackoff() + " ms", "must not be negative");
        }
        if (configuration.getFailureBackoffMax() < configuration.getFailureBackoff()) {
            throw invalid("failureBackoffMax", configuration.getFailureBackoffMax() + " ms",
                    "must not be less than failureBackoff (" + configuration.getFailureBackoff() + " ms)");
        }
        Integer retention = configuration.getMessageRetentionPeriod();
        if (retention != null && (retention < MIN_RETENTION || retention > MAX_RETENTION)) {
            throw invalid("messageRetentionPeriod", retention, "must be 60 to 1209600 seconds (14 days)");
        }
    }

    /** The settings the consumer provisions its queue with. */
    public static OutputQueueSettings settings(SageMakerLabelingConfiguration configuration) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (configuration.getMessageRetentionPeriod() != null) {
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD.toString(),
                    String.valueOf(configuration.getMessageRetentionPeriod()));
        }
        if (configuration.getQueueKmsKeyId() != null) {
            attributes.put(QueueAttributeName.KMS_MASTER_KEY_ID.toString(), configuration.getQueueKmsKeyId());
        } else if (configuration.isQueueServerSideEncryption()) {
            attributes.put(QueueAttributeName.SQS_MANAGED_SSE_ENABLED.toString(), "true");
        }
        return new OutputQueueSettings(configuration.isAutoCreateQueue(), attributes,
                Optional.ofNullable(configuration.getDeadLetterQueue()), configuration.getMaxReceiveCount());
    }

    private static IllegalArgumentException invalid(String option, Object value, String rule) {
        return new IllegalArgumentException("Option " + option + "=" + value + " is invalid: " + rule);
    }
}
