package io.github.sagemakerlabeling.camel.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file a job needs in S3 (its label category configuration, its worker task template), named by its content: the
 * key carries a hash of the bytes, so the same content always lands at the same URI and a restarted route describes
 * the same job as before.
 *
 * @param name        what the file is, the start of its file name, for example {@code label-categories}
 * @param extension   the file name's end, for example {@code .json}
 * @param contentType the MIME type it is stored with
 * @param content     the bytes
 */
record JobArtifact(String name, String extension, String contentType, byte[] content) {

    private static final int HASH_CHARACTERS = 16;

    static JobArtifact text(String name, String extension, String contentType, String content) {
        return new JobArtifact(name, extension, contentType, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The file name: {@code <name>-<first 16 hex digits of the SHA-256 of the content><extension>}. */
    String fileName() {
        return name + "-" + sha256Hex(content).substring(0, HASH_CHARACTERS) + extension;
    }

    /** The URI of this file under an {@code s3://bucket/prefix} location. */
    String uriUnder(String s3Prefix) {
        return (s3Prefix.endsWith("/") ? s3Prefix : s3Prefix + "/") + fileName();
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
