package io.github.sagemakerlabeling.camel.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a class's {@code main} in a JVM of its own, on this JVM's class path, for the tests that kill an application
 * with SIGKILL ({@link Process#destroyForcibly()}).
 */
final class ChildJvm {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);

    private ChildJvm() {
    }

    /**
     * Starts the process and hands each line of its output (standard output and error together) to {@code lines},
     * on a thread that reads the output to its end, so the process never blocks on a full pipe.
     *
     * @return the process, and the thread reading its output, which ends after the last line was handed over
     */
    static Child start(Class<?> main, List<String> arguments, Consumer<String> lines) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(started.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                LOG.debug("The output of {} ended", main.getSimpleName(), e);
            }
        }, main.getSimpleName() + "-output");
        reader.setDaemon(true);
        reader.start();
        return new Child(started, reader);
    }

    /** A started process and the thread reading its output. */
    record Child(Process process, Thread outputReader) {

        /** Waits until every line of the output of the ended process was handed over. */
        void awaitOutput(long millis) throws InterruptedException {
            outputReader.join(millis);
        }
    }
}
