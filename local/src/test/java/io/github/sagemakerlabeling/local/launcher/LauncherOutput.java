package io.github.sagemakerlabeling.local.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads what a launcher process prints on standard output, for tests that start one. */
public final class LauncherOutput {

    private LauncherOutput() {
    }

    /** The {@code name=value} lines up to and including {@code ready=true}. */
    public static Map<String, String> readUntilReady(Process process) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals), line.substring(equals + 1));
            if (line.equals(LocalGroundTruthLauncher.READY_LINE)) {
                return values;
            }
        }
        throw new AssertionError("the launcher ended before it was ready; stdout: " + values + ", exit "
                + process.waitFor());
    }
}
