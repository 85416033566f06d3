package io.github.sagemakerlabeling.examples.quickstart;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;

/**
 * The quickstart: labels every text of the bundled data set with a Ground Truth streaming job and writes the labeled
 * results to a JSON-lines file. The routes are in {@code routes/quickstart.camel.yaml}, the job in
 * {@code application.properties}; this class picks where the job runs, shows progress, and prints the summary.
 * The exit code is 0 only when every text came back labeled.
 */
public final class QuickstartApp {

    private final QuickstartSettings settings;
    private final PrintStream out;
    private final boolean console;

    QuickstartApp(QuickstartSettings settings, PrintStream out, boolean console) {
        this.settings = settings;
        this.out = out;
        this.console = console;
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            QuickstartSettings settings = QuickstartSettings.load(new Properties(), System.getenv());
            exitCode = new QuickstartApp(settings, System.out, System.console() != null).run();
        } catch (Exception e) {
            // Printed here: under exec:java, Maven formats an escaping exception after the app's class loader is
            // closed, and an AWS SDK exception then loses its message.
            System.err.println("quickstart failed: " + messages(e));
            exitCode = 1;
        }
        // Also ends the AWS SDK's lingering daemon threads, which exec:java would otherwise wait for.
        System.exit(exitCode);
    }

    /** The exception's message and its causes' messages, one after another. */
    private static String messages(Throwable error) {
        StringBuilder messages = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !messages.toString().contains(cause.getMessage())) {
                messages.append(": ").append(cause.getMessage());
            }
        }
        return messages.toString();
    }

    /** Runs the quickstart to the end: 0 when every text came back labeled, else 1. */
    int run() throws Exception {
        int total = DataSet.texts(settings.dataDirectory()).size();
        Path outputFile = settings.outputDirectory().resolve("labeled.jsonl");
        Files.deleteIfExists(outputFile);
        try (LabelingTarget target = LabelingTarget.choose(settings);
                Progress progress = new Progress(total, out, console)) {
            out.println("Labeling " + total + " texts from " + settings.dataDirectory() + " in job "
                    + settings.jobName() + " on " + target.description());
            target.instructions().forEach(out::println);
            Main main = new Main();
            Properties properties = settings.all();
            properties.putAll(target.componentProperties());
            main.setOverrideProperties(properties);
            main.bind("progress", progress);
            main.start();
            try {
                progress.show();
                boolean allLabeled = progress.awaitAllLabeled(settings.timeout());
                progress.close();
                JobSummary summary = finish(main.getCamelTemplate(), total, progress, outputFile);
                summary.print(out);
                if (!allLabeled) {
                    out.println("Not every text came back labeled within quickstart.timeout ("
                            + settings.timeout() + "): " + (total - progress.labeledCount()) + " missing");
                }
                return allLabeled ? 0 : 1;
            } finally {
                main.stop();
            }
        }
    }

    /** Reads the job's counters, then stops the job and waits until it has stopped. */
    private JobSummary finish(ProducerTemplate template, int total, Progress progress, Path outputFile)
            throws IOException {
        String job = "sagemaker-labeling:" + settings.jobName();
        Exchange described = template.request(job + "?operation=describeJob", exchange -> { });
        LabelCounters counters = described.getMessage().getHeader(SageMakerLabelingConstants.LABEL_COUNTERS,
                LabelCounters.class);
        out.println("Stopping job " + settings.jobName() + " ...");
        Exchange stopped = template.request(job + "?operation=stopJob&waitForStopped=true", exchange -> { });
        String status = stopped.getMessage().getHeader(SageMakerLabelingConstants.JOB_STATUS, "unknown",
                String.class);
        return new JobSummary(settings.jobName(), total, progress.labeledCount(), progress.countPerLabel(),
                progress.meanConfidence(), counters, status, outputFile);
    }
}
