package io.github.sagemakerlabeling.benchmarks;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * {@code size} bytes made up on the fly, never held: a 1 MiB random block, each 4 KiB page of it stamped with the
 * page's number, so no two pages repeat. The SHA-256 of what was read is computed as it is read.
 */
final class GeneratedStream extends InputStream {

    private static final int BLOCK = 1 << 20;
    private static final int PAGE = 4096;

    private final byte[] block = new byte[BLOCK];
    private final long size;
    private final MessageDigest sha256;
    private long position;

    GeneratedStream(long size, long seed) {
        this.size = size;
        new Random(seed).nextBytes(block);
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        int done = 0;
        while (done < n) {
            long at = position + done;
            int inBlock = (int) (at % BLOCK);
            int inPage = inBlock % PAGE;
            int chunk = Math.min(n - done, PAGE - inPage);
            System.arraycopy(block, inBlock, buffer, offset + done, chunk);
            // The page number over the page's first 8 bytes.
            long page = at / PAGE;
            for (int i = inPage; i < 8 && i < inPage + chunk; i++) {
                buffer[offset + done + i - inPage] = (byte) (page >>> (8 * i));
            }
            done += chunk;
        }
        sha256.update(buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, size - position);
    }

    long position() {
        return position;
    }

    /** The SHA-256 of every byte read so far, in hex; call once, at the end. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
