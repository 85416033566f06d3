package io.github.sagemakerlabeling.local.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.dataobject.DataObjectCodec;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what arrives on a job's queue the way Ground Truth does: an SNS notification (or a raw message) whose body
 * is either one manifest line or an S3 event notification. Lines that name a dedup key keep it; others are
 * deduplicated by the SNS message id, and S3 objects by their URI and sequencer.
 */
final class InputMessageReader {

    private final DataObjectCodec codec = new DataObjectCodec();

    /**
     * The objects in one queue message.
     *
     * @param body           the SQS message body
     * @param queueMessageId the SQS message id, the fallback id of a raw (not enveloped) message
     * @throws InvalidInputException when the message holds nothing Ground Truth could label
     */
    List<IncomingObject> read(String body, String queueMessageId) {
        JsonNode json = parse(body);
        String messageId = queueMessageId;
        if (json.isObject() && "Notification".equals(json.path("Type").asText()) && json.path("Message").isTextual()) {
            messageId = json.path("MessageId").asText(queueMessageId);
            json = parse(json.get("Message").textValue());
        }
        if (!json.isObject()) {
            throw new InvalidInputException("the message is not a JSON object");
        }
        if (json.has("Records")) {
            return s3Objects(json.get("Records"), body);
        }
        if ("s3:TestEvent".equals(json.path("Event").asText())) {
            throw new InvalidInputException("an S3 test event is not a data object");
        }
        return List.of(manifestLine((ObjectNode) json, messageId, body));
    }

    /**
     * The objects of an input manifest (JSON Lines). Blank lines are skipped; a line that is no data object is
     * counted, not read.
     *
     * @param text the manifest
     * @param uri  its S3 URI; {@code <uri>#<line number>} is the id of a line that names no key
     */
    Manifest readManifest(String text, String uri) {
        List<IncomingObject> objects = new ArrayList<>();
        int invalid = 0;
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode line = parse(lines[i]);
                if (!line.isObject()) {
                    throw new InvalidInputException("the line is not a JSON object");
                }
                objects.add(manifestLine((ObjectNode) line, uri + "#" + (i + 1), lines[i]));
            } catch (InvalidInputException e) {
                invalid++;
            }
        }
        return new Manifest(objects, invalid);
    }

    /** An object as a store kept it, read again from its manifest line. */
    IncomingObject restore(ObjectNode line, String dedupId, boolean serviceAssigned, Optional<String> sequencer,
                           String message) {
        try {
            return new IncomingObject(line, codec.decode(Json.write(line)), dedupId, serviceAssigned, sequencer,
                    message);
        } catch (LabelingValidationException e) {
            throw new IllegalStateException("a stored object is no data object: " + line, e);
        }
    }

    private IncomingObject manifestLine(ObjectNode line, String fallbackId, String message) {
        DataObject object;
        try {
            object = codec.decode(Json.write(line));
        } catch (LabelingValidationException e) {
            throw new InvalidInputException(describe(e.violations()));
        }
        List<Violation> violations = codec.validate(object);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(describe(violations));
        }
        return object.dedupId()
                .map(id -> new IncomingObject(line, object, id, false, Optional.empty(), message))
                .orElseGet(() -> new IncomingObject(line, object, fallbackId, true, Optional.empty(), message));
    }

    private static List<IncomingObject> s3Objects(JsonNode records, String message) {
        List<IncomingObject> objects = new ArrayList<>();
        for (JsonNode record : records) {
            if (!"aws:s3".equals(record.path("eventSource").asText())
                    || !record.path("eventName").asText().startsWith("ObjectCreated")) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            String key = URLDecoder.decode(s3.path("object").path("key").asText(), StandardCharsets.UTF_8);
            String uri = "s3://" + s3.path("bucket").path("name").asText() + "/" + key;
            String sequencer = s3.path("object").path("sequencer").asText("");
            DataObject object;
            try {
                object = DataObject.s3(uri);
            } catch (LabelingValidationException e) {
                throw new InvalidInputException(describe(e.violations()));
            }
            ObjectNode line = JsonNodeFactory.instance.objectNode().put("source-ref", uri);
            objects.add(new IncomingObject(line, object, uri + "#" + sequencer, true, Optional.of(sequencer), message));
        }
        if (objects.isEmpty()) {
            throw new InvalidInputException("the S3 event notification holds no object-created record");
        }
        return objects;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.read(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the message is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).reduce((a, b) -> a + "; " + b).orElse("invalid");
    }

    /**
     * The readable objects of an input manifest.
     *
     * @param objects      the data objects, in manifest order
     * @param invalidLines how many lines were no data object
     */
    record Manifest(List<IncomingObject> objects, int invalidLines) {
    }

    /** A message Ground Truth cannot label; it counts as a failed object. */
    static final class InvalidInputException extends RuntimeException {
        InvalidInputException(String message) {
            super(message);
        }
    }
}
