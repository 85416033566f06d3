package io.github.sagemakerlabeling.camel.producer;

import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.DEFAULT_DEDUP_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Issue 11: after-effect faults, where SNS took the message but the reply was lost (HTTP 500 after processing). The
 * component sends such a message again, so the input topic may carry copies, at most one per extra try; each copy has
 * the object's dedup id, and the job labels each object once.
 */
class AfterEffectFaultsTest extends ProducerTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OBJECTS = 60;
    private static final int MAX_ATTEMPTS = 4;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:reviews?maxPublishAttempts=" + MAX_ATTEMPTS);
                from("direct:sendAll").to("sagemaker-labeling:reviews?operation=sendDataObjects&maxPublishAttempts="
                        + MAX_ATTEMPTS);
            }
        };
    }

    @Test
    void lostRepliesOfPublishMakeBoundedCopiesAndEachObjectIsLabeledOnce() throws Exception {
        LabelingJobFixture job = startJob("reviews");
        String copies = queueOnInputTopic();
        LOCAL.groundTruth().faults().inject(Operation.SNS_PUBLISH, Fault.serverErrorAfterProcessing(0.2));
        List<String> reviews = IntStream.range(0, OBJECTS).mapToObj(i -> "single review " + i).toList();

        reviews.forEach(review -> {
            Exchange sent = template.request("direct:send", e -> e.getMessage().setBody(review));
            assertThat(sent.getException()).isNull();
            assertThat(sent.getMessage().getHeader(SageMakerLabelingConstants.MESSAGE_ID, String.class)).isNotBlank();
        });

        assertBoundedCopiesLabeledOnce(job, copies, reviews, LOCAL.groundTruth().faults()
                .injected(Operation.SNS_PUBLISH));
    }

    @Test
    void lostEntriesOfPublishBatchMakeBoundedCopiesAndEachObjectIsLabeledOnce() throws Exception {
        LabelingJobFixture job = startJob("reviews");
        String copies = queueOnInputTopic();
        LOCAL.groundTruth().faults().inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.serverErrorAfterProcessing(0.2));
        List<String> reviews = IntStream.range(0, OBJECTS).mapToObj(i -> "batched review " + i).toList();

        Exchange sent = template.request("direct:sendAll", e -> e.getMessage().setBody(reviews));

        assertThat(sent.getException()).isNull();
        assertBoundedCopiesLabeledOnce(job, copies, reviews, LOCAL.groundTruth().faults()
                .injected(Operation.SNS_PUBLISH_BATCH_ENTRY));
    }

    private void assertBoundedCopiesLabeledOnce(LabelingJobFixture job, String copiesQueue, List<String> reviews,
                                                long lostReplies) throws Exception {
        assertThat(lostReplies).as("replies lost after SNS took the message").isPositive();
        Map<String, Long> copiesById = published(copiesQueue, reviews.size() + lostReplies).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copiesById).as("dedup ids on the input topic").hasSize(reviews.size());
        assertThat(copiesById.values().stream().mapToLong(Long::longValue).sum())
                .as("messages on the input topic: one per object and one per lost reply")
                .isEqualTo(reviews.size() + lostReplies);
        assertThat(copiesById.values()).allMatch(copies -> copies <= MAX_ATTEMPTS);
        assertThat(job.awaitLabeledExactly(reviews.size())).extracting(result -> result.source().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(reviews);
    }

    /** The dedup ids of the messages on the queue, until {@code count} arrived (or ten empty receives). */
    private List<String> published(String queue, long count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int empty = 0; ids.size() < count && empty < 10; ) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            empty = messages.isEmpty() ? empty + 1 : 0;
            for (Message message : messages) {
                ids.add(JSON.readTree(message.body()).path(DEFAULT_DEDUP_KEY).asText());
            }
        }
        return ids;
    }

    /** A raw-delivery queue on the job's input topic, to count what SNS took. */
    private String queueOnInputTopic() {
        String topic = sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews")).inputConfig().dataSource()
                .snsDataSource().snsTopicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("reviews-input-copies")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        return queueUrl;
    }
}
