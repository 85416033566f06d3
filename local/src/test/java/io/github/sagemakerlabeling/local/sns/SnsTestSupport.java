package io.github.sagemakerlabeling.local.sns;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.sqs.LocalSqs;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One ElasticMQ and one SNS server per test class, with SDK clients; everything is stopped after the class. Tests use
 * unique topic and queue names, so they do not see each other's messages.
 */
abstract class SnsTestSupport {

    static LocalSqs sqs;
    static LocalSns sns;
    static MutableClock clock;
    static SqsClient sqsClient;
    static SnsClient snsClient;

    @BeforeAll
    static void startServers() {
        sqs = LocalSqs.builder().start();
        clock = new MutableClock();
        sns = LocalSns.builder(sqs.endpoint()).clock(clock).start();
        sqsClient = LocalAwsClients.sqs(sqs.endpoint(), sqs.region());
        snsClient = LocalAwsClients.sns(sns.endpoint(), sns.region());
    }

    @AfterAll
    static void stopServers() {
        snsClient.close();
        sqsClient.close();
        sns.close();
        sqs.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String createTopic(String name) {
        return snsClient.createTopic(r -> r.name(name)).topicArn();
    }

    static String createFifoTopic(String name, boolean contentBasedDeduplication) {
        return snsClient.createTopic(r -> r.name(name).attributes(Map.of("FifoTopic", "true",
                "ContentBasedDeduplication", Boolean.toString(contentBasedDeduplication)))).topicArn();
    }

    static Queue createQueue(String name) {
        Map<QueueAttributeName, String> attributes = name.endsWith(".fifo")
                ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of();
        String url = sqsClient.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
        return new Queue(url, sqs.queueArn(name));
    }

    /** Subscribes a new queue to the topic, with the given subscription attributes. */
    static Queue subscribedQueue(String topicArn, Map<String, String> attributes) {
        Queue queue = createQueue(unique("q") + (topicArn.endsWith(".fifo") ? ".fifo" : ""));
        snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn()).attributes(attributes));
        return queue;
    }

    /**
     * Up to ten messages now in the queue. Delivery is done before Publish answers, so what was delivered is there;
     * the one-second wait only bounds how long an empty queue is watched.
     */
    static List<Message> drain(Queue queue) {
        return sqsClient.receiveMessage(r -> r.queueUrl(queue.url()).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                        MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .messages();
    }

    /** A queue: its URL for the SQS client, its ARN for subscriptions. */
    record Queue(String url, String arn) {
    }
}
