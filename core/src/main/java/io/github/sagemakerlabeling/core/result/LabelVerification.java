package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A label verification: workers judged an earlier label (which stays on the line under its own attribute) and chose
 * one of the verification classes, optionally with comments.
 *
 * @param classIndex     the index of the chosen verification class (number or digit string in the output)
 * @param className      its label, from {@code class-name} (for example {@code bad})
 * @param confidence     Ground Truth's confidence in the verdict
 * @param workerFeedback the workers' comments ({@code worker-feedback[].comment}); empty when none were given
 */
public record LabelVerification(int classIndex, String className, double confidence, List<String> workerFeedback)
        implements Annotation {

    public LabelVerification {
        Objects.requireNonNull(className, "className");
        workerFeedback = List.copyOf(workerFeedback);
    }

    static LabelVerification read(JsonNode label, String labelPath, JsonFields metadata) {
        List<String> feedback = metadata.optional("worker-feedback").isPresent()
                ? metadata.objects("worker-feedback").stream().map(entry -> entry.text("comment")).toList()
                : List.of();
        return new LabelVerification(JsonValues.asClassIndex(label, labelPath), metadata.text("class-name"),
                metadata.number("confidence"), feedback);
    }
}
