package io.github.sagemakerlabeling.local.sns;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code Publish} call or one {@code PublishBatch} entry asks to publish, before the topic's rules are applied.
 *
 * @param message the message text (for {@code MessageStructure=json}, the JSON object of per-protocol messages)
 * @param subject the subject, or {@code null}
 * @param messageStructure {@code json} or {@code null}
 * @param groupId the FIFO message group id, or {@code null}
 * @param deduplicationId the FIFO deduplication id, or {@code null}
 * @param attributes the message attributes by name, in request order
 */
record PublishInput(String message, String subject, String messageStructure, String groupId,
        String deduplicationId, Map<String, MessageAttribute> attributes) {

    /** The limit on message plus attributes, for one message and for a whole batch. */
    static final int MAX_SIZE = 262_144;

    /**
     * Reads the publish parameters of a request or batch entry.
     *
     * @throws SnsException {@code InvalidParameter} without {@code Message}, {@code ParameterValueInvalid} for a bad
     *     message attribute
     */
    static PublishInput parse(SnsRequest request) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (SnsRequest entry : request.indexed("MessageAttributes.entry")) {
            MessageAttribute.Named named = MessageAttribute.parse(entry);
            attributes.put(named.name(), named.attribute());
        }
        return new PublishInput(request.required("Message"), request.get("Subject"), request.get("MessageStructure"),
                request.get("MessageGroupId"), request.get("MessageDeduplicationId"),
                Collections.unmodifiableMap(attributes));
    }

    /** Bytes counted toward {@link #MAX_SIZE}: the message and every attribute's name, type and value. */
    int size() {
        return MessageAttribute.utf8Length(message) + MessageAttribute.size(attributes);
    }
}
