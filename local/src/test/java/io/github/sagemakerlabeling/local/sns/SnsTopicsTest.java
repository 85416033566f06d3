package io.github.sagemakerlabeling.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Topic;

class SnsTopicsTest extends SnsTestSupport {

    @Test
    void createTopicIsIdempotentByName() {
        String name = unique("topic");

        String first = createTopic(name);
        String second = createTopic(name);

        assertThat(first).isEqualTo(second).isEqualTo("arn:aws:sns:us-east-1:000000000000:" + name)
                .isEqualTo(sns.topicArn(name));
    }

    @Test
    void createTopicWithDifferentAttributesIsRefused() {
        String name = unique("topic");
        snsClient.createTopic(r -> r.name(name).attributes(Map.of("DisplayName", "one")));

        assertThatThrownBy(() -> snsClient.createTopic(r -> r.name(name).attributes(Map.of("DisplayName", "two"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Topic already exists with different attributes");
        assertThat(snsClient.createTopic(r -> r.name(name).attributes(Map.of("DisplayName", "one"))).topicArn())
                .isEqualTo(sns.topicArn(name));
    }

    @Test
    void topicNamesAreChecked() {
        assertThatThrownBy(() -> createTopic("no spaces")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> createTopic("x".repeat(257))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> createTopic(unique("fifo") + ".fifo"))
                .as("a .fifo name needs FifoTopic=true").isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> snsClient.createTopic(r -> r.name(unique("plain"))
                .attributes(Map.of("FifoTopic", "true"))))
                .as("a FIFO topic needs a .fifo name").isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("must end with .fifo");
    }

    @Test
    void createTopicRefusesUnknownAttributes() {
        assertThatThrownBy(() -> snsClient.createTopic(r -> r.name(unique("topic"))
                .attributes(Map.of("Colour", "blue"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid parameter: AttributeName")
                .satisfies(e -> assertThat(((InvalidParameterException) e).awsErrorDetails().errorCode())
                        .isEqualTo("InvalidParameter"));
    }

    @Test
    void listTopicsPagesByHundred() {
        List<String> created = new ArrayList<>();
        String prefix = unique("many");
        for (int i = 0; i < 105; i++) {
            created.add(createTopic(prefix + "-" + i));
        }

        var firstPage = snsClient.listTopics();
        List<String> all = snsClient.listTopicsPaginator().topics().stream().map(Topic::topicArn).toList();

        assertThat(firstPage.topics()).hasSize(100);
        assertThat(firstPage.nextToken()).isNotNull();
        assertThat(all).containsAll(created).doesNotHaveDuplicates();
    }

    @Test
    void getTopicAttributesReportsSnsAttributes() {
        String arn = createTopic(unique("attrs"));
        subscribedQueue(arn, Map.of());

        Map<String, String> attributes = snsClient.getTopicAttributes(r -> r.topicArn(arn)).attributes();

        assertThat(attributes).containsEntry("TopicArn", arn)
                .containsEntry("Owner", "000000000000")
                .containsEntry("SubscriptionsConfirmed", "1")
                .containsEntry("SubscriptionsPending", "0")
                .containsEntry("DisplayName", "")
                .containsKeys("Policy", "EffectiveDeliveryPolicy")
                .doesNotContainKey("FifoTopic");
        assertThat(attributes.get("Policy")).contains(arn);
    }

    @Test
    void fifoTopicAttributes() {
        String arn = createFifoTopic(unique("attrs") + ".fifo", true);

        assertThat(snsClient.getTopicAttributes(r -> r.topicArn(arn)).attributes())
                .containsEntry("FifoTopic", "true")
                .containsEntry("ContentBasedDeduplication", "true");
    }

    @Test
    void setTopicAttributes() {
        String arn = createTopic(unique("set"));

        snsClient.setTopicAttributes(r -> r.topicArn(arn).attributeName("DisplayName").attributeValue("Labels"));

        assertThat(snsClient.getTopicAttributes(r -> r.topicArn(arn)).attributes())
                .containsEntry("DisplayName", "Labels");
        assertThatThrownBy(() -> snsClient.setTopicAttributes(r -> r.topicArn(arn).attributeName("FifoTopic")
                .attributeValue("true"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> snsClient.setTopicAttributes(r -> r.topicArn(arn)
                .attributeName("ContentBasedDeduplication").attributeValue("true")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("FIFO");
    }

    @Test
    void deleteTopicRemovesItAndItsSubscriptions() {
        String arn = createTopic(unique("gone"));
        subscribedQueue(arn, Map.of());

        snsClient.deleteTopic(r -> r.topicArn(arn));

        assertThatThrownBy(() -> snsClient.getTopicAttributes(r -> r.topicArn(arn)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Topic does not exist");
        assertThat(snsClient.listSubscriptionsPaginator().subscriptions())
                .noneSatisfy(s -> assertThat(s.topicArn()).isEqualTo(arn));
        assertThat(snsClient.listTopicsPaginator().topics()).noneSatisfy(t -> assertThat(t.topicArn()).isEqualTo(arn));
        snsClient.deleteTopic(r -> r.topicArn(arn)); // deleting again is no error, as in SNS
    }

    @Test
    void unknownAndMalformedTopicArns() {
        assertThatThrownBy(() -> snsClient.getTopicAttributes(r -> r.topicArn(sns.topicArn(unique("never")))))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> snsClient.getTopicAttributes(r -> r.topicArn("not-an-arn")))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void unknownActionIsAnXmlError() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sns.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=CreatePlatformApplication&Version=2010-03-31"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/xml");
        assertThat(response.body())
                .startsWith("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error>")
                .contains("<Type>Sender</Type><Code>InvalidAction</Code>")
                .containsPattern("<RequestId>[0-9a-f-]{36}</RequestId></ErrorResponse>$");
    }
}
