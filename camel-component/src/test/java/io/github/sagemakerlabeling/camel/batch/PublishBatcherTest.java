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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
        PublishBatcher batcher = new PublishBatcher(() -> publisher, new BatchQueueSettings(maxWait, 1000, true),
                () -> false, Executors.newSingleThreadExecutor(), Executors.newFixedThreadPool(2), 2,
                Duration.ofSeconds(30));
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

    @Test
    void aFullQueueRefusesTheObjectWithAClearExceptionWhenCallersMustNotWait(SnsClient sns) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PublishBatcher batcher = batcher(sns, release, new BatchQueueSettings(Duration.ZERO, 5, false),
                Duration.ofSeconds(30));
        Map<String, Exception> completed = new ConcurrentHashMap<>();
        List<String> accepted = new ArrayList<>();

        RejectedExecutionException refused = null;
        // Room: five queued, plus what the collector took meanwhile (a batch for the stuck sender, one in its hands).
        for (int i = 0; i < 100 && refused == null; i++) {
            String text = "object " + i;
            try {
                batcher.submit(DataObject.text(text), (published, failure) -> completed.put(text, orNone(failure)));
                accepted.add(text);
            } catch (RejectedExecutionException e) {
                refused = e;
            }
        }

        assertThat(refused).as("refused once the queue was full").isNotNull()
                .hasMessageContaining("batch queue is full").hasMessageContaining("5 data objects (batchQueueSize)");
        assertThat(accepted).hasSizeBetween(5, 1 + 2 * DataObjectPublisher.MAX_BATCH_ENTRIES + 5);
        release.countDown();
        batcher.close();
        assertThat(completed).containsOnlyKeys(accepted);
        assertThat(completed.values()).allMatch(NONE::equals);
    }

    @Test
    void aFullQueueMakesTheCallerWaitUntilASenderIsFree(SnsClient sns) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PublishBatcher batcher = batcher(sns, release, new BatchQueueSettings(Duration.ZERO, 2, true),
                Duration.ofSeconds(30));
        Map<String, Exception> completed = new ConcurrentHashMap<>();
        AtomicInteger accepted = new AtomicInteger();
        Thread caller = new Thread(() -> {
            for (int i = 0; i < 40; i++) {
                String text = "waiting object " + i;
                batcher.submit(DataObject.text(text), (published, failure) -> completed.put(text, orNone(failure)));
                accepted.incrementAndGet();
            }
        });
        caller.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> caller.getState() == Thread.State.TIMED_WAITING
                && accepted.get() > 0);
        assertThat(accepted.get()).as("objects taken while the only sender is stuck").isLessThan(40);
        assertThat(completed).isEmpty();
        release.countDown();
        caller.join(Duration.ofSeconds(30).toMillis());
        batcher.close();

        assertThat(accepted).hasValue(40);
        assertThat(completed).hasSize(40);
        assertThat(completed.values()).allMatch(NONE::equals);
    }

    @Test
    void closingWithAStuckSenderFailsEveryObjectItCouldNotSendAndCompletesEachOnce(SnsClient sns) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        PublishBatcher batcher = batcher(sns, never, new BatchQueueSettings(Duration.ZERO, 100, true),
                Duration.ofMillis(200));
        Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
        Map<String, Exception> failures = new ConcurrentHashMap<>();
        for (int i = 0; i < 30; i++) {
            String text = "stuck object " + i;
            batcher.submit(DataObject.text(text), (published, failure) -> {
                completions.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
                failures.put(text, orNone(failure));
            });
        }

        batcher.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> completions.size() == 30);
        assertThat(completions.values()).allMatch(count -> count.get() == 1);
        assertThat(failures.values()).noneMatch(NONE::equals);
        assertThat(failures.values()).filteredOn(RejectedExecutionException.class::isInstance)
                .isNotEmpty().allSatisfy(failure -> assertThat(failure).hasMessageContaining("not published"));
        assertThatThrownBy(() -> batcher.submit(DataObject.text("late"), (published, failure) -> { }))
                .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("stopping");
    }

    /** No failure, as a map value. */
    private static final Exception NONE = new Exception("none");

    private static Exception orNone(Exception failure) {
        return failure == null ? NONE : failure;
    }

    /**
     * A batcher with one sender, which waits for {@code release} before it publishes (an interrupt ends its wait
     * with an exception, as an interrupted SDK call does).
     */
    private static PublishBatcher batcher(SnsClient sns, CountDownLatch release, BatchQueueSettings settings,
                                          Duration closeTimeout) {
        String topic = sns.createTopic(b -> b.name("stuck-in")).topicArn();
        DataObjectPublisher publisher = new DataObjectPublisher(sns, topic, RetrySettings.defaults());
        return new PublishBatcher(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before publishing", e);
            }
            return publisher;
        }, settings, () -> false, Executors.newSingleThreadExecutor(), Executors.newFixedThreadPool(1), 1,
                closeTimeout);
    }
}
