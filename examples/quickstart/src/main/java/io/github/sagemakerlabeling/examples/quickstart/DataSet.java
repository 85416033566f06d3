package io.github.sagemakerlabeling.examples.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/** The texts the feeding route will send: every non-blank line of the folder's {@code *.txt} files, once each. */
final class DataSet {

    private DataSet() {
    }

    /**
     * The distinct texts, which is how many labeled results to wait for: the component sends a repeated text with the
     * same dedup id, so it is labeled once.
     *
     * @throws IllegalArgumentException when the folder has no text to label
     */
    static Set<String> texts(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("quickstart.data must be a folder of .txt files, was " + directory);
        }
        Set<String> texts = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".txt")).sorted().toList()) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim)
                        .filter(line -> !line.isEmpty()).forEach(texts::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data set in " + directory, e);
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("quickstart.data has no text to label: no non-blank line in a .txt file"
                    + " of " + directory);
        }
        return texts;
    }
}
