package io.github.sagemakerlabeling.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** ElasticMQ with a message store keeps queues, their attributes and their messages across a restart. */
class LocalSqsMessageStoreTest {

    @TempDir
    Path directory;

    @Test
    void queuesAndMessagesOutliveTheServer() {
        try (LocalSqs sqs = LocalSqs.builder().messageStore(directory).start();
             SqsClient client = LocalAwsClients.sqs(sqs.endpoint(), sqs.region())) {
            String url = client.createQueue(b -> b.queueName("kept")
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45"))).queueUrl();
            client.sendMessage(b -> b.queueUrl(url).messageBody("first")
                    .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String")
                            .stringValue("test").build())));
            client.sendMessage(b -> b.queueUrl(url).messageBody("second"));
            Message received = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1)).messages().get(0);
            client.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.receiptHandle()));
        }

        try (LocalSqs sqs = LocalSqs.builder().messageStore(directory).start();
             SqsClient client = LocalAwsClients.sqs(sqs.endpoint(), sqs.region())) {
            String url = client.getQueueUrl(b -> b.queueName("kept")).queueUrl();
            assertThat(client.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes())
                    .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "45");
            List<Message> left = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .messageAttributeNames("All").waitTimeSeconds(1)).messages();
            assertThat(left).hasSize(1);
            assertThat(left.get(0).body()).isEqualTo("second");
        }
    }
}
