package io.github.sagemakerlabeling.camel.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * A body that cannot be a data object fails its exchange, before anything is sent, with one error naming the field,
 * the value and the rule; the route goes on working.
 */
class BadBodyTest extends ProducerTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String topic = "arn:aws:sns:" + LOCAL.groundTruth().region() + ":" + LOCAL.groundTruth().accountId()
                + ":plain-in";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:plain?inputTopic=" + topic);
                from("direct:sendList").to("sagemaker-labeling:plain?operation=sendDataObjects&inputTopic=" + topic);
            }
        };
    }

    @Test
    void badBodiesFailTheirExchangeNamingFieldValueAndRuleAndTheRouteKeepsWorking() {
        String queue = subscribedQueue();

        assertRefused("direct:send", null, "body = null: must be text (String), an s3:// URI");
        assertRefused("direct:send", 42, "body = 'java.lang.Integer': must be text (String)");
        assertRefused("direct:send", "s3://Bad_Bucket/cat.jpg", "source-ref = 's3://Bad_Bucket/cat.jpg': bucket name"
                + " 'Bad_Bucket' may contain only lowercase letters, digits, dots and hyphens");
        assertRefused("direct:send", "s3://images/", "object key must not be empty");
        assertRefused("direct:send", "x".repeat(20_001), "source = 'xxxxx");
        assertRefused("direct:send", "x".repeat(20_001), "an attribute value must be at most 20,000 characters, is"
                + " 20,001");
        assertRefused("direct:send", new byte[] {1, 2, 3}, "uploadBucket = null: a binary body ([B) is uploaded to"
                + " S3 and sent as its source-ref: set the uploadBucket option");
        assertRefused("direct:sendList", List.of("fine", "s3://Bad_Bucket/x", 7),
                "objects[1].source-ref = 's3://Bad_Bucket/x'", "objects[2].body = 'java.lang.Integer'");
        assertRefused("direct:sendList", "not a list", "body = 'java.lang.String': sendDataObjects needs a List");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages())
                .as("nothing was published").isEmpty();

        Exchange good = template.request("direct:send", e -> e.getMessage().setBody("The food was delicious"));
        assertThat(good.getException()).isNull();
        assertThat(good.getMessage().getHeader(SageMakerLabelingConstants.MESSAGE_ID, String.class)).isNotBlank();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(5)).messages()).hasSize(1);
    }

    @Test
    void anInvalidUploadBucketStopsTheRouteFromStartingNamingIt() {
        RouteBuilder badBucket = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:badBucket").to("sagemaker-labeling:plain?uploadBucket=Bad_Bucket");
            }
        };

        assertThatThrownBy(() -> context.addRoutes(badBucket)).hasRootCauseInstanceOf(LabelingValidationException.class)
                .rootCause().hasMessageContaining("uploadBucket = 'Bad_Bucket': bucket name 'Bad_Bucket' may contain"
                        + " only lowercase letters, digits, dots and hyphens");
    }

    /** Creates the input topic with a queue on it, to see what is published. */
    private String subscribedQueue() {
        String topic = sns.createTopic(b -> b.name("plain-in")).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("plain-published")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn));
        return queueUrl;
    }

    private void assertRefused(String uri, Object body, String... messageParts) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody(body));
        assertThat(exchange.getException()).isInstanceOf(LabelingValidationException.class);
        assertThat(exchange.getException().getMessage()).contains(messageParts);
    }
}
