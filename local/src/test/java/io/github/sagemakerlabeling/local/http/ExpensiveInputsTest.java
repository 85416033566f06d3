package io.github.sagemakerlabeling.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Small requests that used to cost minutes of CPU: each test would hang without its bound, so each runs under a
 * generous preemptive timeout; what is asserted is the answer.
 */
@LocalGroundTruthTest
class ExpensiveInputsTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void aTimestampWithAHugeExponentIsRefusedNotWidened(LocalGroundTruth local) {
        HttpResponse<String> response = assertTimeoutPreemptively(BOUND, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(local.sageMakerEndpoint() + "/"))
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", "SageMaker.ListLabelingJobs")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"CreationTimeAfter\":1e3000000}")).build(),
                HttpResponse.BodyHandlers.ofString()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("CreationTimeAfter", "epoch seconds");
    }

    @Test
    void aNumberAttributeOutOfSnsRangeIsRefused(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("numbers")).topicArn();

        for (String number : new String[] {"1e3000000", "1e127", "1e-129", "1".repeat(39), "9".repeat(100_000)}) {
            assertThatThrownBy(() -> assertTimeoutPreemptively(BOUND, () -> sns.publish(b -> b.topicArn(topic)
                    .message("m").messageAttributes(Map.of("n", MessageAttributeValue.builder().dataType("Number")
                            .stringValue(number).build())))))
                    .as(number.substring(0, Math.min(number.length(), 12)))
                    .isInstanceOf(InvalidParameterValueException.class);
        }
        assertThat(sns.publish(b -> b.topicArn(topic).message("m").messageAttributes(Map.of("n",
                MessageAttributeValue.builder().dataType("Number").stringValue("-1.5e126").build()))).messageId())
                .isNotBlank();
    }

    @Test
    void aQueuePolicyWithManyWildcardsIsMatchedInLinearTime(SnsClient sns, SqsClient sqs) {
        String topic = sns.createTopic(b -> b.name("a".repeat(200))).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("stars")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String nearMiss = "arn:aws:sns:us-east-1:000000000000:*a*a*a*a*a*a*a*a*a*a*b";
        String match = "arn:aws:sns:us-east-1:000000000000:*a*a*a*a*a*a*a*a*a*a*";
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                policy(queueArn, nearMiss))));
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));

        assertTimeoutPreemptively(BOUND, () -> sns.publish(b -> b.topicArn(topic).message("denied")));
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                policy(queueArn, match))));
        assertTimeoutPreemptively(BOUND, () -> sns.publish(b -> b.topicArn(topic).message("admitted")));

        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()).singleElement().satisfies(message -> assertThat(message.body()).isEqualTo("admitted"));
    }

    private static String policy(String queueArn, String sourceArnPattern) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\","
                + "\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"" + sourceArnPattern + "\"}}}]}";
    }
}
