package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The metadata elements every task type shares, read from {@code <label-attribute>-metadata}. The built-in types
 * spell them with hyphens ({@code job-name}, {@code creation-date}); the custom workflow uses underscores
 * ({@code job_name}, {@code creation_date}); both are read, the hyphen form first. Absent elements read as the empty
 * string, {@code false} or empty.
 */
record LabelMetadata(
        String type,
        String rawJobName,
        boolean humanAnnotated,
        Optional<LocalDateTime> creationDate,
        OptionalDouble confidence,
        Optional<String> adjustmentStatus) {

    static LabelMetadata read(JsonFields metadata) {
        return new LabelMetadata(
                metadata.optionalText("type").orElse(""),
                firstText(metadata, "job-name", "job_name").orElse(""),
                humanAnnotated(metadata),
                creationDate(metadata),
                metadata.optionalNumber("confidence"),
                metadata.optionalText("adjustment-status"));
    }

    /**
     * The job name without the {@code labeling-job/} prefix some outputs carry: the part after the last {@code /}
     * (job names cannot contain one).
     */
    String jobName() {
        return rawJobName.substring(rawJobName.lastIndexOf('/') + 1);
    }

    private static Optional<String> firstText(JsonFields metadata, String field, String alternative) {
        Optional<String> value = metadata.optionalText(field);
        return value.isPresent() ? value : metadata.optionalText(alternative);
    }

    private static Optional<LocalDateTime> creationDate(JsonFields metadata) {
        String field = metadata.optional("creation-date").isPresent() ? "creation-date" : "creation_date";
        return metadata.optionalText(field).map(text -> CreationDates.parse(text, metadata.path(field)));
    }

    /** {@code "yes"} or {@code "no"} (any case) as Ground Truth writes it, or a JSON boolean. */
    private static boolean humanAnnotated(JsonFields metadata) {
        Optional<JsonNode> value = metadata.optional("human-annotated");
        if (value.isEmpty()) {
            return false;
        }
        JsonNode node = value.get();
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equalsIgnoreCase("yes") || node.textValue().equalsIgnoreCase("no"))) {
            return node.textValue().equalsIgnoreCase("yes");
        }
        throw JsonValues.mismatch(metadata.path("human-annotated"), "\"yes\" or \"no\"", node);
    }
}
