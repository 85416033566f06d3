package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The label of a custom labeling workflow ({@code groundTruth/custom}): whatever the post-annotation Lambda returned,
 * which is an empty object when there is none.
 *
 * @param content           the label value as written; treat as read-only
 * @param workerResponseRef the S3 URI of the raw worker responses ({@code worker-response-ref}), when given
 */
public record CustomAnnotation(JsonNode content, Optional<String> workerResponseRef) implements Annotation {

    public CustomAnnotation {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(workerResponseRef, "workerResponseRef");
    }

    static CustomAnnotation read(JsonNode label, JsonFields metadata) {
        return new CustomAnnotation(label, metadata.optionalText("worker-response-ref"));
    }
}
