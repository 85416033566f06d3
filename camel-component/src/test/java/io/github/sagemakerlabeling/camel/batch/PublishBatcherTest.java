package io.github.sagemakerlabeling.camel.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.service.DataObjectPublisher;
import io.github.sagemakerlabeling.core.service.PublishedObject;
import io.github.sagemakerlabeling.core.service.RetrySettings;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The batcher on Local Ground Truth's SNS, without Camel. */
@LocalGroundTruthTest
class PublishBatcherTest {

    @Test
    void closingSendsWhatWaitsForABatchAtOnceAndThenTakesNothingMore(SnsClient sns, SqsClient sqs) throws Exception {
        String topic = sns.createTopic(b -> b.name("batched-in")).topicArn();
        String queue = sqs.createQueue(b -> b.queueName("batched-published")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn));
        DataObjectPublisher publisher = new DataObjectPublisher(sns, topic, RetrySettings.defaults());
        Duration maxWait = Duration.ofMinutes(10);
        PublishBatcher batcher = new PublishBatcher(() -> publisher, maxWait, () -> false, Executors.newSingleThreadExecutor(),
                Executors.newFixedThreadPool(2), Duration.ofSeconds(30));
        Map<String, PublishedObject> completed = new ConcurrentHashMap<>();

        for (String text : new String[] {"one", "two", "three"}) {
            batcher.submit(DataObject.text(text), (published, failure) -> completed.put(text, published));
        }
        long start = System.nanoTime();
        batcher.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("close does not wait out maxWait")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(completed).containsOnlyKeys("one", "two", "three");
        assertThat(completed.values()).extracting(PublishedObject::messageId).doesNotContainNull().doesNotHaveDuplicates();
        AtomicInteger delivered = new AtomicInteger();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.addAndGet(sqs.receiveMessage(b -> b.queueUrl(queue)
                .maxNumberOfMessages(10).waitTimeSeconds(1)).messages().size()) >= 3);
        assertThat(delivered).hasValue(3);
        assertThatThrownBy(() -> batcher.submit(DataObject.text("late"), (published, failure) -> { }))
                .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("stopping");
    }
}
