package io.github.sagemakerlabeling.local.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.local.workers.AnswerKind;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.Box;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.Boxes;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.ClassChoice;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.Span;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.Spans;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each worker's answer against the label consolidated from it and the others', as the dashboard tallies it. */
class AgreementTest {

    private static final List<LabelCategory> LABELS =
            List.of(LabelCategory.of("car"), LabelCategory.of("person"), LabelCategory.of("bird"));

    @Test
    void boxesAgreeWhenTheyPairOffWithTheConsolidatedBoxesByLabelAndOverlap() {
        Boxes ann = boxes(new Box("car", 10, 10, 100, 50), new Box("person", 200, 20, 30, 80));
        Boxes bob = boxes(new Box("car", 14, 12, 98, 50), new Box("person", 204, 22, 30, 78));
        Boxes cy = boxes(new Box("car", 60, 40, 100, 50)); // the car too far off (IoU < 0.5), no person
        Boxes dee = boxes(new Box("person", 10, 10, 100, 50), new Box("car", 200, 20, 30, 80)); // labels swapped

        assertThat(agreements(AnswerKind.BOXES, ann, bob, cy, dee)).containsExactly(
                Optional.of(true), Optional.of(true), Optional.of(false), Optional.of(false));
    }

    @Test
    void extraOrMissingBoxesDisagreeAndNoBoxesAgreeWithNoBoxes() {
        Boxes one = boxes(new Box("car", 10, 10, 100, 50));
        Boxes two = boxes(new Box("car", 10, 10, 100, 50), new Box("bird", 300, 300, 10, 10));

        assertThat(agreements(AnswerKind.BOXES, one, one, two)).as("the bird is a minority's")
                .containsExactly(Optional.of(true), Optional.of(true), Optional.of(false));
        assertThat(agreements(AnswerKind.BOXES, boxes(), boxes(), one)).as("most saw nothing")
                .containsExactly(Optional.of(true), Optional.of(true), Optional.of(false));
    }

    @Test
    void entitiesAgreeWhenTheirSpansOverlapTheConsolidatedOnesWithTheSameLabel() {
        Spans exact = new Spans(List.of(new Span("person", 0, 10), new Span("car", 20, 30)));
        Spans close = new Spans(List.of(new Span("person", 0, 8), new Span("car", 20, 31))); // overlap 0.8 and 0.91
        Spans partial = new Spans(List.of(new Span("person", 0, 3), new Span("car", 20, 30))); // 0.3 of the person
        Spans relabeled = new Spans(List.of(new Span("bird", 0, 10), new Span("car", 20, 30)));

        assertThat(agreements(AnswerKind.SPANS, exact, exact, exact, close, partial, relabeled)).containsExactly(
                Optional.of(true), Optional.of(true), Optional.of(true), Optional.of(true), Optional.of(false),
                Optional.of(false));
    }

    @Test
    void spanOverlapIsSharedCharactersOverCoveredCharacters() {
        assertThat(Agreement.spanOverlap(new Span("a", 0, 10), new Span("a", 5, 15))).isEqualTo(5.0 / 15);
        assertThat(Agreement.spanOverlap(new Span("a", 0, 10), new Span("a", 10, 20))).isZero();
    }

    @Test
    void classificationStillComparesTheChosenClassAndContentIsNotCompared() {
        assertThat(agreements(AnswerKind.CLASS, new ClassChoice("car"), new ClassChoice("car"),
                new ClassChoice("bird"))).containsExactly(Optional.of(true), Optional.of(true), Optional.of(false));
        WorkerAnswer.Content mask = new WorkerAnswer.Content(Json.mapper().createObjectNode().put("mask", "..."));
        assertThat(agreements(AnswerKind.CONTENT, mask)).containsExactly(Optional.empty());
    }

    private static List<Optional<Boolean>> agreements(AnswerKind kind, WorkerAnswer... answers) {
        ConsolidatedLabel label = Consolidator.of(kind).consolidate(List.of(answers), LABELS);
        return List.of(answers).stream().map(answer -> Agreement.of(answer, label.value(), label.metadata())).toList();
    }

    private static Boxes boxes(Box... boxes) {
        return new Boxes(640, 480, List.of(boxes));
    }
}
