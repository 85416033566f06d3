package io.github.sagemakerlabeling.examples.s3images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the example's images: one flat-coloured circle, square or triangle on white, pixel by pixel (no fonts, no
 * anti-aliasing), so the same names always give the same pixels.
 *
 * <p>Regenerate the shipped images (from the repository root, JDK only):
 * <pre>
 * java examples/s3-images/src/test/java/io/github/sagemakerlabeling/examples/s3images/ShapeImages.java \
 *     examples/s3-images/src/main/resources/images
 * </pre>
 */
public final class ShapeImages {

    /** The side of every image, in pixels. */
    static final int SIZE = 64;

    /** The shipped images: shape, colour name and RGB. */
    static final List<Shape> SHIPPED = List.of(
            new Shape("circle", "red", 0xD7263D), new Shape("circle", "blue", 0x1B4F9C),
            new Shape("square", "green", 0x2E933C), new Shape("square", "orange", 0xF49D37),
            new Shape("triangle", "purple", 0x6A4C93), new Shape("triangle", "teal", 0x138A8A));

    private static final int WHITE = 0xFFFFFF;

    private ShapeImages() {
    }

    /**
     * One image to draw.
     *
     * @param kind   {@code circle}, {@code square} or {@code triangle}
     * @param colour the colour's name, part of the file name
     * @param rgb    the colour
     */
    record Shape(String kind, String colour, int rgb) {

        /** The file name, which starts with the shape: {@code circle-red.png}. */
        String fileName() {
            return kind + "-" + colour + ".png";
        }
    }

    /** The image of a shape, centred, about half the image wide. */
    static BufferedImage render(Shape shape) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                image.setRGB(x, y, inside(shape.kind(), x, y) ? shape.rgb() : WHITE);
            }
        }
        return image;
    }

    private static boolean inside(String kind, int x, int y) {
        int centre = SIZE / 2;
        int half = SIZE * 3 / 8;
        int dx = x - centre;
        int dy = y - centre;
        return switch (kind) {
            case "circle" -> dx * dx + dy * dy <= half * half;
            case "square" -> Math.abs(dx) <= half && Math.abs(dy) <= half;
            // Apex at the top, base at the bottom: the width grows by one pixel per row.
            case "triangle" -> dy >= -half && dy <= half && 2 * Math.abs(dx) <= dy + half;
            default -> throw new IllegalArgumentException("Unknown shape " + kind);
        };
    }

    /** Writes every shipped image as PNG, and {@code index.txt} listing their names, into a directory. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: ShapeImages <directory>");
        }
        Path directory = Path.of(args[0]);
        try {
            Files.createDirectories(directory);
            List<String> names = new ArrayList<>();
            for (Shape shape : SHIPPED) {
                ImageIO.write(render(shape), "png", directory.resolve(shape.fileName()).toFile());
                names.add(shape.fileName());
            }
            Files.write(directory.resolve("index.txt"), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
