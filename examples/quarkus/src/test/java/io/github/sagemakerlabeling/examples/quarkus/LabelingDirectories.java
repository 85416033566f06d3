package io.github.sagemakerlabeling.examples.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The app's inbox and outbox, as a test sees them.
 *
 * @param inbox  where the app picks up files of texts ({@code labeling.inbox})
 * @param outbox where it writes each labeled text, in a folder named after its label ({@code labeling.outbox})
 */
public record LabelingDirectories(Path inbox, Path outbox) {

    /** Puts a file into the inbox whole: written beside it, then moved in, so the app never reads half of it. */
    public void drop(String fileName, String content) throws IOException {
        Files.createDirectories(inbox);
        Path staging = Files.writeString(inbox.resolveSibling(fileName + ".tmp"), content);
        Files.move(staging, inbox.resolve(fileName));
    }

    /** Each text in the outbox, mapped to the name of the folder it is in: its label. */
    public Map<String, String> labeledTexts() throws IOException {
        if (!Files.isDirectory(outbox)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(Files::isRegularFile)
                    .collect(Collectors.toMap(LabelingDirectories::content,
                            file -> file.getParent().getFileName().toString()));
        }
    }

    private static String content(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
