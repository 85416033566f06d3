package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The typed view of one Ground Truth output line: the data object's input keys, one label attribute with its
 * metadata, and the deduplication fields. Made by {@link OutputLineParser}; immutable apart from the JSON trees it
 * hands out, which callers must treat as read-only.
 */
public final class LabelingResult {

    private final String rawText;
    private final Optional<String> snsMessageId;
    private final ObjectNode line;
    private final String labelAttributeName;
    private final LabelMetadata metadata;
    private final Annotation annotation;
    private final Optional<ObjectId> objectId;
    private final Optional<String> source;
    private final Optional<String> sourceRef;
    private final Map<String, JsonNode> attributes;

    LabelingResult(String rawText, Optional<String> snsMessageId, ObjectNode line, String labelAttributeName,
                   LabelMetadata metadata, Annotation annotation) {
        this.rawText = rawText;
        this.snsMessageId = snsMessageId;
        this.line = line;
        this.labelAttributeName = labelAttributeName;
        this.metadata = metadata;
        this.annotation = annotation;
        JsonFields fields = JsonFields.root(line);
        this.objectId = ObjectIds.read(fields, labelAttributeName);
        this.source = fields.optionalText("source");
        this.sourceRef = fields.optionalText("source-ref");
        this.attributes = otherAttributes(line, labelAttributeName);
    }

    /** The data object's text ({@code source}), for text task types. */
    public Optional<String> source() {
        return source;
    }

    /** The data object's S3 URI ({@code source-ref}), for image, video and point cloud task types. */
    public Optional<String> sourceRef() {
        return sourceRef;
    }

    /** The label attribute this result reads, for example {@code sport} or {@code city-streets-ref}. */
    public String labelAttributeName() {
        return labelAttributeName;
    }

    /** The deduplication key and ID, when the line carries them. */
    public Optional<ObjectId> objectId() {
        return objectId;
    }

    /** The metadata's {@code type} as written (for example {@code groundtruth/text-classification}); empty if none. */
    public String type() {
        return metadata.type();
    }

    /**
     * The labeling job's name ({@code my-job}), whether the metadata writes it bare or as {@code labeling-job/my-job};
     * empty if the metadata has none.
     */
    public String jobName() {
        return metadata.jobName();
    }

    /** The job name exactly as the metadata writes it ({@code job-name}, or {@code job_name} in custom workflows). */
    public String rawJobName() {
        return metadata.rawJobName();
    }

    /** Whether a human labeled the object ({@code human-annotated} is {@code yes}); {@code false} if not stated. */
    public boolean humanAnnotated() {
        return metadata.humanAnnotated();
    }

    /** When the label was made ({@code creation-date} or {@code creation_date}), in UTC. */
    public Optional<LocalDateTime> creationDate() {
        return metadata.creationDate();
    }

    /** The metadata's top-level {@code confidence}, for the task types that have one (classification, verification). */
    public OptionalDouble confidence() {
        return metadata.confidence();
    }

    /** {@code adjusted} or {@code unadjusted} for the output of adjustment jobs. */
    public Optional<String> adjustmentStatus() {
        return metadata.adjustmentStatus();
    }

    /** The label, typed by task type; see {@link Annotation} for which type yields which record. */
    public Annotation annotation() {
        return annotation;
    }

    /**
     * The label as the given record type, for callers that know the job's task type.
     *
     * @param type the expected kind, for example {@code BoundingBoxes.class}
     * @param <T>  the expected kind
     * @return the annotation
     * @throws IllegalStateException if the label is of another kind
     */
    public <T extends Annotation> T annotation(Class<T> type) {
        if (!type.isInstance(annotation)) {
            throw new IllegalStateException("label attribute '" + labelAttributeName + "' (type '" + type()
                    + "') holds a " + annotation.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(annotation);
    }

    /** The label attribute's value as written. */
    public JsonNode label() {
        return line.get(labelAttributeName);
    }

    /** The label attribute's metadata object as written, including elements this class has no accessor for. */
    public JsonNode metadata() {
        return line.get(LabelAttributes.metadataKey(labelAttributeName));
    }

    /**
     * Every other key of the line, in document order: the input's keys ({@code source}, {@code source-ref}, extra
     * attributes, deduplication fields) and the label attributes of other chained jobs.
     */
    public Map<String, JsonNode> attributes() {
        return attributes;
    }

    /** The whole line as parsed, taken out of its SNS envelope if it came in one. */
    public JsonNode json() {
        return line;
    }

    /** The text as received, envelope included. */
    public String rawText() {
        return rawText;
    }

    /** The SNS {@code MessageId} of the notification that carried the line, when it came in an envelope. */
    public Optional<String> snsMessageId() {
        return snsMessageId;
    }

    @Override
    public String toString() {
        return "LabelingResult[labelAttributeName=" + labelAttributeName + ", type=" + type() + ", jobName=" + jobName()
                + ", objectId=" + objectId.map(ObjectId::value).orElse("-") + ", annotation=" + annotation + "]";
    }

    private static Map<String, JsonNode> otherAttributes(ObjectNode line, String labelAttributeName) {
        String metadataKey = LabelAttributes.metadataKey(labelAttributeName);
        Map<String, JsonNode> others = new LinkedHashMap<>();
        line.properties().forEach(field -> {
            if (!field.getKey().equals(labelAttributeName) && !field.getKey().equals(metadataKey)) {
                others.put(field.getKey(), field.getValue());
            }
        });
        return Collections.unmodifiableMap(others);
    }
}
