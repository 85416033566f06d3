package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Semantic segmentation: as Ground Truth documents, each pixel is a classification and the workers' masks are its
 * votes; the most painted class wins (a tie goes to unlabeled, then to the label listed first). The result is a PNG
 * mask (white for unlabeled, each label in the colour its first worker painted it with) that the engine stores in
 * S3 and names in the output line, with {@code internal-color-map}: the classes with their colours and the share of
 * workers who agreed on their pixels as confidence (0 for a lone worker, as everywhere).
 */
final class MaskVote implements Consolidator {

    static final String BACKGROUND = "BACKGROUND";
    private static final String BACKGROUND_COLOR = "#ffffff";
    /** The colours of labels no worker painted, in label order. */
    private static final String[] PALETTE = {"#2ca02c", "#1f77b4", "#ff7f0e", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    @Override
    public ConsolidatedLabel consolidate(List<WorkerAnswer> answers, List<LabelCategory> labels) {
        List<String> names = labels.stream().map(LabelCategory::label).toList();
        List<SegmentationMask> masks = answers.stream()
                .map(answer -> SegmentationMask.read(((WorkerAnswer.Content) answer).value(), names)).toList();
        int width = masks.get(0).width();
        int height = masks.get(0).height();
        int classes = names.size() + 1;
        int[] votes = new int[classes];
        long[] pixels = new long[classes];
        long[] agreeing = new long[classes];
        int[] rgb = colors(masks, names);
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Arrays.fill(votes, 0);
                for (SegmentationMask mask : masks) {
                    votes[mask.classAt(x, y)]++;
                }
                int winner = 0;
                for (int c = 1; c < classes; c++) {
                    if (votes[c] > votes[winner]) {
                        winner = c;
                    }
                }
                pixels[winner]++;
                agreeing[winner] += votes[winner];
                result.setRGB(x, y, rgb[winner]);
            }
        }
        ObjectNode colorMap = JsonNodeFactory.instance.objectNode();
        for (int c = 0; c < classes; c++) {
            double share = pixels[c] == 0 ? 0 : (double) agreeing[c] / (pixels[c] * masks.size());
            colorMap.putObject(String.valueOf(c)).put("class-name", c == 0 ? BACKGROUND : names.get(c - 1))
                    .put("confidence", masks.size() <= 1 ? 0.0 : Math.round(share * 100) / 100.0)
                    .put("hex-color", String.format(Locale.ROOT, "#%06x", rgb[c]));
        }
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.set("internal-color-map", colorMap);
        return ConsolidatedLabel.withMask(metadata, png(result));
    }

    /** Each class's colour as RGB: white for unlabeled, else the first worker's colour for it, else the palette's. */
    private static int[] colors(List<SegmentationMask> masks, List<String> names) {
        int[] rgb = new int[names.size() + 1];
        rgb[0] = Integer.parseInt(BACKGROUND_COLOR.substring(1), 16);
        for (int i = 0; i < names.size(); i++) {
            String color = PALETTE[i % PALETTE.length];
            for (SegmentationMask mask : masks) {
                String painted = mask.colors().get(names.get(i));
                if (painted != null && painted.matches("#[0-9a-f]{6}")) {
                    color = painted;
                    break;
                }
            }
            rgb[i + 1] = Integer.parseInt(color.substring(1), 16);
        }
        return rgb;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("the mask could not be written as PNG", e);
        }
        return out.toByteArray();
    }
}
