package io.github.sagemakerlabeling.benchmarks;

import io.github.sagemakerlabeling.local.launcher.LocalGroundTruthLauncher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Local Ground Truth run by its standalone launcher in a JVM of its own, started with this JVM's class path: its
 * memory and threads never count against the measured app. Stopped with SIGTERM by {@link #close()}.
 */
final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final Map<String, String> lines;
    private final Path log;

    private LauncherProcess(Process process, Map<String, String> lines, Path log) {
        this.process = process;
        this.lines = lines;
        this.log = log;
    }

    /** Starts the launcher with the given JVM options and launcher options and waits for its ready line. */
    static LauncherProcess start(List<String> jvmOptions, List<String> options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalGroundTruthLauncher.class.getName(),
                "--stop-with-parent"));
        command.addAll(options);
        Path log = Files.createTempFile("local-ground-truth-launcher-", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        Map<String, String> lines = new LinkedHashMap<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                lines.put(line.substring(0, eq), line.substring(eq + 1));
            }
            if (line.equals(LocalGroundTruthLauncher.READY_LINE)) {
                // Keep draining standard output so the launcher never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // nothing
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                }, "launcher-stdout");
                drain.setDaemon(true);
                drain.start();
                return new LauncherProcess(process, lines, log);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the launcher ended before its ready line, exit " + waitFor(process)
                + "; its standard error: " + log);
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    URI endpoint(String service) {
        return URI.create(value(service));
    }

    String value(String name) {
        String value = lines.get(name);
        if (value == null) {
            throw new IllegalStateException("the launcher printed no " + name + "= line: " + lines);
        }
        return value;
    }

    long pid() {
        return process.pid();
    }

    /** The launcher process's CPU time so far (user + system), in nanoseconds, from /proc; -1 where there is none. */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3): utime and stime are fields 14 and 15, in clock ticks (100 a second).
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The launcher's resident set size in bytes, from /proc; -1 where there is none. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc
        }
        return -1;
    }

    Path log() {
        return log;
    }

    /** SIGTERM, as Ctrl-C would: the launcher stops every server and exits (143). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not stop on SIGTERM within a minute");
        }
    }

    int exitValue() {
        return process.exitValue();
    }
}
