package io.github.sagemakerlabeling.local.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Answers in the shapes AWS's crowd elements submit, written for simulated workers and read from people's forms. */
class AnswerContentTest {

    @Test
    void writesEachAnswerKeyedByTheBuiltInElementsName() throws Exception {
        assertThat(Json.write(AnswerContent.write(new WorkerAnswer.ClassChoice("a"), Optional.of(TaskType.TEXT_CLASSIFICATION))))
                .isEqualTo("{\"crowd-classifier\":{\"label\":\"a\"}}");
        assertThat(Json.write(AnswerContent.write(new WorkerAnswer.ClassChoices(Set.of("b", "a")),
                Optional.of(TaskType.IMAGE_CLASSIFICATION_MULTI_LABEL))))
                .isEqualTo("{\"crowd-image-classifier-multi-select\":{\"labels\":[\"a\",\"b\"]}}");
        assertThat(Json.write(AnswerContent.write(new WorkerAnswer.Boxes(300, 200, List.of(
                new WorkerAnswer.Box("bird", 1, 2, 3, 4))), Optional.of(TaskType.BOUNDING_BOX))))
                .isEqualTo("{\"boundingBox\":{\"boundingBoxes\":[{\"height\":4,\"label\":\"bird\",\"left\":1,"
                        + "\"top\":2,\"width\":3}],\"inputImageProperties\":{\"height\":200,\"width\":300}}}");
        assertThat(Json.write(AnswerContent.write(new WorkerAnswer.Spans(List.of(new WorkerAnswer.Span("P", 0, 3))),
                Optional.of(TaskType.NAMED_ENTITY_RECOGNITION))))
                .isEqualTo("{\"crowd-entity-annotation\":{\"entities\":[{\"endOffset\":3,\"label\":\"P\","
                        + "\"startOffset\":0}]}}");
    }

    @Test
    void readsAnElementOutputWhateverTheTemplateNamedIt() throws Exception {
        assertThat(AnswerContent.read(Json.read("{\"sentiment\":{\"label\":\"positive\"}}"), AnswerKind.CLASS))
                .isEqualTo(new WorkerAnswer.ClassChoice("positive"));
        assertThat(AnswerContent.read(Json.read("{\"note\":\"x\",\"box\":{\"boundingBoxes\":[{\"label\":\"a\",\"left\":5,"
                + "\"top\":6,\"width\":7,\"height\":8}],\"inputImageProperties\":{\"width\":90,\"height\":80}}}"),
                AnswerKind.BOXES))
                .isEqualTo(new WorkerAnswer.Boxes(90, 80, List.of(new WorkerAnswer.Box("a", 5, 6, 7, 8))));
    }

    @Test
    void aFormWithoutTheTasksKindOfAnswerIsRefusedNamingWhatIsMissing() throws Exception {
        assertThatThrownBy(() -> AnswerContent.read(Json.read("{\"crowd-classifier\":{\"label\":\"\"}}"), AnswerKind.CLASS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty \"label\"");
    }
}
