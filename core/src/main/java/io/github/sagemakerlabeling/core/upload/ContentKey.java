package io.github.sagemakerlabeling.core.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of content, as the lowercase hex that names an uploaded object. */
final class ContentKey {

    /** The length of a key's hash part, in characters. */
    static final int HASH_LENGTH = 64;

    private ContentKey() {
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Reads the stream to its end, copying it to {@code copy}, and returns the hash of what was read. */
    static String copying(InputStream stream, OutputStream copy) throws IOException {
        MessageDigest digest = sha256();
        try (DigestInputStream digesting = new DigestInputStream(stream, digest)) {
            digesting.transferTo(copy);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
