package io.github.sagemakerlabeling.local.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Publish looks up only its topic's subscriptions (kept by topic): subscribing, unsubscribing and deleting topics
 * keep that index and the stack-wide list in step.
 */
@LocalGroundTruthTest
class SubscriptionIndexTest {

    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:";

    @Test
    void publishReachesExactlyTheTopicsCurrentSubscriptions(SnsClient sns, SqsClient sqs) {
        List<String> others = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String name = "other-" + t;
            String other = sns.createTopic(b -> b.name(name)).topicArn();
            others.add(other);
            for (int s = 0; s < 5; s++) {
                String queue = QUEUE_ARN + name + "-" + s;
                sns.subscribe(b -> b.topicArn(other).protocol("sqs").endpoint(queue));
            }
        }
        String topic = sns.createTopic(b -> b.name("indexed")).topicArn();
        List<String> queueUrls = new ArrayList<>();
        List<String> subscriptionArns = new ArrayList<>();
        for (String name : List.of("kept-1", "dropped", "kept-2")) {
            queueUrls.add(sqs.createQueue(b -> b.queueName(name)).queueUrl());
            subscriptionArns.add(sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(QUEUE_ARN + name)
                    .attributes(Map.of("RawMessageDelivery", "true"))).subscriptionArn());
        }

        sns.unsubscribe(b -> b.subscriptionArn(subscriptionArns.get(1)));
        sns.deleteTopic(b -> b.topicArn(others.get(0)));
        sns.publish(b -> b.topicArn(topic).message("to the indexed topic"));

        // Delivery is done when Publish answers: the short waits only bound how long an empty queue is watched.
        for (int i = 0; i < 3; i++) {
            String url = queueUrls.get(i);
            assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages())
                    .hasSize(i == 1 ? 0 : 1);
        }
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
                .extracting(Subscription::subscriptionArn)
                .containsExactly(subscriptionArns.get(0), subscriptionArns.get(2));
        assertThat(sns.listSubscriptionsPaginator(b -> { }).subscriptions().stream().count()).isEqualTo(3 * 5 + 2);
    }
}
