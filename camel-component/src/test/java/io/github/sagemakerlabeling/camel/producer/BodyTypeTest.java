package io.github.sagemakerlabeling.camel.producer;

import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.BODY_TYPE;
import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.OPERATION;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.DEFAULT_DEDUP_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sagemakerlabeling.camel.DataObjectBodyType;
import io.github.sagemakerlabeling.camel.SageMakerLabelingOperations;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** Issue 11, item 9: what a String body is, by option or header, and the auto rules' fallback to text. */
class BodyTypeTest extends ProducerTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String topic = "arn:aws:sns:" + LOCAL.groundTruth().region() + ":" + LOCAL.groundTruth().accountId()
                + ":typed-in";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:auto").to("sagemaker-labeling:typed?inputTopic=" + topic);
                from("direct:manifestLines").to("sagemaker-labeling:typed?bodyType=manifestLine&inputTopic=" + topic);
            }
        };
    }

    @Test
    void autoReadsTextThatOnlyLooksLikeJsonOrAnS3UriAsText() throws Exception {
        String queue = subscribedQueue();

        send("direct:auto", "{Sponsored} great phone", null);
        send("direct:auto", "s3://ideas are great", null);
        send("direct:auto", "{\"source\":\"a real manifest line\",\"shop\":\"north\"}", null);
        send("direct:auto", "s3://reviews/photo.jpg", null);

        assertThat(published(queue, 4)).containsExactlyInAnyOrder(
                Map.of("source", "{Sponsored} great phone"),
                Map.of("source", "s3://ideas are great"),
                Map.of("source", "a real manifest line", "shop", "north"),
                Map.of("source-ref", "s3://reviews/photo.jpg"));
    }

    @Test
    void autoStillRefusesAJsonObjectWithAWrongFieldAndAMistypedS3Uri() {
        assertThat(send("direct:auto", "{\"source\": \"unterminated", null).getException())
                .isInstanceOf(LabelingValidationException.class).hasMessageContaining("must be valid JSON");
        assertThat(send("direct:auto", "{\"source\": 5}", null).getException())
                .isInstanceOf(LabelingValidationException.class).hasMessageContaining("source");
        assertThat(send("direct:auto", "s3://Bad_Bucket/cat.jpg", null).getException())
                .isInstanceOf(LabelingValidationException.class).hasMessageContaining("bucket name 'Bad_Bucket'");
    }

    @Test
    void theHeaderSaysWhatTheBodyIsAndOverridesTheOption() throws Exception {
        String queue = subscribedQueue();

        send("direct:auto", "{\"source\":\"quoted JSON to label as it is\"}", DataObjectBodyType.text);
        send("direct:manifestLines", "s3://reviews/as-text.jpg", DataObjectBodyType.text);
        send("direct:auto", "s3://reviews/photo.jpg", DataObjectBodyType.sourceRef);
        Exchange list = template.request("direct:auto", e -> {
            e.getMessage().setHeader(OPERATION, SageMakerLabelingOperations.sendDataObjects);
            e.getMessage().setHeader(BODY_TYPE, "text");
            e.getMessage().setBody(List.of("{list item}", "{\"source\":\"x\"}"));
        });
        assertThat(list.getException()).isNull();

        assertThat(published(queue, 5)).containsExactlyInAnyOrder(
                Map.of("source", "{\"source\":\"quoted JSON to label as it is\"}"),
                Map.of("source", "s3://reviews/as-text.jpg"),
                Map.of("source-ref", "s3://reviews/photo.jpg"),
                Map.of("source", "{list item}"),
                Map.of("source", "{\"source\":\"x\"}"));
    }

    @Test
    void anExplicitTypeRefusesABodyThatIsNotOfThatType() {
        assertThat(send("direct:manifestLines", "{Sponsored} great phone", null).getException())
                .isInstanceOf(LabelingValidationException.class).hasMessageContaining("must be valid JSON");
        assertThat(send("direct:auto", "ideas are great", DataObjectBodyType.sourceRef).getException())
                .isInstanceOf(LabelingValidationException.class).hasMessageContaining("source-ref");
    }

    private Exchange send(String uri, String body, DataObjectBodyType type) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            if (type != null) {
                e.getMessage().setHeader(BODY_TYPE, type);
            }
        });
        return exchange;
    }

    /** The manifest lines published, as maps of their fields without the dedup fields the codec adds. */
    private List<Map<String, Object>> published(String queue, int count) throws Exception {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int polls = 0; lines.size() < count && polls < 10; polls++) {
            for (Message message : sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                JsonNode line = JSON.readTree(message.body());
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = JSON.convertValue(line, Map.class);
                fields.keySet().removeIf(name -> name.startsWith("dataset-objectid") || name.equals(DEFAULT_DEDUP_KEY));
                lines.add(fields);
            }
        }
        return lines;
    }

    /** Creates the input topic with a raw-delivery queue on it, to see what is published. */
    private String subscribedQueue() {
        String topic = sns.createTopic(b -> b.name("typed-in")).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("typed-published")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        return queueUrl;
    }
}
