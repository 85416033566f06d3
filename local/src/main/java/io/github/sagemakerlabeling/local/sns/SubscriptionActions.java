package io.github.sagemakerlabeling.local.sns;

import java.util.List;
import java.util.Map;

/**
 * {@code Subscribe}, {@code Unsubscribe}, {@code ListSubscriptions}, {@code ListSubscriptionsByTopic},
 * {@code GetSubscriptionAttributes}, {@code SetSubscriptionAttributes}.
 */
final class SubscriptionActions {

    private final TopicRegistry registry;

    SubscriptionActions(TopicRegistry registry) {
        this.registry = registry;
    }

    /** Adds this class's handlers, by action name. */
    void registerWith(Map<String, ActionHandler> handlers) {
        handlers.put("Subscribe", this::subscribe);
        handlers.put("Unsubscribe", this::unsubscribe);
        handlers.put("ListSubscriptions", this::listSubscriptions);
        handlers.put("ListSubscriptionsByTopic", this::listSubscriptionsByTopic);
        handlers.put("GetSubscriptionAttributes", this::getSubscriptionAttributes);
        handlers.put("SetSubscriptionAttributes", this::setSubscriptionAttributes);
    }

    private XmlWriter subscribe(SnsRequest request) {
        String topicArn = request.required("TopicArn");
        String protocol = request.required("Protocol");
        String endpoint = request.required("Endpoint");
        Subscription subscription = registry.subscribe(topicArn, protocol, endpoint, request.map("Attributes"));
        return new XmlWriter().element("SubscriptionArn", subscription.arn());
    }

    private XmlWriter unsubscribe(SnsRequest request) {
        registry.unsubscribe(request.required("SubscriptionArn"));
        return new XmlWriter();
    }

    private XmlWriter listSubscriptions(SnsRequest request) {
        return subscriptionsXml(registry.subscriptions(), request.get("NextToken"));
    }

    private XmlWriter listSubscriptionsByTopic(SnsRequest request) {
        Topic topic = registry.topic(request.required("TopicArn"));
        return subscriptionsXml(registry.subscriptions(topic), request.get("NextToken"));
    }

    private XmlWriter getSubscriptionAttributes(SnsRequest request) {
        Subscription subscription = registry.subscription(request.required("SubscriptionArn"));
        return new XmlWriter().map("Attributes", subscription.attributes());
    }

    private XmlWriter setSubscriptionAttributes(SnsRequest request) {
        Subscription subscription = registry.subscription(request.required("SubscriptionArn"));
        registry.setAttribute(subscription, request.required("AttributeName"),
                request.get("AttributeValue") == null ? "" : request.get("AttributeValue"));
        return new XmlWriter();
    }

    private static XmlWriter subscriptionsXml(List<Subscription> subscriptions, String nextToken) {
        Page<Subscription> page = Page.of(subscriptions, nextToken);
        XmlWriter xml = new XmlWriter().start("Subscriptions");
        page.items().forEach(subscription -> xml.start("member")
                .element("TopicArn", subscription.topic().arn())
                .element("Protocol", subscription.protocol())
                .element("SubscriptionArn", subscription.arn())
                .element("Owner", subscription.topic().owner())
                .element("Endpoint", subscription.queue().arn())
                .end("member"));
        return xml.end("Subscriptions").element("NextToken", page.nextToken());
    }
}
