package io.github.sagemakerlabeling.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** SQS's rules for existing queues and queue policies, on both SQS protocols. */
@LocalGroundTruthTest
class QueueSemanticsTest {

    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:";

    @Test
    void createQueueOfAnExistingQueueWithADifferentPolicyIsRefusedAndKeepsThePolicy(SqsClient sqs) {
        String strict = policy(QUEUE_ARN + "guarded", "arn:aws:sns:us-east-1:000000000000:only-this");
        String open = policy(QUEUE_ARN + "guarded", "*");
        String url = sqs.createQueue(b -> b.queueName("guarded").attributes(Map.of(QueueAttributeName.POLICY, strict)))
                .queueUrl();

        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("guarded")
                .attributes(Map.of(QueueAttributeName.POLICY, open))))
                .isInstanceOf(QueueNameExistsException.class)
                .hasMessageContaining("Policy");
        assertThat(sqs.createQueue(b -> b.queueName("guarded").attributes(Map.of(QueueAttributeName.POLICY, strict)))
                .queueUrl()).isEqualTo(url);
        assertThat(sqs.createQueue(b -> b.queueName("guarded")).queueUrl()).isEqualTo(url);
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.POLICY))
                .attributes()).containsEntry(QueueAttributeName.POLICY, strict);
    }

    @Test
    void createQueueOfAnExistingQueueWithAnotherAttributeValueIsRefused(SqsClient sqs) {
        sqs.createQueue(b -> b.queueName("timed").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30")));

        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("timed")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))))
                .isInstanceOf(QueueNameExistsException.class);
    }

    @Test
    void aPolicySetOverTheQueryProtocolIsKeptReportedAndEnforced(LocalGroundTruth local, SqsClient sqs,
            SnsClient sns) throws Exception {
        String topic = sns.createTopic(b -> b.name("query-policy")).topicArn();
        String denyAll = policy(QUEUE_ARN + "by-query", "arn:aws:sns:us-east-1:000000000000:another-topic");
        String created = query(local.sqsEndpoint(), "/", Map.of("Action", "CreateQueue", "QueueName", "by-query",
                "Attribute.1.Name", "Policy", "Attribute.1.Value", denyAll));
        assertThat(created).contains("<QueueUrl>");
        String url = sqs.getQueueUrl(b -> b.queueName("by-query")).queueUrl();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(QUEUE_ARN + "by-query")
                .attributes(Map.of("RawMessageDelivery", "true")));

        String reported = query(local.sqsEndpoint(), URI.create(url).getPath(), Map.of(
                "Action", "GetQueueAttributes", "AttributeName.1", "All"));
        sns.publish(b -> b.topicArn(topic).message("denied by the query-set policy"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages()).isEmpty();
        query(local.sqsEndpoint(), "/", Map.of("Action", "SetQueueAttributes", "QueueUrl", url,
                "Attribute.1.Name", "Policy", "Attribute.1.Value", ""));
        sns.publish(b -> b.topicArn(topic).message("no policy any more"));

        assertThat(reported).contains("<Name>Policy</Name>", "another-topic");
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes()).doesNotContainKey(QueueAttributeName.POLICY);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages())
                .singleElement().satisfies(message -> assertThat(message.body()).isEqualTo("no policy any more"));
    }

    private static String query(URI endpoint, String path, Map<String, String> params)
            throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder("Version=2012-11-05");
        params.forEach((name, value) -> form.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String policy(String queueArn, String sourceArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\","
                + "\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"" + sourceArn + "\"}}}]}";
    }
}
