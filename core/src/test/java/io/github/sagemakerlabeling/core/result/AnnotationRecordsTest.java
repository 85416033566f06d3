package io.github.sagemakerlabeling.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.result.BoundingBoxes.Box;
import io.github.sagemakerlabeling.core.result.BoundingBoxes.ImageSize;
import io.github.sagemakerlabeling.core.result.NamedEntities.Entity;
import io.github.sagemakerlabeling.core.result.NamedEntities.EntityLabel;
import io.github.sagemakerlabeling.core.result.SemanticSegmentation.ColorMapEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The annotation records are values: they copy what they are given and keep map order. */
class AnnotationRecordsTest {

    @Test
    void recordsCopyTheirCollections() {
        List<Integer> indexes = new ArrayList<>(List.of(2, 1));
        Map<Integer, String> classMap = new LinkedHashMap<>(Map.of(1, "a", 2, "b"));
        List<String> feedback = new ArrayList<>(List.of("too wide"));
        List<Box> boxes = new ArrayList<>(List.of(new Box(1, "a", 0, 0, 1, 1, OptionalDouble.empty())));
        List<Entity> entities = new ArrayList<>(List.of(new Entity("Date", 0, 1, OptionalDouble.empty())));

        MultiLabel multiLabel = new MultiLabel(indexes, classMap, Map.of());
        LabelVerification verification = new LabelVerification(0, "bad", 0.5, feedback);
        BoundingBoxes boundingBoxes = new BoundingBoxes(List.of(new ImageSize(1, 1, 3)), boxes, classMap);
        NamedEntities namedEntities = new NamedEntities(List.of(new EntityLabel("Date", Optional.empty())), entities);
        FrameLabels frameLabels = new FrameLabels("s3://b/SeqLabel.json", classMap);
        indexes.clear();
        classMap.clear();
        feedback.clear();
        boxes.clear();
        entities.clear();

        assertThat(multiLabel.classNames()).containsExactly("b", "a");
        assertThat(verification.workerFeedback()).containsExactly("too wide");
        assertThat(boundingBoxes.boxes()).hasSize(1);
        assertThat(boundingBoxes.classMap()).hasSize(2);
        assertThat(namedEntities.entities()).hasSize(1);
        assertThat(frameLabels.classMap()).hasSize(2);
        assertThatThrownBy(() -> multiLabel.classMap().put(3, "c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapsKeepTheOrderTheyWereGivenIn() {
        Map<Integer, ColorMapEntry> colors = new LinkedHashMap<>();
        colors.put(2, new ColorMapEntry("road", 0.9, "#f28333"));
        colors.put(0, new ColorMapEntry("BACKGROUND", 0.9, "#ffffff"));

        assertThat(new SemanticSegmentation("s3://b/mask.png", colors).colorMap().keySet()).containsExactly(2, 0);
    }
}
