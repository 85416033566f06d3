package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The consumer provisions its queue as the user says: no creation when told so, their attributes, their policy kept. */
class QueueProvisioningTest extends CountingSqsTestSupport {

    private static final String CONFIGURED = "reviews-configured";
    private static final String MISSING = "reviews-missing";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:reviews?outputQueueName=" + CONFIGURED + "&autoCreateQueue=false"
                        + "&messageRetentionPeriod=86400&waitTimeSeconds=1&delay=10").routeId("configured")
                        .autoStartup(false).to("mock:labeled");
                from("sagemaker-labeling:reviews?outputQueueName=" + MISSING + "&autoCreateQueue=false"
                        + "&waitTimeSeconds=1&delay=10").routeId("missing").autoStartup(false).to("mock:labeled");
            }
        };
    }

    @Test
    void anExistingQueueKeepsItsPolicyStatementsAndGetsTheConfiguredAttributes() throws Exception {
        fixture.runningJob();
        String queue = fixture.createQueue(CONFIGURED, 30);
        String arn = fixture.queueArn(queue);
        String ownPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AuditorMayRead\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:role/Auditor\"},\"Action\":\"sqs:ReceiveMessage\","
                + "\"Resource\":\"" + arn + "\"}]}";
        fixture.sqs.setQueueAttributes(b -> b.queueUrl(queue).attributes(Map.of(QueueAttributeName.POLICY, ownPolicy)));

        List<String> texts = reviews("configured", 3);
        routeAll("configured", texts);

        // The local SQS (ElasticMQ) ignores the retention period: what was asked for is checked instead.
        assertThat(calls.attributesSet()).containsEntry("MessageRetentionPeriod", "86400");
        JsonNode policy = Json.read(fixture.sqs.getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.POLICY)).attributes().get(QueueAttributeName.POLICY));
        assertThat(policy.get("Statement")).extracting(statement -> statement.get("Sid").asText())
                .containsExactly("AuditorMayRead", "OnlyTheLabelingJobOutputTopic");
        awaitDrained(queue);
    }

    @Test
    void withoutAutoCreateQueueAMissingQueueIsNotCreated() throws Exception {
        fixture.runningJob();

        context.getRouteController().startRoute("missing");

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> getMockEndpoint("mock:labeled").getReceivedCounter() == 0);
        assertThatThrownBy(() -> fixture.queueUrl(MISSING)).isInstanceOf(QueueDoesNotExistException.class);
    }
}
