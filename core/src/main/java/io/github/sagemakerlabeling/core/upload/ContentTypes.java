package io.github.sagemakerlabeling.core.upload;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Guesses a binary's content type when the caller gives none: from a file name's extension, then from the first
 * bytes (the magic numbers of common image formats and the like), else {@value #DEFAULT}.
 */
final class ContentTypes {

    /** The content type of bytes nothing is known about. */
    static final String DEFAULT = "application/octet-stream";

    private ContentTypes() {
    }

    static String probe(String fileName, Path content) {
        String byName = byName(fileName);
        if (byName != null) {
            return byName;
        }
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(content))) {
            return byContent(stream);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + content + " to guess its content type", e);
        }
    }

    static String probe(String fileName, byte[] content) {
        String byName = byName(fileName);
        if (byName != null) {
            return byName;
        }
        try {
            return byContent(new BufferedInputStream(new ByteArrayInputStream(content)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String byName(String fileName) {
        return fileName == null ? null : URLConnection.guessContentTypeFromName(fileName);
    }

    private static String byContent(InputStream markable) throws IOException {
        String guessed = URLConnection.guessContentTypeFromStream(markable);
        return guessed != null ? guessed : DEFAULT;
    }
}
