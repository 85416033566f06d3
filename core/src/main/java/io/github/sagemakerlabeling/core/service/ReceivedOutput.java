package io.github.sagemakerlabeling.core.service;

import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.MalformedOutputException;
import java.util.Optional;

/**
 * One message from the output queue: the labeled result, or the reason it could not be read. Either way the raw
 * text is kept, so nothing is lost.
 *
 * @param messageId     the SQS message id
 * @param receiptHandle the handle that deletes or releases the message
 * @param body          the message body as received
 * @param result        the parsed result, empty when the body is malformed
 * @param error         why the body could not be parsed, empty when it was
 * @param receiveCount  how often SQS has handed the message out, this time included ({@code ApproximateReceiveCount})
 */
public record ReceivedOutput(String messageId, String receiptHandle, String body, Optional<LabelingResult> result,
                             Optional<MalformedOutputException> error, int receiveCount) {

    /** Whether the body could not be read as an output line. */
    public boolean isMalformed() {
        return error.isPresent();
    }
}
