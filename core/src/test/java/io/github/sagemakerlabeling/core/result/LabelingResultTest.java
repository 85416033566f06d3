package io.github.sagemakerlabeling.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The result's own behaviour: typed annotation access and its read-only views. */
class LabelingResultTest {

    private final LabelingResult result = new OutputLineParser().parse(Fixtures.read("text-classification.json"));

    @Test
    void typedAccessReturnsTheAnnotation() {
        assertThat(result.annotation(ClassLabel.class)).isSameAs(result.annotation());
        assertThat(result.annotation(Annotation.class)).isSameAs(result.annotation());
    }

    @Test
    void typedAccessToAnotherKindNamesBothKinds() {
        assertThatThrownBy(() -> result.annotation(BoundingBoxes.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("label attribute 'mood' (type 'groundtruth/text-classification') holds a ClassLabel,"
                        + " not a BoundingBoxes");
    }

    @Test
    void attributesCannotBeModified() {
        assertThatThrownBy(() -> result.attributes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringNamesTheEssentials() {
        assertThat(result.toString()).contains("mood", "groundtruth/text-classification", "label-sentiment",
                "ClassLabel[classIndex=1, className=positive, confidence=0.8]");
    }
}
