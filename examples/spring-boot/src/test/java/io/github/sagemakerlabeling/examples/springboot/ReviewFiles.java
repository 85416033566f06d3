package io.github.sagemakerlabeling.examples.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The app's inbox and outbox, as a user sees them. */
final class ReviewFiles {

    private ReviewFiles() {
    }

    /** Drops a file of reviews, one a line, into the inbox at once (written aside, then moved in). */
    static void drop(Path inbox, String fileName, List<String> reviews) throws IOException {
        Path written = Files.write(inbox.resolve(fileName + ".part"), reviews);
        Files.move(written, inbox.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The labeled reviews in the outbox, by label: each label is a folder of one file per review. */
    static Map<String, Set<String>> labeled(Path outbox) throws IOException {
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(Files::isRegularFile).collect(Collectors.groupingBy(
                    file -> file.getParent().getFileName().toString(),
                    Collectors.mapping(ReviewFiles::read, Collectors.toSet())));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
