package io.github.sagemakerlabeling.local.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.dataobject.DataObject;
import java.util.Optional;

/**
 * A data object that reached a job, with the id it is deduplicated by.
 *
 * @param line            the manifest line as received
 * @param object          the line as a data object
 * @param dedupId         the deduplication id
 * @param serviceAssigned whether the service chose the id (the line named no key), so the output adds it
 * @param sequencer       the S3 sequencer, for objects from S3 event notifications
 * @param message         what the object came in: the queue message body, or the manifest line; a stopped job
 *                        leaves it in its queue when the object was not labeled
 */
record IncomingObject(ObjectNode line, DataObject object, String dedupId, boolean serviceAssigned,
                      Optional<String> sequencer, String message) {

    /**
     * The object with its id kept inside the job: the output then echoes the line without the service's dedup fields,
     * as a one-time job's output does (those fields are streaming's).
     */
    IncomingObject withoutServiceId() {
        return new IncomingObject(line, object, dedupId, false, sequencer, message);
    }
}
