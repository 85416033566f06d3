package io.github.sagemakerlabeling.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.model.Message;

class SnsSubscriptionsTest extends SnsTestSupport {

    @Test
    void subscribeAnSqsQueue() {
        String topicArn = createTopic(unique("sub"));
        Queue queue = createQueue(unique("q"));

        String subscriptionArn = snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs")
                .endpoint(queue.arn()).returnSubscriptionArn(true)).subscriptionArn();

        assertThat(subscriptionArn).startsWith(topicArn + ":").matches(".*:[0-9a-f-]{36}");
        assertThat(snsClient.getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)).attributes())
                .containsEntry("SubscriptionArn", subscriptionArn)
                .containsEntry("TopicArn", topicArn)
                .containsEntry("Protocol", "sqs")
                .containsEntry("Endpoint", queue.arn())
                .containsEntry("Owner", "000000000000")
                .containsEntry("PendingConfirmation", "false")
                .containsEntry("ConfirmationWasAuthenticated", "true")
                .containsEntry("RawMessageDelivery", "false")
                .doesNotContainKey("FilterPolicy");
    }

    @Test
    void subscribeIsIdempotentUnlessTheAttributesDiffer() {
        String topicArn = createTopic(unique("sub"));
        Queue queue = createQueue(unique("q"));
        Map<String, String> raw = Map.of("RawMessageDelivery", "true");

        String first = snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(raw)).subscriptionArn();
        String second = snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(raw)).subscriptionArn();

        assertThat(second).isEqualTo(first);
        assertThatThrownBy(() -> snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(Map.of("RawMessageDelivery", "false"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Subscription already exists with different attributes");
    }

    @Test
    void subscribeErrors() {
        String topicArn = createTopic(unique("sub"));
        Queue queue = createQueue(unique("q"));
        Queue fifoQueue = createQueue(unique("q") + ".fifo");

        assertThatThrownBy(() -> snsClient.subscribe(r -> r.topicArn(sns.topicArn(unique("none"))).protocol("sqs")
                .endpoint(queue.arn()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> snsClient.subscribe(r -> r.topicArn(topicArn).protocol("email")
                .endpoint("someone@example.com"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Protocol");
        assertThatThrownBy(() -> snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs")
                .endpoint(queue.url()))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("SQS endpoint ARN");
        assertThatThrownBy(() -> snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs")
                .endpoint(fifoQueue.arn()))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("FIFO SQS Queues can not be subscribed to standard SNS topics");
        assertThatThrownBy(() -> snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs")
                .endpoint(queue.arn()).attributes(Map.of("RawMessageDelivery", "yes"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("RawMessageDelivery");
        assertThat(snsClient.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions())
                .as("a refused subscription leaves nothing behind").isEmpty();
    }

    @Test
    void listSubscriptionsAndListSubscriptionsByTopic() {
        String topicArn = createTopic(unique("list"));
        String otherTopicArn = createTopic(unique("list"));
        Queue first = subscribedQueue(topicArn, Map.of());
        Queue second = subscribedQueue(topicArn, Map.of());
        Queue other = subscribedQueue(otherTopicArn, Map.of());

        List<Subscription> byTopic = snsClient.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions();
        List<Subscription> all = snsClient.listSubscriptionsPaginator().subscriptions().stream().toList();

        assertThat(byTopic).extracting(Subscription::endpoint).containsExactly(first.arn(), second.arn());
        assertThat(byTopic).allSatisfy(s -> {
            assertThat(s.protocol()).isEqualTo("sqs");
            assertThat(s.owner()).isEqualTo("000000000000");
            assertThat(s.topicArn()).isEqualTo(topicArn);
        });
        assertThat(all).extracting(Subscription::endpoint).contains(first.arn(), second.arn(), other.arn());
        assertThatThrownBy(() -> snsClient.listSubscriptionsByTopic(r -> r.topicArn(sns.topicArn(unique("none")))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void setSubscriptionAttributes() {
        String topicArn = createTopic(unique("set"));
        Queue queue = createQueue(unique("q"));
        String arn = snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn()))
                .subscriptionArn();

        snsClient.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("RawMessageDelivery")
                .attributeValue("true"));
        snsClient.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("FilterPolicy")
                .attributeValue("{\"color\":[\"red\"]}"));

        assertThat(snsClient.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes())
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("FilterPolicy", "{\"color\":[\"red\"]}")
                .containsEntry("FilterPolicyScope", "MessageAttributes");
        assertThatThrownBy(() -> snsClient.setSubscriptionAttributes(r -> r.subscriptionArn(arn)
                .attributeName("Endpoint").attributeValue("x"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("AttributeName");
        assertThatThrownBy(() -> snsClient.setSubscriptionAttributes(r -> r.subscriptionArn(arn)
                .attributeName("FilterPolicy").attributeValue("{\"color\": \"red\"}")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("FilterPolicy");
        assertThatThrownBy(() -> snsClient.setSubscriptionAttributes(r -> r.subscriptionArn(arn)
                .attributeName("FilterPolicyScope").attributeValue("Everything")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("FilterPolicyScope");
    }

    @Test
    void unsubscribe() {
        String topicArn = createTopic(unique("unsub"));
        Queue queue = createQueue(unique("q"));
        String arn = snsClient.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn()))
                .subscriptionArn();

        snsClient.unsubscribe(r -> r.subscriptionArn(arn));
        snsClient.publish(r -> r.topicArn(topicArn).message("nobody listens"));

        assertThat(drain(queue)).isEmpty();
        assertThatThrownBy(() -> snsClient.getSubscriptionAttributes(r -> r.subscriptionArn(arn)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Subscription does not exist");
        snsClient.unsubscribe(r -> r.subscriptionArn(arn)); // again: no error, as in SNS
        assertThatThrownBy(() -> snsClient.unsubscribe(r -> r.subscriptionArn("nonsense")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void theUnsubscribeUrlOfANotificationWorks() throws Exception {
        String topicArn = createTopic(unique("url"));
        Queue queue = subscribedQueue(topicArn, Map.of());
        snsClient.publish(r -> r.topicArn(topicArn).message("first"));
        Message notification = drain(queue).get(0);
        String unsubscribeUrl = Json.read(notification.body()).get("UnsubscribeURL").asText();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(unsubscribeUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("<UnsubscribeResponse");
        assertThat(snsClient.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions()).isEmpty();
    }
}
