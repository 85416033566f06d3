package io.github.sagemakerlabeling.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Requests no SDK sends, but a browser, a script or a fuzzer may: each gets a 400 in the service's error form. */
@LocalGroundTruthTest
class MalformedRequestsTest {

    @Test
    void snsAnswersABrokenPercentEscapeWith400MalformedQueryString(LocalGroundTruth local) throws IOException {
        RawHttp.Response response = RawHttp.postForm(local.snsEndpoint(), "", "Action=ListTopics&NextToken=%zz");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("<Type>Sender</Type>", "<Code>MalformedQueryString</Code>", "%zz")
                .doesNotContain("Exception");
    }

    @Test
    void aBrokenPercentEscapeInTheRequestTargetIsA400(LocalGroundTruth local) throws IOException {
        // The JDK's HTTP server refuses a request target that is no URI before any handler runs, in its own words.
        RawHttp.Response response = RawHttp.send(local.snsEndpoint(),
                "GET /?Action=ListTopics&NextToken=%4 HTTP/1.1\r\nHost: 127.0.0.1", "");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void theSqsEndpointAnswersABrokenPercentEscapeWith400InsteadOfDroppingTheConnection(LocalGroundTruth local)
            throws IOException {
        RawHttp.Response response = RawHttp.postForm(local.sqsEndpoint(), "", "Action=ListQueues&QueueNamePrefix=%G1");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MalformedQueryString</Code>", "%G1");
    }

    @Test
    void publishRefusesCharactersSqsCannotStoreInsteadOfLosingTheMessage(SnsClient sns, SqsClient sqs) {
        String topic = sns.createTopic(b -> b.name("characters")).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("characters")).queueUrl();
        String queueArn = "arn:aws:sqs:us-east-1:000000000000:characters";
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
                .attributes(java.util.Map.of("RawMessageDelivery", "true")));

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic).message("nul \u0000 inside")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("U+0000");
        PublishBatchResponse batch = sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("control").message("start of heading \u0001").build(),
                PublishBatchRequestEntry.builder().id("fine").message("tab\tand \uD83D\uDE00 are fine").build()));

        assertThat(batch.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.id()).isEqualTo("control");
            assertThat(failed.code()).isEqualTo("InvalidParameter");
            assertThat(failed.message()).contains("U+0001");
        });
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()).singleElement().satisfies(message ->
                        assertThat(message.body()).isEqualTo("tab\tand \uD83D\uDE00 are fine"));
    }
}
