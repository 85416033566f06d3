package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * One worker's semantic segmentation as {@code crowd-semantic-segmentation} submits it ({@code {"<name>":
 * {"inputImageProperties", "labelMappings": {"<label>": {"color": "#rrggbb"}}, "labeledImage": {"pngImageData":
 * "<base64 PNG>"}}}}), read as a class index per pixel: 0 for pixels of no label's colour (unpainted, transparent),
 * {@code i + 1} for the job's {@code i}-th label.
 *
 * @param width   the mask's width in pixels
 * @param height  the mask's height in pixels
 * @param classes the class index of each pixel, row by row
 * @param colors  the colour each label was painted with, {@code #rrggbb}
 */
public record SegmentationMask(int width, int height, int[] classes, Map<String, String> colors) {

    /**
     * What is wrong with a submitted segmentation, if anything: no element output with {@code labeledImage}, or
     * {@code pngImageData} that is not a base64 PNG.
     */
    public static Optional<String> problem(JsonNode answerContent) {
        Optional<JsonNode> output = output(answerContent);
        if (output.isEmpty()) {
            return Optional.of("the answer has no crowd-semantic-segmentation output: no member with"
                    + " labeledImage.pngImageData");
        }
        try {
            image(output.get());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Reads a worker's segmentation; an answer whose image cannot be read counts as all unlabeled.
     *
     * @param answerContent the worker's answer, the element's output under its name
     * @param labels        the job's labels, whose positions (plus one) are the class indexes
     */
    static SegmentationMask read(JsonNode answerContent, List<String> labels) {
        Optional<JsonNode> output = output(answerContent);
        Map<String, String> colors = new HashMap<>();
        output.map(o -> o.path("labelMappings")).ifPresent(mappings -> mappings.fields().forEachRemaining(
                entry -> colors.put(entry.getKey(), entry.getValue().path("color").asText("").toLowerCase(Locale.ROOT))));
        BufferedImage image;
        try {
            image = output.map(SegmentationMask::image).orElse(null);
        } catch (IllegalArgumentException e) {
            image = null;
        }
        if (image == null) {
            int width = output.map(o -> o.at("/inputImageProperties/width").asInt(1)).orElse(1);
            int height = output.map(o -> o.at("/inputImageProperties/height").asInt(1)).orElse(1);
            return new SegmentationMask(width, height, new int[width * height], colors);
        }
        Map<Integer, Integer> classOfColor = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String color = colors.get(labels.get(i));
            if (color != null && color.matches("#[0-9a-f]{6}")) {
                classOfColor.putIfAbsent(Integer.parseInt(color.substring(1), 16), i + 1);
            }
        }
        int[] classes = new int[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                boolean painted = (argb >>> 24) >= 128;
                classes[y * image.getWidth() + x] = painted ? classOfColor.getOrDefault(argb & 0xffffff, 0) : 0;
            }
        }
        return new SegmentationMask(image.getWidth(), image.getHeight(), classes, colors);
    }

    /** The class index at a pixel; 0 outside the mask. */
    int classAt(int x, int y) {
        return x < width && y < height ? classes[y * width + x] : 0;
    }

    /** The element's output: the first member of the answer that carries {@code labeledImage}. */
    private static Optional<JsonNode> output(JsonNode answerContent) {
        if (answerContent == null || !answerContent.isObject()) {
            return Optional.empty();
        }
        if (answerContent.has("labeledImage")) {
            return Optional.of(answerContent);
        }
        for (Iterator<JsonNode> members = answerContent.elements(); members.hasNext(); ) {
            JsonNode member = members.next();
            if (member.isObject() && member.has("labeledImage")) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    private static BufferedImage image(JsonNode output) {
        String data = output.at("/labeledImage/pngImageData").asText("");
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("labeledImage.pngImageData is not base64: " + e.getMessage());
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null || bytes.length < 8 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') {
                throw new IllegalArgumentException("labeledImage.pngImageData is not a PNG image ("
                        + bytes.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("labeledImage.pngImageData is not a readable PNG: " + e.getMessage());
        }
    }
}
