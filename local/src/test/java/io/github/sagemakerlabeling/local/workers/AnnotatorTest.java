package io.github.sagemakerlabeling.local.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnnotatorTest {

    private static final List<String> LABELS = List.of("positive", "negative", "neutral");

    @Test
    void ruleBasedWorkersPickTheFirstMatchingKeywordIgnoringCase() {
        Annotator workers = RuleBasedAnnotator.builder().when("delicious", "positive").when("slow", "negative")
                .otherwise("neutral").build();

        assertThat(workers.annotate(task(TaskType.TEXT_CLASSIFICATION, "DELICIOUS but slow", 0)))
                .contains(new WorkerAnswer.ClassChoice("positive"));
        assertThat(workers.annotate(task(TaskType.TEXT_CLASSIFICATION, "fine", 0)))
                .contains(new WorkerAnswer.ClassChoice("neutral"));
        assertThat(workers.annotate(task(TaskType.TEXT_CLASSIFICATION_MULTI_LABEL, "delicious but slow", 0)))
                .contains(new WorkerAnswer.ClassChoices(Set.of("positive", "negative")));
    }

    @Test
    void ruleBasedEntitySpansUseCodePointOffsets() {
        Annotator workers = RuleBasedAnnotator.builder().when("Amazon", "Company").build();

        assertThat(workers.annotate(task(TaskType.NAMED_ENTITY_RECOGNITION, "\uD83D\uDE00 Amazon", 0)))
                .contains(new WorkerAnswer.Spans(List.of(new WorkerAnswer.Span("Company", 2, 8))));
    }

    @Test
    void withoutRulesEveryObjectGetsTheFirstLabel() {
        assertThat(RuleBasedAnnotator.firstLabel().annotate(task(TaskType.TEXT_CLASSIFICATION, "x", 0)))
                .contains(new WorkerAnswer.ClassChoice("positive"));
    }

    @Test
    void randomWorkersAreRepeatableForTheSameSeed() {
        List<Optional<WorkerAnswer>> first = answers(new RandomAnnotator(7, 0.3));
        List<Optional<WorkerAnswer>> second = answers(new RandomAnnotator(7, 0.3));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void randomWorkersWithoutDisagreementAlwaysAgree() {
        Annotator workers = new RandomAnnotator(3, 0.0);

        for (int object = 0; object < 50; object++) {
            String text = "object " + object;
            assertThat(IntStream.range(0, 5).mapToObj(w -> workers.annotate(task(TaskType.TEXT_CLASSIFICATION, text, w)))
                    .distinct()).hasSize(1);
        }
    }

    @Test
    void randomWorkersDisagreeAtRoughlyTheConfiguredRate() {
        Annotator workers = new RandomAnnotator(11, 0.2);
        long disagreements = 0;
        for (int object = 0; object < 500; object++) {
            String text = "object " + object;
            Optional<WorkerAnswer> a = workers.annotate(task(TaskType.TEXT_CLASSIFICATION, text, 0));
            Optional<WorkerAnswer> b = workers.annotate(task(TaskType.TEXT_CLASSIFICATION, text, 1));
            if (!a.equals(b)) {
                disagreements++;
            }
        }
        // Two workers differ when either departs: 1 - 0.8^2 = 0.36 of objects, within a generous band.
        assertThat(disagreements).isBetween(130L, 230L);
    }

    @Test
    void scriptedWorkersAnswerInWorkerOrderAndRepeatTheLastAnswer() {
        Annotator workers = ScriptedAnnotator.builder()
                .answer("text", ScriptedAnnotator.classChoice("positive"), ScriptedAnnotator.classChoice("negative"))
                .noAnswer("silence")
                .build();

        assertThat(workers.annotate(task(TaskType.TEXT_CLASSIFICATION, "text", 0))).contains(new WorkerAnswer.ClassChoice("positive"));
        assertThat(workers.annotate(task(TaskType.TEXT_CLASSIFICATION, "text", 1))).contains(new WorkerAnswer.ClassChoice("negative"));
        assertThat(workers.annotate(task(TaskType.TEXT_CLASSIFICATION, "text", 2))).contains(new WorkerAnswer.ClassChoice("negative"));
        assertThat(workers.annotate(task(TaskType.TEXT_CLASSIFICATION, "silence", 0))).isEmpty();
        assertThat(workers.annotate(task(TaskType.TEXT_CLASSIFICATION, "unscripted", 0))).contains(new WorkerAnswer.ClassChoice("positive"));
    }

    private static List<Optional<WorkerAnswer>> answers(Annotator workers) {
        return IntStream.range(0, 30).mapToObj(i -> workers.annotate(task(TaskType.TEXT_CLASSIFICATION, "t" + (i / 3), i % 3)))
                .toList();
    }

    private static AnnotationTask task(TaskType type, String text, int worker) {
        return new AnnotationTask("job", Optional.of(type), LABELS, DataObject.text(text), "id-" + text, worker, 3);
    }
}
