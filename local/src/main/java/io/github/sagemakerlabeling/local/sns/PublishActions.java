package io.github.sagemakerlabeling.local.sns;

import io.github.sagemakerlabeling.local.faults.FaultDecision;
import io.github.sagemakerlabeling.local.faults.Operation;
import io.github.sagemakerlabeling.local.faults.Operation.Service;
import io.github.sagemakerlabeling.local.faults.WireError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code Publish} and {@code PublishBatch}. */
final class PublishActions {

    private static final int MAX_BATCH_ENTRIES = 10;
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final TopicRegistry registry;
    private final Publisher publisher;

    PublishActions(TopicRegistry registry, Publisher publisher) {
        this.registry = registry;
        this.publisher = publisher;
    }

    /** Adds this class's handlers, by action name. */
    void registerWith(Map<String, ActionHandler> handlers) {
        handlers.put("Publish", this::publish);
        handlers.put("PublishBatch", this::publishBatch);
    }

    private XmlWriter publish(SnsRequest request) {
        String topicArn = request.get("TopicArn") != null ? request.get("TopicArn") : request.get("TargetArn");
        if (topicArn == null) {
            throw SnsException.invalidParameter(request.get("PhoneNumber") != null
                    ? "PhoneNumber Reason: Local Ground Truth does not send SMS"
                    : "TopicArn or TargetArn Reason: no value for required parameter");
        }
        Topic topic = registry.topic(topicArn);
        PublishResult result = publisher.publish(topic, PublishInput.parse(request));
        return new XmlWriter().element("MessageId", result.messageId())
                .element("SequenceNumber", result.sequenceNumber());
    }

    /**
     * Checks the batch as a whole (entry count, entry ids, total size), then publishes entry by entry in order; an
     * entry SNS would refuse is reported under {@code Failed}, the others under {@code Successful}. The published
     * entries are delivered together once all are published (see {@link Publisher#publishBatch}).
     */
    private XmlWriter publishBatch(SnsRequest request) {
        Topic topic = registry.topic(request.required("TopicArn"));
        List<SnsRequest> entries = request.indexed("PublishBatchRequestEntries.member");
        if (entries.isEmpty()) {
            throw new SnsException("EmptyBatchRequest", 400, "The batch request doesn't contain any entries.");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw new SnsException("TooManyEntriesInBatchRequest", 400,
                    "The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        for (SnsRequest entry : entries) {
            String id = entry.get("Id");
            if (id == null || !BATCH_ENTRY_ID.matcher(id).matches()) {
                throw new SnsException("InvalidBatchEntryId", 400,
                        "The Id of a batch entry in a batch request doesn't abide by the specification.");
            }
            if (!ids.add(id)) {
                throw new SnsException("BatchEntryIdsNotDistinct", 400,
                        "Two or more batch entries in the request have the same Id.");
            }
        }

        List<BatchEntry> parsed = new ArrayList<>();
        int totalSize = 0;
        for (SnsRequest entry : entries) {
            try {
                PublishInput input = PublishInput.parse(entry);
                totalSize += input.size();
                parsed.add(new BatchEntry(entry.get("Id"), input, null));
            } catch (SnsException e) {
                parsed.add(new BatchEntry(entry.get("Id"), null, e));
            }
        }
        if (totalSize > PublishInput.MAX_SIZE) {
            throw new SnsException("BatchRequestTooLong", 400,
                    "The length of all the batch messages put together is more than the limit.");
        }

        XmlWriter successful = new XmlWriter().start("Successful");
        XmlWriter failed = new XmlWriter().start("Failed");
        publisher.publishBatch(topic, batch -> {
            for (BatchEntry entry : parsed) {
                publishEntry(request, batch, entry, successful, failed);
            }
        });
        return new XmlWriter().raw(successful.end("Successful").toString()).raw(failed.end("Failed").toString());
    }

    /** Publishes one entry of the batch and reports it under {@code Successful} or {@code Failed}. */
    private static void publishEntry(SnsRequest request, Publisher.Batch batch, BatchEntry entry,
            XmlWriter successful, XmlWriter failed) {
        SnsException error = entry.error();
        if (error == null) {
            // An injected entry failure is the service's (SenderFault false): retrying the entry may succeed.
            FaultDecision fault = request.fault(Operation.SNS_PUBLISH_BATCH_ENTRY);
            if (fault.failsBeforeProcessing()) {
                injectedFailure(failed, entry.id(), fault.error(Service.SNS));
                return;
            }
            try {
                PublishResult result = batch.publish(entry.input());
                if (fault.failsAfterProcessing()) {
                    injectedFailure(failed, entry.id(), fault.error(Service.SNS));
                    return;
                }
                successful.start("member").element("Id", entry.id()).element("MessageId", result.messageId())
                        .element("SequenceNumber", result.sequenceNumber()).end("member");
                return;
            } catch (SnsException e) {
                error = e;
            }
        }
        failed.start("member").element("Id", entry.id()).element("Code", error.code())
                .element("Message", error.getMessage()).element("SenderFault", "true").end("member");
    }

    private static void injectedFailure(XmlWriter failed, String id, WireError error) {
        failed.start("member").element("Id", id).element("Code", error.code())
                .element("Message", error.message()).element("SenderFault", "false").end("member");
    }

    /** A batch entry: its id and what it asks to publish, or why it cannot be read. */
    private record BatchEntry(String id, PublishInput input, SnsException error) {
    }
}
