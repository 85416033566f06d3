package io.github.sagemakerlabeling.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Queue attributes SQS accepts and ElasticMQ refuses or drops (server-side encryption, message retention): Local
 * Ground Truth's SQS endpoint accepts them, keeps them and reports them, without enforcing them.
 */
@LocalGroundTruthTest
class EncryptionAttributesTest {

    @Test
    void sqsManagedEncryptionIsAcceptedKeptAndReported(SqsClient sqs) {
        String queueUrl = sqs.createQueue(b -> b.queueName("sse-sqs").attributes(Map.of(
                QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "true",
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600",
                QueueAttributeName.VISIBILITY_TIMEOUT, "45"))).queueUrl();

        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
                .attributes()).containsEntry(QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "true")
                .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600")
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "45");
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("still a queue"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl)).messages()).singleElement()
                .satisfies(message -> assertThat(message.body()).isEqualTo("still a queue"));
    }

    @Test
    void aKmsKeyIsSetByNameOnlyReplacedAndForgottenWithTheQueue(SqsClient sqs) {
        String queueUrl = sqs.createQueue(b -> b.queueName("sse-kms")).queueUrl();

        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(
                QueueAttributeName.KMS_MASTER_KEY_ID, "alias/labeling",
                QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "300")));
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.KMS_MASTER_KEY_ID, QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS)).attributes())
                .containsExactlyInAnyOrderEntriesOf(Map.of(QueueAttributeName.KMS_MASTER_KEY_ID, "alias/labeling",
                        QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "300"));
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()).as("only what was asked for").containsOnlyKeys(QueueAttributeName.QUEUE_ARN);

        sqs.deleteQueue(b -> b.queueUrl(queueUrl));
        String again = sqs.createQueue(b -> b.queueName("sse-kms")).queueUrl();
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(again).attributeNames(QueueAttributeName.ALL)).attributes())
                .doesNotContainKeys(QueueAttributeName.KMS_MASTER_KEY_ID,
                        QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS);
    }

    @Test
    void valuesSqsWouldRefuseAreRefused(SqsClient sqs) {
        String queueUrl = sqs.createQueue(b -> b.queueName("sse-bad")).queueUrl();

        assertThatThrownBy(() -> sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(
                QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "maybe")))).isInstanceOf(InvalidAttributeValueException.class)
                .hasMessageContaining("SqsManagedSseEnabled");
        assertThatThrownBy(() -> sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(
                QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "30")))).isInstanceOf(
                InvalidAttributeValueException.class).hasMessageContaining("KmsDataKeyReusePeriodSeconds");
    }
}
