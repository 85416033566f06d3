package io.github.sagemakerlabeling.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.service.OutputQueue;
import io.github.sagemakerlabeling.core.service.OutputQueues;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Queue policies, which ElasticMQ ignores, are kept by Local Ground Truth's SQS endpoint and enforced where SNS
 * delivers to SQS. Every publish below is delivered (or dropped) before it returns, so once a later control message
 * has arrived, an earlier message that is not there never will be.
 */
@LocalGroundTruthTest
class QueuePolicyTest {

    @Test
    void snsDeliversOnlyTheTopicsTheQueuePolicyAdmits(SnsClient sns, SqsClient sqs) {
        TwoTopics topics = TwoTopics.onOneQueue(sns, sqs);

        sns.publish(b -> b.topicArn(topics.other()).message("other, single"));
        sns.publishBatch(b -> b.topicArn(topics.other()).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("1").message("other, batch").build()));
        sns.publish(b -> b.topicArn(topics.admitted()).message("admitted"));

        assertThat(receiveUntil(sqs, topics.queue().queueUrl(), "admitted")).containsExactly("admitted");
    }

    @Test
    void getQueueAttributesReportsThePolicyAndAChangeTakesEffectAtOnce(SnsClient sns, SqsClient sqs) {
        TwoTopics topics = TwoTopics.onOneQueue(sns, sqs);
        String admitted = topics.admitted();
        String other = topics.other();
        OutputQueue queue = topics.queue();
        String policy = sqs.getQueueAttributes(b -> b.queueUrl(queue.queueUrl())
                .attributeNames(QueueAttributeName.POLICY)).attributes().get(QueueAttributeName.POLICY);
        assertThat(policy).contains("sns.amazonaws.com", admitted).doesNotContain(other);
        sns.publish(b -> b.topicArn(other).message("denied"));

        String both = policy.replace("\"" + admitted + "\"", "[\"" + admitted + "\",\"" + other + "\"]");
        sqs.setQueueAttributes(b -> b.queueUrl(queue.queueUrl()).attributes(Map.of(QueueAttributeName.POLICY, both)));
        sns.publish(b -> b.topicArn(other).message("admitted by the new policy"));

        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queue.queueUrl()).attributeNames(QueueAttributeName.ALL))
                .attributes()).containsEntry(QueueAttributeName.POLICY, both);
        assertThat(receiveUntil(sqs, queue.queueUrl(), "admitted by the new policy"))
                .containsExactly("admitted by the new policy");
    }

    @Test
    void aQueueWithoutPolicyTakesEveryTopicAndAPolicyThatIsNoPolicyIsRefused(SnsClient sns, SqsClient sqs) {
        String topic = sns.createTopic(b -> b.name("any")).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("open")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));

        assertThatThrownBy(() -> sqs.setQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributes(Map.of(QueueAttributeName.POLICY, "{\"Statement\": ")))).isInstanceOf(
                InvalidAttributeValueException.class);
        sns.publish(b -> b.topicArn(topic).message("no policy, delivered"));

        assertThat(receiveUntil(sqs, queueUrl, "no policy, delivered")).containsExactly("no policy, delivered");
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
                .attributes()).doesNotContainKey(QueueAttributeName.POLICY);
    }

    /** Two topics and a queue subscribed to both, whose policy (core's {@link OutputQueues}') admits the first. */
    private record TwoTopics(String admitted, String other, OutputQueue queue) {

        static TwoTopics onOneQueue(SnsClient sns, SqsClient sqs) {
            String admitted = sns.createTopic(b -> b.name("admitted")).topicArn();
            String other = sns.createTopic(b -> b.name("other")).topicArn();
            OutputQueue queue = new OutputQueues(sqs, sns).provision(admitted, "labeled");
            sns.subscribe(b -> b.topicArn(other).protocol("sqs").endpoint(queue.queueArn())
                    .attributes(Map.of("RawMessageDelivery", "true")));
            return new TwoTopics(admitted, other, queue);
        }
    }

    /** Every body the queue holds once the control message has come: a bounded wait, no sleep. */
    private static List<String> receiveUntil(SqsClient sqs, String queueUrl, String control) {
        List<String> bodies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                    .stream().map(Message::body).forEach(bodies::add);
            return bodies.contains(control);
        });
        sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                .stream().map(Message::body).forEach(bodies::add);
        return bodies;
    }
}
