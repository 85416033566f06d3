package io.github.sagemakerlabeling.local.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.workers.AnnotationTask;
import io.github.sagemakerlabeling.local.workers.AnswerKind;
import io.github.sagemakerlabeling.local.workers.RandomAnnotator;
import io.github.sagemakerlabeling.local.workers.ReviewedBoxes;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.Box;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.Boxes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Review jobs' workers and output: the boxes of an earlier job in the input line, adjusted or judged. */
class ReviewOutcomeTest {

    /** An output line of a bounding-box job (labels car, person), then of an adjustment job that moved the box. */
    private static final String CHAINED_LINE = "{\"source-ref\":\"s3://images/street.png\","
            + "\"boxes\":{\"image_size\":[{\"width\":320,\"height\":200,\"depth\":3}],"
            + "\"annotations\":[{\"class_id\":1,\"left\":80,\"top\":50,\"width\":160,\"height\":100}]},"
            + "\"boxes-metadata\":{\"objects\":[{\"confidence\":0.0}],\"class-map\":{\"1\":\"person\"},"
            + "\"type\":\"groundtruth/object-detection\",\"human-annotated\":\"yes\"},"
            + "\"adjusted\":{\"image_size\":[{\"width\":320,\"height\":200,\"depth\":3}],"
            + "\"annotations\":[{\"class_id\":1,\"left\":79,\"top\":50,\"width\":162,\"height\":100}]},"
            + "\"adjusted-metadata\":{\"objects\":[{\"confidence\":0.0}],\"class-map\":{\"1\":\"person\"},"
            + "\"type\":\"groundtruth/object-detection\",\"adjustment-status\":\"adjusted\"}}";
    private static final List<LabelCategory> LABELS = List.of(LabelCategory.of("car"), LabelCategory.of("person"));

    @Test
    void theReviewedBoxesAreTheLastBoxAttributeOfTheLineWithTheirClassNames() {
        ReviewedBoxes reviewed = ReviewedBoxes.of(task(TaskType.BOUNDING_BOX_VERIFICATION, 0)).orElseThrow();

        assertThat(reviewed.attribute()).isEqualTo("adjusted");
        assertThat(reviewed.boxes()).containsExactly(new Box("person", 79, 50, 162, 100));
        assertThat(ReviewedBoxes.of(task(TaskType.BOUNDING_BOX, 0))).as("a job that reviews nothing").isEmpty();
        assertThat(ReviewedBoxes.of(TaskType.BOUNDING_BOX_ADJUSTMENT,
                DataObject.s3("s3://images/street.png").attributes())).as("a line without boxes").isEmpty();
    }

    @Test
    void adjustmentWorkersChangeTheEarlierBoxesALittleAndTheOutputSaysAdjusted() {
        AnnotationTask task = task(TaskType.BOUNDING_BOX_ADJUSTMENT, 0);
        Boxes ruleBased = (Boxes) RuleBasedAnnotator.firstLabel().annotate(task).orElseThrow();
        Boxes random = (Boxes) new RandomAnnotator(7L, 0.2).annotate(task).orElseThrow();

        assertThat(ruleBased.boxes()).containsExactly(new Box("person", 78, 50, 164, 100));
        assertThat(random.boxes()).singleElement().satisfies(box -> {
            assertThat(box.label()).isEqualTo("person");
            assertThat(Math.abs(box.left() - 79)).isLessThanOrEqualTo(2);
            assertThat(Math.abs(box.width() - 162)).isLessThanOrEqualTo(2);
        });
        ConsolidatedLabel label = review(TaskType.BOUNDING_BOX_ADJUSTMENT, List.of(ruleBased, ruleBased));
        assertThat(label.metadata().get("adjustment-status").asText()).isEqualTo("adjusted");
        assertThat(label.value().at("/annotations/0/width").asInt()).isEqualTo(164);
    }

    @Test
    void workersWhoLeaveTheBoxesAsTheyAreMakeThemUnadjusted() {
        Boxes unchanged = new Boxes(320, 200, List.of(new Box("person", 79, 50, 162, 100)));

        ConsolidatedLabel label = review(TaskType.BOUNDING_BOX_ADJUSTMENT, List.of(unchanged, unchanged));

        assertThat(label.metadata().get("adjustment-status").asText()).isEqualTo("unadjusted");
    }

    @Test
    void aVerificationVerdictIsWrittenAsTheClassIndexString() {
        List<LabelCategory> verdicts = List.of(LabelCategory.of("good"), LabelCategory.of("bad"));
        List<WorkerAnswer> answers = List.of(new WorkerAnswer.ClassChoice("bad"), new WorkerAnswer.ClassChoice("bad"));

        ConsolidatedLabel label = ReviewOutcome.apply(Consolidator.of(AnswerKind.CLASS).consolidate(answers, verdicts),
                Optional.of(TaskType.BOUNDING_BOX_VERIFICATION), line(), answers);

        assertThat(label.value().isTextual()).isTrue();
        assertThat(label.value().asText()).isEqualTo("1");
        assertThat(label.metadata().get("class-name").asText()).isEqualTo("bad");
        assertThat(label.metadata().has("adjustment-status")).isFalse();
    }

    private static ConsolidatedLabel review(TaskType type, List<WorkerAnswer> answers) {
        return ReviewOutcome.apply(Consolidator.of(AnswerKind.BOXES).consolidate(answers, LABELS), Optional.of(type),
                line(), answers);
    }

    private static AnnotationTask task(TaskType type, int worker) {
        return new AnnotationTask("review", Optional.of(type), List.of("car", "person"), line(), "0", worker, 2);
    }

    private static DataObject line() {
        return DataObject.fromManifestLine(CHAINED_LINE);
    }
}
