package io.github.sagemakerlabeling.examples.s3images;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.examples.s3images.ShapeImages.Shape;
import io.github.sagemakerlabeling.examples.s3images.ShippedImages.ShippedImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The images the app ships are exactly what {@link ShapeImages} draws, so they can always be made again. */
class ShippedImagesTest {

    @Test
    void theShippedImagesAreTheGeneratedShapes() throws IOException {
        List<ShippedImage> shipped = ShippedImages.load();

        assertThat(shipped).extracting(ShippedImage::name)
                .containsExactlyElementsOf(ShapeImages.SHIPPED.stream().map(Shape::fileName).toList());
        for (int i = 0; i < shipped.size(); i++) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(shipped.get(i).png()));
            BufferedImage drawn = ShapeImages.render(ShapeImages.SHIPPED.get(i));
            assertThat(pixels(image)).as(shipped.get(i).name()).isEqualTo(pixels(drawn));
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
