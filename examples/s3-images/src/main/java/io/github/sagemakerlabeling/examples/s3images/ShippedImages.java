package io.github.sagemakerlabeling.examples.s3images;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The images the example ships on its classpath, under {@code images/}, listed in {@code images/index.txt}. */
final class ShippedImages {

    /** Where the app picks up new images. */
    static final String INCOMING_PREFIX = "incoming/";

    private ShippedImages() {
    }

    /**
     * One shipped image.
     *
     * @param name its file name, which starts with its shape: {@code circle-red.png}
     * @param png  its bytes
     */
    record ShippedImage(String name, byte[] png) {
    }

    /** Every shipped image, in the index's order. */
    static List<ShippedImage> load() {
        List<ShippedImage> images = new ArrayList<>();
        try (BufferedReader index = new BufferedReader(new InputStreamReader(open("index.txt"),
                StandardCharsets.UTF_8))) {
            for (String name = index.readLine(); name != null; name = index.readLine()) {
                if (!name.isBlank()) {
                    try (InputStream png = open(name.trim())) {
                        images.add(new ShippedImage(name.trim(), png.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images;
    }

    /** Puts each image into the bucket under {@code incoming/}, as a user dropping images there would. */
    static void drop(S3Client s3, String bucket, List<ShippedImage> images) {
        images.forEach(image -> s3.putObject(b -> b.bucket(bucket).key(INCOMING_PREFIX + image.name())
                .contentType("image/png"), RequestBody.fromBytes(image.png())));
    }

    private static InputStream open(String name) {
        InputStream in = ShippedImages.class.getResourceAsStream("/images/" + name);
        if (in == null) {
            throw new IllegalStateException("images/" + name + " is not on the classpath");
        }
        return in;
    }
}
