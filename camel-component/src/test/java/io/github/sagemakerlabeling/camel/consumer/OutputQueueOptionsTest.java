package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.core.service.OutputQueueSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The queue options become the queue's attributes (the local SQS, ElasticMQ, refuses the SSE attributes, so they are
 * checked here), and contradictory or out-of-range options fail before any AWS call, naming option, value and rule.
 */
class OutputQueueOptionsTest {

    @Test
    void sseAndRetentionBecomeQueueAttributes() {
        SageMakerLabelingConfiguration managed = new SageMakerLabelingConfiguration();
        managed.setQueueServerSideEncryption(true);
        managed.setMessageRetentionPeriod(86_400);
        SageMakerLabelingConfiguration kms = new SageMakerLabelingConfiguration();
        kms.setQueueServerSideEncryption(true);
        kms.setQueueKmsKeyId("alias/labeling");
        kms.setDeadLetterQueue("reviews-dead");
        kms.setMaxReceiveCount(7);
        kms.setAutoCreateQueue(false);

        assertThat(OutputQueueOptions.settings(managed).attributes())
                .containsOnly(entry("SqsManagedSseEnabled", "true"), entry("MessageRetentionPeriod", "86400"));
        OutputQueueSettings withKms = OutputQueueOptions.settings(kms);
        assertThat(withKms.attributes()).containsOnly(entry("KmsMasterKeyId", "alias/labeling"));
        assertThat(withKms.deadLetterQueue()).isEqualTo(Optional.of("reviews-dead"));
        assertThat(withKms.maxReceiveCount()).isEqualTo(7);
        assertThat(withKms.createQueue()).isFalse();
        assertThat(OutputQueueOptions.settings(new SageMakerLabelingConfiguration()).attributes()).isEmpty();
    }

    @Test
    void extendingVisibilityNeedsAVisibilityTimeout() {
        SageMakerLabelingConfiguration configuration = new SageMakerLabelingConfiguration();
        configuration.setExtendMessageVisibility(true);

        assertThatThrownBy(() -> OutputQueueOptions.checkConsumer(configuration))
                .hasMessageContaining("visibilityTimeout=null").hasMessageContaining("extendMessageVisibility=true");
    }

    @Test
    void outOfRangeOptionsAreNamed() {
        SageMakerLabelingConfiguration receives = new SageMakerLabelingConfiguration();
        receives.setMaxReceiveCount(0);
        SageMakerLabelingConfiguration retention = new SageMakerLabelingConfiguration();
        retention.setMessageRetentionPeriod(10);
        SageMakerLabelingConfiguration backoff = new SageMakerLabelingConfiguration();
        backoff.setFailureBackoff(10_000);
        backoff.setFailureBackoffMax(1_000);

        assertThatThrownBy(() -> OutputQueueOptions.checkConsumer(receives)).hasMessageContaining("maxReceiveCount=0")
                .hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> OutputQueueOptions.checkConsumer(retention))
                .hasMessageContaining("messageRetentionPeriod=10");
        assertThatThrownBy(() -> OutputQueueOptions.checkConsumer(backoff))
                .hasMessageContaining("failureBackoffMax=1000 ms");
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
