package io.github.sagemakerlabeling.local.sns;

import java.util.Map;

/** {@code CreateTopic}, {@code DeleteTopic}, {@code ListTopics}, {@code GetTopicAttributes}, {@code SetTopicAttributes}. */
final class TopicActions {

    private final TopicRegistry registry;

    TopicActions(TopicRegistry registry) {
        this.registry = registry;
    }

    /** Adds this class's handlers, by action name. */
    void registerWith(Map<String, ActionHandler> handlers) {
        handlers.put("CreateTopic", this::createTopic);
        handlers.put("DeleteTopic", this::deleteTopic);
        handlers.put("ListTopics", this::listTopics);
        handlers.put("GetTopicAttributes", this::getTopicAttributes);
        handlers.put("SetTopicAttributes", this::setTopicAttributes);
    }

    private XmlWriter createTopic(SnsRequest request) {
        Topic topic = registry.createTopic(request.required("Name"), request.map("Attributes"));
        return new XmlWriter().element("TopicArn", topic.arn());
    }

    private XmlWriter deleteTopic(SnsRequest request) {
        registry.deleteTopic(request.required("TopicArn"));
        return new XmlWriter();
    }

    private XmlWriter listTopics(SnsRequest request) {
        Page<Topic> page = Page.of(registry.topics(), request.get("NextToken"));
        XmlWriter xml = new XmlWriter().start("Topics");
        page.items().forEach(topic -> xml.start("member").element("TopicArn", topic.arn()).end("member"));
        return xml.end("Topics").element("NextToken", page.nextToken());
    }

    private XmlWriter getTopicAttributes(SnsRequest request) {
        Topic topic = registry.topic(request.required("TopicArn"));
        Map<String, String> attributes = topic.attributes();
        attributes.put("SubscriptionsConfirmed", Integer.toString(registry.subscriptions(topic).size()));
        attributes.put("SubscriptionsPending", "0");
        attributes.put("SubscriptionsDeleted", "0");
        return new XmlWriter().map("Attributes", attributes);
    }

    private XmlWriter setTopicAttributes(SnsRequest request) {
        Topic topic = registry.topic(request.required("TopicArn"));
        registry.setAttribute(topic, request.required("AttributeName"),
                request.get("AttributeValue") == null ? "" : request.get("AttributeValue"));
        return new XmlWriter();
    }
}
