package io.github.sagemakerlabeling.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Each test subscribes a raw-delivery queue with a filter policy, publishes messages named after whether they should
 * pass, and checks that exactly the passing ones arrived.
 */
class SnsFilterPolicyTest extends SnsTestSupport {

    @Test
    void exactStringValues() {
        assertDelivered("{\"color\":[\"red\",\"blue\"]}",
                message("pass-red", "color", "String", "red"),
                message("pass-blue", "color", "String", "blue"),
                message("drop-green", "color", "String", "green"),
                message("drop-missing"),
                message("drop-other-key", "shade", "String", "red"));
    }

    @Test
    void everyKeyMustMatch() {
        assertDelivered("{\"color\":[\"red\"],\"size\":[\"L\"]}",
                message("pass-both", "color", "String", "red", "size", "String", "L"),
                message("drop-one", "color", "String", "red", "size", "String", "S"),
                message("drop-half", "color", "String", "red"));
    }

    @Test
    void prefixSuffixAndEqualsIgnoreCase() {
        assertDelivered("{\"key\":[{\"prefix\":\"images/\"}],\"kind\":[{\"suffix\":\".jpg\"},"
                        + "{\"equals-ignore-case\":\"PNG\"}]}",
                message("pass-jpg", "key", "String", "images/cat", "kind", "String", "cat.jpg"),
                message("pass-png", "key", "String", "images/dog", "kind", "String", "png"),
                message("drop-prefix", "key", "String", "texts/a", "kind", "String", "a.jpg"),
                message("drop-kind", "key", "String", "images/a", "kind", "String", "a.gif"));
    }

    @Test
    void anythingBut() {
        assertDelivered("{\"status\":[{\"anything-but\":[\"spam\",\"test\"]}],\"source\":[{\"anything-but\":"
                        + "{\"prefix\":\"internal-\"}}]}",
                message("pass-ok", "status", "String", "ok", "source", "String", "web"),
                message("drop-spam", "status", "String", "spam", "source", "String", "web"),
                message("drop-internal", "status", "String", "ok", "source", "String", "internal-batch"),
                message("drop-missing", "source", "String", "web"));
    }

    @Test
    void exists() {
        assertDelivered("{\"priority\":[{\"exists\":true}],\"debug\":[{\"exists\":false}]}",
                message("pass-priority", "priority", "Number", "1"),
                message("drop-debug", "priority", "Number", "1", "debug", "String", "yes"),
                message("drop-none"));
    }

    @Test
    void numericComparisonsAndNumericEquality() {
        assertDelivered("{\"price\":[{\"numeric\":[\">\",0,\"<=\",100]}],\"count\":[5]}",
                message("pass-low", "price", "Number", "0.01", "count", "Number", "5"),
                message("pass-edge", "price", "Number", "100", "count", "Number", "5.0"),
                message("drop-zero", "price", "Number", "0", "count", "Number", "5"),
                message("drop-high", "price", "Number", "100.5", "count", "Number", "5"),
                message("drop-count", "price", "Number", "50", "count", "Number", "6"),
                message("drop-string", "price", "String", "50", "count", "Number", "5"));
    }

    @Test
    void stringArrayAttributesMatchAnyElement() {
        assertDelivered("{\"tags\":[\"urgent\"]}",
                message("pass-contains", "tags", "String.Array", "[\"normal\",\"urgent\"]"),
                message("drop-without", "tags", "String.Array", "[\"normal\"]"));
    }

    @Test
    void binaryAttributesAreNeverMatched() {
        String topicArn = createTopic(unique("filter"));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true",
                "FilterPolicy", "{\"blob\":[{\"exists\":true}]}"));

        snsClient.publish(r -> r.topicArn(topicArn).message("drop-binary").messageAttributes(Map.of("blob",
                MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("b")).build())));
        snsClient.publish(r -> r.topicArn(topicArn).message("pass-string").messageAttributes(Map.of("blob",
                MessageAttributeValue.builder().dataType("String").stringValue("b").build())));

        assertThat(drain(queue)).extracting(Message::body).containsExactly("pass-string");
    }

    @Test
    void messageBodyScopeMatchesNestedJson() {
        String topicArn = createTopic(unique("filter"));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true",
                "FilterPolicyScope", "MessageBody",
                "FilterPolicy", "{\"label-metadata\":{\"class-name\":[\"cat\"]},\"source-ref\":[{\"prefix\":\"s3://\"}]}"));

        for (String body : new String[] {
            "{\"source-ref\":\"s3://b/1.jpg\",\"label-metadata\":{\"class-name\":\"cat\"},\"note\":\"pass\"}",
            "{\"source-ref\":\"s3://b/2.jpg\",\"label-metadata\":{\"class-name\":\"dog\"},\"note\":\"drop\"}",
            "{\"source-ref\":\"file:/3.jpg\",\"label-metadata\":{\"class-name\":\"cat\"},\"note\":\"drop\"}",
            "not json, drop"}) {
            snsClient.publish(r -> r.topicArn(topicArn).message(body));
        }

        assertThat(drain(queue)).extracting(Message::body).singleElement().asString().contains("\"note\":\"pass\"");
    }

    @Test
    void aFilterPolicyCanBeRemoved() {
        String topicArn = createTopic(unique("filter"));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true",
                "FilterPolicy", "{\"color\":[\"red\"]}"));
        String subscriptionArn = snsClient.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions().get(0)
                .subscriptionArn();

        snsClient.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn).attributeName("FilterPolicy")
                .attributeValue("{}"));
        snsClient.publish(r -> r.topicArn(topicArn).message("unfiltered"));

        assertThat(drain(queue)).extracting(Message::body).containsExactly("unfiltered");
        assertThat(snsClient.getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)).attributes())
                .doesNotContainKeys("FilterPolicy", "FilterPolicyScope");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[]",
        "{\"color\":\"red\"}",
        "{\"color\":[]}",
        "{\"color\":[{\"wildcard\":\"r*\"}]}",
        "{\"price\":[{\"numeric\":[\">\",\"zero\"]}]}",
        "{\"price\":[{\"numeric\":[\"=\",1,\"<\",2]}]}",
        "{\"color\":[{\"prefix\":\"a\",\"suffix\":\"b\"}]}",
        "{\"nested\":{\"color\":[\"red\"]}}"
    })
    void invalidPoliciesAreRefused(String policy) {
        String topicArn = createTopic(unique("filter"));

        assertThatThrownBy(() -> subscribedQueue(topicArn, Map.of("FilterPolicy", policy)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("FilterPolicy");
    }

    /** Publishes each message and checks that exactly those whose body starts with "pass" arrive. */
    private static void assertDelivered(String policy, Publication... publications) {
        String topicArn = createTopic(unique("filter"));
        Queue queue = subscribedQueue(topicArn, Map.of("RawMessageDelivery", "true", "FilterPolicy", policy));

        for (Publication publication : publications) {
            snsClient.publish(r -> r.topicArn(topicArn).message(publication.body())
                    .messageAttributes(publication.attributes()));
        }

        String[] passing = Arrays.stream(publications).map(Publication::body)
                .filter(body -> body.startsWith("pass")).toArray(String[]::new);
        assertThat(drain(queue)).extracting(Message::body).containsExactlyInAnyOrder(passing);
    }

    /** A message body and attributes given as name, type, value triples. */
    private static Publication message(String body, String... nameTypeValue) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        for (int i = 0; i < nameTypeValue.length; i += 3) {
            attributes.put(nameTypeValue[i], MessageAttributeValue.builder().dataType(nameTypeValue[i + 1])
                    .stringValue(nameTypeValue[i + 2]).build());
        }
        return new Publication(body, attributes);
    }

    private record Publication(String body, Map<String, MessageAttributeValue> attributes) {
    }
}
