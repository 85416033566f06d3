package io.github.sagemakerlabeling.examples.quickstart;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;

/** What the quickstart prints at the end: the labels given, the job's own counters, and where the results are. */
record JobSummary(String jobName, int total, int labeled, Map<String, Integer> countPerLabel,
                  OptionalDouble meanConfidence, LabelCounters counters, String finalStatus, Path outputFile) {

    void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Labeled %d of %d texts in job %s (now %s)%n", labeled, total, jobName, finalStatus);
        countPerLabel.forEach((label, count) -> out.printf(Locale.ROOT, "  %-12s %5d%n", label, count));
        meanConfidence.ifPresent(mean -> out.printf(Locale.ROOT, "  mean confidence %.2f%n", mean));
        if (counters != null) {
            out.printf(Locale.ROOT, "  LabelCounters: TotalLabeled=%d HumanLabeled=%d MachineLabeled=%d "
                    + "FailedNonRetryableError=%d Unlabeled=%d%n", counters.totalLabeled(), counters.humanLabeled(),
                    counters.machineLabeled(), counters.failedNonRetryableError(), counters.unlabeled());
        }
        out.println("  results: " + outputFile.toAbsolutePath().normalize());
    }
}
