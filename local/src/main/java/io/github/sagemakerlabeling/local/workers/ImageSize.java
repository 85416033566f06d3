package io.github.sagemakerlabeling.local.workers;

import java.util.Optional;

/**
 * The pixel size of an image, read from the header of a PNG or JPEG file, as a worker's tool sees the image (the
 * {@code inputImageProperties} of a bounding-box answer).
 *
 * @param width  pixels across
 * @param height pixels down
 */
public record ImageSize(int width, int height) {

    /** How many leading bytes of an image {@link #read} needs at most for the files it reads. */
    public static final int HEADER_BYTES = 64 * 1024;

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("an image is at least 1 x 1 pixels, was " + width + " x " + height);
        }
    }

    /** The size in a PNG or JPEG header; empty for other formats or a header cut before the size. */
    public static Optional<ImageSize> read(byte[] header) {
        if (isPng(header)) {
            return header.length < 24 ? Optional.empty() : Optional.of(new ImageSize(int32(header, 16), int32(header, 20)));
        }
        if (header.length > 3 && (header[0] & 0xFF) == 0xFF && (header[1] & 0xFF) == 0xD8) {
            return jpeg(header);
        }
        return Optional.empty();
    }

    private static boolean isPng(byte[] header) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (header.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (header[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** Walks the JPEG segments to the first start-of-frame marker (SOF0..SOF15 but DHT, JPG and DAC). */
    private static Optional<ImageSize> jpeg(byte[] data) {
        int at = 2;
        while (at + 9 < data.length) {
            if ((data[at] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = data[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            int length = ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                int height = ((data[at + 5] & 0xFF) << 8) | (data[at + 6] & 0xFF);
                int width = ((data[at + 7] & 0xFF) << 8) | (data[at + 8] & 0xFF);
                return width > 0 && height > 0 ? Optional.of(new ImageSize(width, height)) : Optional.empty();
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    private static int int32(byte[] data, int at) {
        return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
    }
}
