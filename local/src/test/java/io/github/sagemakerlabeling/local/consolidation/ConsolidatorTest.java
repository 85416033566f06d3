package io.github.sagemakerlabeling.local.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.local.workers.AnswerKind;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.Box;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.Boxes;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.ClassChoice;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.ClassChoices;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.Span;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer.Spans;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsolidatorTest {

    private static final List<LabelCategory> LABELS =
            List.of(LabelCategory.of("cat"), LabelCategory.of("dog"), LabelCategory.of("bird"));

    @Test
    void singleLabelTakesTheMajorityWithTheAgreementAsConfidence() {
        ConsolidatedLabel label = Consolidator.of(AnswerKind.CLASS).consolidate(
                List.of(new ClassChoice("dog"), new ClassChoice("cat"), new ClassChoice("dog")), LABELS);

        assertThat(label.value().intValue()).isEqualTo(1);
        assertThat(Json.write(label.metadata())).isEqualTo("{\"class-name\":\"dog\",\"confidence\":0.67}");
    }

    @Test
    void aTieGoesToTheLabelListedFirst() {
        ConsolidatedLabel label = Consolidator.of(AnswerKind.CLASS).consolidate(
                List.of(new ClassChoice("bird"), new ClassChoice("cat")), LABELS);

        assertThat(label.metadata().get("class-name").asText()).isEqualTo("cat");
        assertThat(label.metadata().get("confidence").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aLoneWorkersAnswerHasConfidenceZeroAsGroundTruthDocuments() {
        ConsolidatedLabel label = Consolidator.of(AnswerKind.CLASS).consolidate(List.of(new ClassChoice("bird")), LABELS);

        assertThat(label.value().intValue()).isEqualTo(2);
        assertThat(label.metadata().get("confidence").asDouble()).isZero();
    }

    @Test
    void multiLabelKeepsEveryLabelAnyWorkerChoseMostChosenFirst() {
        ConsolidatedLabel label = Consolidator.of(AnswerKind.CLASSES).consolidate(List.of(
                new ClassChoices(Set.of("bird")), new ClassChoices(Set.of("bird", "cat")),
                new ClassChoices(Set.of("bird"))), LABELS);

        assertThat(Json.write(label.value())).isEqualTo("[2,0]");
        assertThat(Json.write(label.metadata())).isEqualTo(
                "{\"class-map\":{\"2\":\"bird\",\"0\":\"cat\"},\"confidence-map\":{\"2\":1.0,\"0\":0.33}}");
    }

    @Test
    void overlappingBoxesOfTheSameLabelAreOneObjectAtTheirMean() {
        ConsolidatedLabel label = Consolidator.of(AnswerKind.BOXES).consolidate(List.of(
                new Boxes(500, 400, List.of(new Box("dog", 100, 100, 60, 120), new Box("bird", 300, 20, 30, 30))),
                new Boxes(500, 400, List.of(new Box("dog", 104, 98, 60, 124))),
                new Boxes(500, 400, List.of(new Box("dog", 102, 102, 62, 120)))), LABELS);

        assertThat(Json.write(label.value())).isEqualTo("{\"image_size\":[{\"width\":500,\"height\":400,\"depth\":3}],"
                + "\"annotations\":[{\"class_id\":1,\"left\":102,\"top\":100,\"width\":61,\"height\":121}]}");
        assertThat(Json.write(label.metadata())).isEqualTo(
                "{\"objects\":[{\"confidence\":1.0}],\"class-map\":{\"1\":\"dog\"}}");
    }

    @Test
    void boxesThatDoNotOverlapEnoughStaySeparate() {
        assertThat(BoxClustering.intersectionOverUnion(new Box("a", 0, 0, 10, 10), new Box("a", 0, 0, 10, 10))).isEqualTo(1.0);
        assertThat(BoxClustering.intersectionOverUnion(new Box("a", 0, 0, 10, 10), new Box("a", 5, 0, 10, 10)))
                .isEqualTo(50.0 / 150.0);
        assertThat(BoxClustering.intersectionOverUnion(new Box("a", 0, 0, 10, 10), new Box("a", 20, 20, 5, 5))).isZero();
    }

    @Test
    void entitySpansNeedHalfTheWorkers() {
        Span company = new Span("Company", 0, 6);
        Span date = new Span("Date", 20, 24);
        ConsolidatedLabel label = Consolidator.of(AnswerKind.SPANS).consolidate(List.of(
                new Spans(List.of(company, date)), new Spans(List.of(company)), new Spans(List.of(company))),
                List.of(LabelCategory.of("Company", "co"), LabelCategory.of("Date")));

        assertThat(Json.write(label.value())).isEqualTo("{\"annotations\":{\"labels\":[{\"label\":\"Company\","
                + "\"shortDisplayName\":\"co\"},{\"label\":\"Date\"}],"
                + "\"entities\":[{\"label\":\"Company\",\"startOffset\":0,\"endOffset\":6}]}}");
        assertThat(Json.write(label.metadata())).isEqualTo("{\"entities\":[{\"confidence\":1.0}]}");
    }

    @Test
    void contentPassesThroughUnchanged() throws Exception {
        WorkerAnswer content = new WorkerAnswer.Content(Json.read("{\"mask\":\"s3://b/k.png\"}"));

        ConsolidatedLabel label = Consolidator.of(AnswerKind.CONTENT).consolidate(List.of(content), LABELS);

        assertThat(Json.write(label.value())).isEqualTo("{\"mask\":\"s3://b/k.png\"}");
    }
}
