package io.github.sagemakerlabeling.camel.consumer;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelVerification;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Fills an exchange from one output message: a {@link LabelingResult} body with its headers, or, for a message that
 * is not an output line, its raw text as body and header with the parse error set on the exchange, so the route's
 * error handler gets it.
 */
public final class LabeledOutputMessages {

    private LabeledOutputMessages() {
    }

    /** Puts the output message into the exchange. */
    public static void fill(Exchange exchange, ReceivedOutput output) {
        Message message = exchange.getMessage();
        message.setHeader(SageMakerLabelingConstants.EVENT_TYPE, LabelingEventType.labeledObject.name());
        message.setHeader(SageMakerLabelingConstants.OUTPUT_MESSAGE_ID, output.messageId());
        if (output.isMalformed()) {
            message.setBody(output.body());
            message.setHeader(SageMakerLabelingConstants.RAW_OUTPUT, output.body());
            exchange.setException(output.error().orElseThrow());
            return;
        }
        LabelingResult result = output.result().orElseThrow();
        message.setBody(result);
        result.objectId().ifPresent(id -> message.setHeader(SageMakerLabelingConstants.OBJECT_ID, id.value()));
        result.source().ifPresent(source -> message.setHeader(SageMakerLabelingConstants.SOURCE, source));
        result.sourceRef().ifPresent(ref -> message.setHeader(SageMakerLabelingConstants.SOURCE_REF, ref));
        className(result).ifPresent(name -> message.setHeader(SageMakerLabelingConstants.CLASS_NAME, name));
        if (result.confidence().isPresent()) {
            message.setHeader(SageMakerLabelingConstants.CONFIDENCE, result.confidence().getAsDouble());
        }
        message.setHeader(SageMakerLabelingConstants.HUMAN_ANNOTATED, result.humanAnnotated());
        message.setHeader(SageMakerLabelingConstants.TASK_TYPE, result.type());
        message.setHeader(SageMakerLabelingConstants.JOB_NAME, result.jobName());
    }

    private static Optional<String> className(LabelingResult result) {
        if (result.annotation() instanceof ClassLabel label) {
            return Optional.of(label.className());
        }
        if (result.annotation() instanceof LabelVerification verification) {
            return Optional.of(verification.className());
        }
        return Optional.empty();
    }
}
