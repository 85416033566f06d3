package io.github.sagemakerlabeling.local.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS queue Ground Truth makes for a streaming job, {@code GroundTruth-<job name in lowercase>}, in the caller's
 * account (§1.2): subscribed to the input topic when the job is created, unsubscribed when it ends, and never
 * deleted, since it may still hold data objects. The input source of every streaming job.
 */
final class JobQueue implements InputSource {

    private static final int SQS_BATCH = 10;
    private static final Duration CALL_MARGIN = Duration.ofSeconds(1);

    private final AwsClients aws;
    private final String name;
    private final String topicArn;
    private String url;
    private String subscriptionArn;

    /**
     * @param aws      the clients
     * @param jobName  the job's name
     * @param topicArn the job's SNS input topic
     */
    JobQueue(AwsClients aws, String jobName, String topicArn) {
        this.aws = aws;
        this.name = "GroundTruth-" + jobName.toLowerCase(Locale.ROOT);
        this.topicArn = topicArn;
    }

    /**
     * Creates the queue and subscribes it to the input topic, so nothing published from now on is lost.
     *
     * @throws JobFailure naming the topic when it cannot be subscribed to, or the queue when it cannot be made
     */
    @Override
    public void open() {
        try {
            url = aws.sqs().createQueue(b -> b.queueName(name)).queueUrl();
        } catch (RuntimeException e) {
            throw JobFailure.of("create the queue " + name, e);
        }
        String queueArn = aws.sqs().getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        try {
            subscriptionArn = aws.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .returnSubscriptionArn(true)).subscriptionArn();
        } catch (RuntimeException e) {
            throw JobFailure.of("access the input topic " + topicArn, e);
        }
    }

    /**
     * Up to ten messages, waiting for the first up to {@code waitSeconds}. The call is abandoned when it takes much
     * longer than that, so the job notices a status change in time whatever the queue does.
     *
     * @throws JobFailure when the queue was deleted
     */
    @Override
    public boolean isStreaming() {
        return true;
    }

    @Override
    public List<Message> receive(int waitSeconds) {
        Duration limit = Duration.ofSeconds(waitSeconds).plus(CALL_MARGIN);
        try {
            return aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(SQS_BATCH)
                    .waitTimeSeconds(waitSeconds).overrideConfiguration(o -> o.apiCallTimeout(limit))).messages();
        } catch (QueueDoesNotExistException e) {
            throw new JobFailure("Unable to access the job's queue " + name + ": it was deleted");
        }
    }

    /** Deletes messages the job has taken in. */
    @Override
    public void delete(List<Message> messages) {
        List<DeleteMessageBatchRequestEntry> receipts = messages.stream()
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle())
                        .build())
                .toList();
        aws.sqs().deleteMessageBatch(b -> b.queueUrl(url).entries(receipts));
    }

    /** Puts message bodies back on the queue, for objects a stopped job did not label. */
    @Override
    public void putBack(Collection<String> bodies) {
        List<String> all = List.copyOf(bodies);
        for (int from = 0; from < all.size(); from += SQS_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + SQS_BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(batch.get(i))
                        .build());
            }
            aws.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        }
    }

    /** Ends the subscription to the input topic, if there is one; the queue stays. */
    @Override
    public void close() {
        if (subscriptionArn != null) {
            aws.sns().unsubscribe(b -> b.subscriptionArn(subscriptionArn));
            subscriptionArn = null;
        }
    }
}
