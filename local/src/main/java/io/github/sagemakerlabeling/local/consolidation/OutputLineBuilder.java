package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Writes one output line in Ground Truth's format: the input object's members unchanged, then the label attribute
 * and its {@code -metadata}, then the deduplication members when the service chose the id.
 */
public final class OutputLineBuilder {

    /** {@code creation-date} as every documented example writes it: microseconds, no zone. */
    static final DateTimeFormatter CREATION_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    static final String CUSTOM_TYPE = "groundTruth/custom";

    private OutputLineBuilder() {
    }

    /**
     * @param input              the input manifest line as received
     * @param labelAttributeName the job's label attribute
     * @param label              the consolidated label
     * @param taskType           the built-in task type, empty for custom jobs
     * @param jobName            the job name
     * @param created            when the label was consolidated
     * @param serviceObjectId    the id the service assigned when the input named no dedup key (SNS message id, or S3
     *                           URI and sequencer), else empty
     * @param sequencer          the S3 sequencer for objects that came from S3 event notifications
     */
    public static ObjectNode build(JsonNode input, String labelAttributeName, ConsolidatedLabel label,
                                   Optional<TaskType> taskType, String jobName, LocalDateTime created,
                                   Optional<String> serviceObjectId, Optional<String> sequencer) {
        ObjectNode line = input.deepCopy();
        line.remove(labelAttributeName);
        line.remove(labelAttributeName + "-metadata");
        line.set(labelAttributeName, label.value());
        ObjectNode metadata = label.metadata().deepCopy();
        metadata.put("type", taskType.map(TaskType::outputType).orElse(CUSTOM_TYPE));
        metadata.put("job-name", jobNameAsWritten(taskType, jobName));
        metadata.put("human-annotated", "yes");
        metadata.put("creation-date", CREATION_DATE.format(created));
        line.set(labelAttributeName + "-metadata", metadata);
        serviceObjectId.ifPresent(id -> {
            String idAttribute = "$" + labelAttributeName + "-object-id";
            line.put("dataset-objectid-attribute-name", idAttribute);
            line.put(idAttribute, id);
        });
        sequencer.ifPresent(value -> line.put("$sequencer", value));
        return line;
    }

    /**
     * The documented examples write the bare job name for the original image and text task types and
     * {@code labeling-job/<name>} for the later ones (multi-label, named entities, video, 3D); the stand-in does the same.
     */
    private static String jobNameAsWritten(Optional<TaskType> taskType, String jobName) {
        boolean bare = taskType.map(type -> switch (type) {
            case IMAGE_CLASSIFICATION, TEXT_CLASSIFICATION, BOUNDING_BOX, BOUNDING_BOX_ADJUSTMENT,
                 SEMANTIC_SEGMENTATION, SEMANTIC_SEGMENTATION_ADJUSTMENT, BOUNDING_BOX_VERIFICATION,
                 SEMANTIC_SEGMENTATION_VERIFICATION -> true;
            default -> false;
        }).orElse(true);
        return bare ? jobName : "labeling-job/" + jobName;
    }
}
