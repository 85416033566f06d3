package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The reference examples under {@code src/test/resources/result/}, copied verbatim from the Ground Truth dossier
 * (§3.3 per-task outputs, §3.5 deduplication forms, §3.6 SNS envelope). Two of them are fragments of a line in the
 * docs ({@code *.fragment}); the helpers here place them into a whole line.
 */
final class Fixtures {

    static final String MESSAGE_ID = "0f9d5d4e-5b1c-4a57-8e0c-2b7f6c1d9a11";

    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/result/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bounding box example with the label verification example appended, as a chained verification job writes. */
    static String chainedVerificationLine() {
        String line = read("bounding-box.json");
        return line.substring(0, line.lastIndexOf('}')) + ",\n" + read("label-verification.fragment") + "\n}";
    }

    /** The §3.5 "custom key" fragment placed at the start of {@code line}. */
    static String withByoKey(String line) {
        return "{" + read("dedup-byo-key.fragment") + line.substring(line.indexOf('{') + 1);
    }

    /** {@code message} inside an SNS notification envelope, as SQS receives it without raw message delivery. */
    static String envelope(String message) {
        ObjectNode envelope = Json.mapper().createObjectNode()
                .put("Type", "Notification")
                .put("MessageId", MESSAGE_ID)
                .put("TopicArn", "arn:aws:sns:us-east-1:123456789012:GroundTruth-streaming-Output")
                .put("Message", message)
                .put("Timestamp", "2024-01-01T00:00:01.000Z")
                .put("SignatureVersion", "1")
                .put("Signature", "...")
                .put("SigningCertURL", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem")
                .put("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
        return Json.write(envelope);
    }
}
