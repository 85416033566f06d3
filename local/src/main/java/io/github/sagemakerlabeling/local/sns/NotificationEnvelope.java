package io.github.sagemakerlabeling.local.sns;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The JSON notification SNS delivers to an SQS queue without raw message delivery: {@code Type}, {@code MessageId},
 * {@code SequenceNumber} (FIFO), {@code TopicArn}, {@code Subject} (when set), {@code Message}, {@code Timestamp},
 * {@code SignatureVersion}, {@code Signature}, {@code SigningCertURL}, {@code UnsubscribeURL} and
 * {@code MessageAttributes} (when there are any), in SNS's order.
 *
 * <p>Local Ground Truth holds no AWS signing key: {@code Signature} is a digest of the message, not an RSA signature,
 * and {@code SigningCertURL} names no certificate. {@code UnsubscribeURL} works against the local server.
 */
final class NotificationEnvelope {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final URI snsEndpoint;

    NotificationEnvelope(URI snsEndpoint) {
        this.snsEndpoint = snsEndpoint;
    }

    /** The notification of a message for one subscription, as one line of JSON. */
    String toJson(SnsMessage message, String subscriptionArn) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("Type", "Notification");
        json.put("MessageId", message.messageId());
        if (message.sequenceNumber() != null) {
            json.put("SequenceNumber", message.sequenceNumber());
        }
        json.put("TopicArn", message.topicArn());
        if (message.subject() != null) {
            json.put("Subject", message.subject());
        }
        json.put("Message", message.message());
        json.put("Timestamp", TIMESTAMP.format(message.timestamp()));
        json.put("SignatureVersion", "1");
        json.put("Signature", digest(message));
        json.put("SigningCertURL", snsEndpoint + "/SimpleNotificationService-local.pem");
        json.put("UnsubscribeURL", snsEndpoint + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn);
        if (!message.attributes().isEmpty()) {
            ObjectNode attributes = json.putObject("MessageAttributes");
            message.attributes().forEach((name, attribute) -> attributes.putObject(name)
                    .put("Type", attribute.dataType())
                    .put("Value", attribute.displayValue()));
        }
        return Json.write(json);
    }

    private static String digest(SnsMessage message) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((message.messageId() + "\n" + message.message()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
