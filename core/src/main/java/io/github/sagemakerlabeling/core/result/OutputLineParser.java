package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses one Ground Truth streaming output line into a {@link LabelingResult}. The text may be the line itself (S3
 * output manifest, SQS with raw message delivery) or the SNS notification that carries it as its {@code Message}
 * string (SQS subscribed to the output topic without raw delivery).
 *
 * <p>A line is the input data object plus one label attribute {@code <attr>} and its metadata {@code <attr>-metadata}
 * per labeling job that processed it; adjustment and verification jobs chained after a first job each add their own
 * pair. {@link #parse(String)} reads the pair that comes last in the document, since Ground Truth appends each new
 * pair to the line it received; {@link #parse(String, String)} reads a named one. The keys {@code source} and
 * {@code source-ref} are never taken for a label attribute.
 *
 * <p>Stateless and thread-safe.
 */
public final class OutputLineParser {

    /**
     * Parses a line, reading its last label attribute.
     *
     * @param text a raw output line or an SNS notification carrying one
     * @throws MalformedOutputException if the text is not a readable output line
     */
    public LabelingResult parse(String text) {
        return parse(text, Optional.empty());
    }

    /**
     * Parses a line, reading the given label attribute.
     *
     * @param text               a raw output line or an SNS notification carrying one
     * @param labelAttributeName the label attribute to read, for example {@code verify-bounding-box}
     * @throws MalformedOutputException if the text is not a readable output line or lacks that attribute or its
     *                                  metadata
     */
    public LabelingResult parse(String text, String labelAttributeName) {
        return parse(text, Optional.of(Objects.requireNonNull(labelAttributeName, "labelAttributeName")));
    }

    private LabelingResult parse(String text, Optional<String> labelAttributeName) {
        Objects.requireNonNull(text, "text");
        try {
            SnsEnvelope.Unwrapped received = SnsEnvelope.unwrap(text);
            ObjectNode line = received.line();
            String attribute = labelAttributeName.isPresent()
                    ? LabelAttributes.require(line, labelAttributeName.get())
                    : LabelAttributes.last(line);
            String metadataKey = LabelAttributes.metadataKey(attribute);
            JsonFields metadata = JsonFields.of(line.get(metadataKey), metadataKey);
            LabelMetadata common = LabelMetadata.read(metadata);
            Annotation annotation = AnnotationReader.read(common.type(), line.get(attribute), attribute, metadata);
            return new LabelingResult(text, received.messageId(), line, attribute, common, annotation);
        } catch (OutputShapeException e) {
            throw new MalformedOutputException(e.getMessage(), text, e);
        } catch (RuntimeException e) {
            // Whatever else valid but hostile JSON provokes is still this one line's problem, not the caller's.
            throw new MalformedOutputException("the line cannot be read: " + e, text, e);
        }
    }
}
