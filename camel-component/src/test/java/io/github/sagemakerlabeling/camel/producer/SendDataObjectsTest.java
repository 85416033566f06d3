package io.github.sagemakerlabeling.camel.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.dataobject.DataObjectCodec;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.service.BatchPublishException;
import io.github.sagemakerlabeling.core.service.BatchPublishException.FailedObject;
import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** sendDataObjects: PublishBatch calls of at most 10, failed entries retried, never dropped, finally failed ones named. */
class SendDataObjectsTest extends ProducerTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sendAll").to("sagemaker-labeling:reviews?operation=sendDataObjects&maxPublishAttempts=20");
                from("direct:sendAllOnce").to("sagemaker-labeling:reviews?operation=sendDataObjects&maxPublishAttempts=2");
            }
        };
    }

    @Test
    void aBatchUnderPartialEntryFailuresIsLabeledExactlyOnce() {
        LabelingJobFixture job = startJob("reviews");
        LOCAL.groundTruth().faults()
                .inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.throttling(0.2))
                .inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.serverErrorAfterProcessing(0.05));
        List<String> reviews = IntStream.range(0, 200).mapToObj(i -> "review " + i).toList();

        Exchange sent = template.request("direct:sendAll", e -> e.getMessage().setBody(reviews));

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getBody(List.class)).hasSize(200);
        assertThat(LOCAL.groundTruth().faults().injected(Operation.SNS_PUBLISH_BATCH_ENTRY)).isPositive();
        assertThat(job.awaitLabeledExactly(200)).extracting(result -> result.source().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(reviews);
    }

    @Test
    void aStreamIsReadTenObjectsAtATime() {
        LabelingJobFixture job = startJob("reviews");
        List<Integer> callsBeforeItem = new ArrayList<>();
        Stream<String> reviews = IntStream.range(0, 25).mapToObj(i -> {
            callsBeforeItem.add(componentSns().calls("PublishBatch"));
            return "streamed review " + i;
        });

        Exchange sent = template.request("direct:sendAll", e -> e.getMessage().setBody(reviews));

        assertThat(sent.getException()).isNull();
        assertThat(callsBeforeItem).as("PublishBatch calls made before each item was read")
                .containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> i / 10).toList());
        assertThat(componentSns().calls("PublishBatch")).isEqualTo(3);
        assertThat(job.awaitLabeledExactly(25)).hasSize(25);
    }

    @Test
    void entriesThatKeepFailingFailTheExchangeNamingEachAndTheOthersAreLabeled() {
        LabelingJobFixture job = startJob("reviews");
        LOCAL.groundTruth().faults().inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.throttling(0.5));
        List<String> reviews = IntStream.range(0, 10).mapToObj(i -> "unlucky review " + i).toList();

        Exchange sent = template.request("direct:sendAllOnce", e -> e.getMessage().setBody(reviews.iterator()));

        assertThat(sent.getException()).isInstanceOf(BatchPublishException.class);
        BatchPublishException failure = (BatchPublishException) sent.getException();
        assertThat(failure.failures()).isNotEmpty();
        assertThat(failure.published()).isNotEmpty();
        DataObjectCodec codec = new DataObjectCodec();
        for (FailedObject failed : failure.failures()) {
            String dedupId = codec.contentHashId(DataObject.text(reviews.get(failed.index())));
            assertThat(failed.dedupId()).isEqualTo(dedupId);
            assertThat(failed.code()).isEqualTo("Throttled");
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failure.getMessage()).contains("object " + failed.index() + " (dedup id " + dedupId
                    + "): Throttled");
        }
        assertThat(failure.failures().size() + failure.published().size()).isEqualTo(10);
        List<String> published = failure.published().stream().map(p -> p.source().orElseThrow()).toList();
        assertThat(job.awaitLabeledExactly(published.size())).extracting(LabelingResult::source)
                .extracting(s -> s.orElseThrow()).containsExactlyInAnyOrderElementsOf(published);

        LOCAL.groundTruth().faults().clear();
        Exchange next = template.request("direct:sendAllOnce", e -> e.getMessage().setBody(reviews));
        assertThat(next.getException()).isNull();
        assertThat(next.getMessage().getBody(List.class)).hasSize(10);
        job.awaitLabeledExactly(10 - published.size());
    }
}
