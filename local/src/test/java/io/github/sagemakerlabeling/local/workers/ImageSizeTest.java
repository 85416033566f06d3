package io.github.sagemakerlabeling.local.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageSizeTest {

    @Test
    void readsTheSizeFromPngAndJpegHeaders() throws IOException {
        assertThat(ImageSize.read(image(321, 123, "png"))).contains(new ImageSize(321, 123));
        assertThat(ImageSize.read(image(64, 480, "jpg"))).contains(new ImageSize(64, 480));
    }

    @Test
    void otherBytesAndCutHeadersHaveNoSize() throws IOException {
        assertThat(ImageSize.read("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageSize.read(Arrays.copyOf(image(10, 10, "png"), 12))).isEmpty();
        assertThat(ImageSize.read(Arrays.copyOf(image(10, 10, "jpg"), 4))).isEmpty();
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }
}
