package io.github.sagemakerlabeling.local.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.workers.AnswerKind;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Semantic segmentation masks as crowd-semantic-segmentation submits them, voted pixel by pixel into one mask. */
class MaskVoteTest {

    private static final List<LabelCategory> LABELS = List.of(LabelCategory.of("bird"), LabelCategory.of("sky"));
    private static final int BIRD = 0x2ca02c;
    private static final int SKY = 0x1f77b4;

    @Test
    void eachPixelGoesToTheClassMostWorkersPaintedItWith() throws Exception {
        // 4 x 1 pixels: bird, bird, sky, unpainted by two workers; the third paints pixel 1 sky and pixel 3 bird
        WorkerAnswer ann = answer(BIRD, BIRD, SKY, -1);
        WorkerAnswer bob = answer(BIRD, BIRD, SKY, -1);
        WorkerAnswer cy = answer(BIRD, SKY, SKY, BIRD);

        ConsolidatedLabel label = Consolidator.of(AnswerKind.CONTENT, Optional.of(TaskType.SEMANTIC_SEGMENTATION))
                .consolidate(List.of(ann, bob, cy), LABELS);

        BufferedImage mask = ImageIO.read(new ByteArrayInputStream(label.mask().orElseThrow()));
        assertThat(new int[] {rgb(mask, 0), rgb(mask, 1), rgb(mask, 2), rgb(mask, 3)})
                .containsExactly(BIRD, BIRD, SKY, 0xffffff);
        assertThat(Json.write(label.metadata().get("internal-color-map"))).isEqualTo("{"
                + "\"0\":{\"class-name\":\"BACKGROUND\",\"confidence\":0.67,\"hex-color\":\"#ffffff\"},"
                + "\"1\":{\"class-name\":\"bird\",\"confidence\":0.83,\"hex-color\":\"#2ca02c\"},"
                + "\"2\":{\"class-name\":\"sky\",\"confidence\":1.0,\"hex-color\":\"#1f77b4\"}}");
        assertThat(label.withMaskAt("s3://out/mask.png").value().textValue()).isEqualTo("s3://out/mask.png");
    }

    @Test
    void aLoneWorkersMaskIsTakenWithConfidenceZeroAndBadImagesAreProblems() throws Exception {
        ConsolidatedLabel label = Consolidator.of(AnswerKind.CONTENT, Optional.of(TaskType.SEMANTIC_SEGMENTATION))
                .consolidate(List.of(answer(SKY, -1)), LABELS);

        BufferedImage mask = ImageIO.read(new ByteArrayInputStream(label.mask().orElseThrow()));
        assertThat(rgb(mask, 0)).isEqualTo(SKY);
        assertThat(label.metadata().at("/internal-color-map/2/confidence").doubleValue()).isZero();
        assertThat(SegmentationMask.problem(((WorkerAnswer.Content) answer(SKY)).value())).isEmpty();
        assertThat(SegmentationMask.problem(Json.read("{\"crowd-semantic-segmentation\":{\"labeledImage\":"
                + "{\"pngImageData\":\"bm90IGEgUE5H\"}}}"))).hasValueSatisfying(problem ->
                assertThat(problem).contains("labeledImage.pngImageData is not a PNG"));
        assertThat(SegmentationMask.problem(Json.read("{\"crowd-classifier\":{\"label\":\"bird\"}}")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("no member with labeledImage"));
    }

    /** A row of pixels painted with the given colours (-1: unpainted, transparent), as the element submits it. */
    private static WorkerAnswer answer(int... colors) throws Exception {
        BufferedImage image = new BufferedImage(colors.length, 1, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < colors.length; x++) {
            image.setRGB(x, 0, colors[x] < 0 ? 0 : 0xff000000 | colors[x]);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ObjectNode output = Json.mapper().createObjectNode();
        output.putObject("inputImageProperties").put("height", 1).put("width", colors.length);
        ObjectNode mappings = output.putObject("labelMappings");
        mappings.putObject("bird").put("color", "#2ca02c");
        mappings.putObject("sky").put("color", "#1f77b4");
        output.putObject("labeledImage").put("pngImageData", Base64.getEncoder().encodeToString(png.toByteArray()));
        JsonNode content = Json.mapper().createObjectNode().set("crowd-semantic-segmentation", output);
        return new WorkerAnswer.Content(content);
    }

    private static int rgb(BufferedImage image, int x) {
        return image.getRGB(x, 0) & 0xffffff;
    }
}
