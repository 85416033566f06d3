package io.github.sagemakerlabeling.examples.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives the app an inbox and an outbox of its own in a new temporary directory ({@code labeling.inbox},
 * {@code labeling.outbox}), and the test a {@link LabelingDirectories} field pointing at them; deletes them after.
 */
public class LabelingDirectoriesResource implements QuarkusTestResourceLifecycleManager {

    private Path root;
    private LabelingDirectories directories;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("labeling-app-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        directories = new LabelingDirectories(root.resolve("inbox"), root.resolve("labeled"));
        return Map.of("labeling.inbox", directories.inbox().toString(),
                "labeling.outbox", directories.outbox().toString());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(directories, new TestInjector.MatchesType(LabelingDirectories.class));
    }

    @Override
    public void stop() {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(LabelingDirectoriesResource::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
