package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A single-label classification (image or text): the label value is the index of the chosen class in the job's
 * label list, written as a number ({@code 0}) or a string ({@code "0"}); both are read.
 *
 * @param classIndex the index of the class in the label category list
 * @param className  the class's label, from {@code class-name}
 * @param confidence Ground Truth's confidence in the label, 0 to 1 ({@code 0.0} when one worker labeled it)
 */
public record ClassLabel(int classIndex, String className, double confidence) implements Annotation {

    public ClassLabel {
        Objects.requireNonNull(className, "className");
    }

    static ClassLabel read(JsonNode label, String labelPath, JsonFields metadata) {
        return new ClassLabel(
                JsonValues.asClassIndex(label, labelPath), metadata.text("class-name"), metadata.number("confidence"));
    }
}
